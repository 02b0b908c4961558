// The centred card of the sign-in steps, with the brand on top.
import type { ReactNode } from 'react';

export function AuthCard({ children, className = '' }: { children: ReactNode; className?: string }) {
  return (
    <main className="center-page">
      <div className={`card auth-card ${className}`.trim()}>
        <div className="brand" style={{ color: 'var(--text)', padding: '0 0 4px' }}>
          Hire<span style={{ color: 'var(--accent)' }}>watch</span>
        </div>
        {children}
      </div>
    </main>
  );
}
