import type { ReactNode } from 'react';

/**
 * One chart panel: a heading naming the chart, a text summary of what it shows (the
 * accessible description of the section), the chart or an empty state, then notes.
 */
export function ChartCard({
  id,
  title,
  summary,
  children,
  controls,
  notes,
}: {
  id: string;
  title: string;
  summary: string;
  children: ReactNode;
  controls?: ReactNode;
  notes?: ReactNode;
}) {
  return (
    <section className="card trend-card" aria-labelledby={`${id}-heading`} aria-describedby={`${id}-summary`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {controls}
      <p id={`${id}-summary`} className="trend-summary">
        {summary}
      </p>
      {children}
      {notes ? <div className="trend-notes">{notes}</div> : null}
    </section>
  );
}

/** In place of a chart when the range holds nothing to draw. */
export function ChartEmpty({ children }: { children: ReactNode }) {
  return <div className="empty trend-empty">{children}</div>;
}
