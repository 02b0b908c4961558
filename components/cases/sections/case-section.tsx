// One section of a case file: a heading, what was gathered, and (for those who may add
// intel) a collapsed form to add more.
import type { ReactNode } from 'react';

export function CaseSection({ id, title, addLabel, form, children }: { id: string; title: ReactNode; addLabel?: string; form?: ReactNode; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {children}
      {form && addLabel && (
        <details style={{ marginTop: 10 }}>
          <summary>{addLabel}</summary>
          {form}
        </details>
      )}
    </section>
  );
}
