import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Hirewatch', template: '%s · Hirewatch' },
  description: 'Security operations against hiring fraud.',
  robots: { index: false, follow: false },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, the 404 page included: the Content-Security-Policy
  // nonce (proxy.ts) is new on each response, and a prerendered page would carry none.
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
