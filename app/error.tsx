'use client';

// Never a stack trace: the digest lets an operator find the server log line.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="center-page">
      <div className="card auth-card">
        <h1>Something went wrong</h1>
        <p className="muted">Nothing you did was lost on the server. Try again; if it persists, give your administrator this code: {error.digest ?? 'n/a'}.</p>
        <button onClick={reset}>Try again</button>
      </div>
    </main>
  );
}
