import Link from 'next/link';

// Rendered with HTTP 403 by forbidden(). It says nothing about what was asked for: not even
// whether a case with that reference exists.
export default function Forbidden() {
  return (
    <main className="center-page">
      <div className="card auth-card">
        <h1>403 · Not allowed</h1>
        <p className="muted">Your role does not give access to this page.</p>
        <Link href="/">Go to your home page</Link>
      </div>
    </main>
  );
}
