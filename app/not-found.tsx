import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="center-page">
      <div className="card auth-card">
        <h1>404 · Not found</h1>
        <p className="muted">There is nothing at this address.</p>
        <Link href="/">Go to your home page</Link>
      </div>
    </main>
  );
}
