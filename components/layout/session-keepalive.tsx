'use client';
// Moves the session's lastSeen forward while someone is using Hirewatch. Server Components
// cannot set cookies, so a page view alone does not renew the session token; Auth.js's own
// session endpoint does. Without this, the 30-minute idle timeout (lib/auth/session-check.ts)
// would end every session 30 minutes after sign-in, however busy the user.
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';

const RENEW_AT_MOST_EVERY_MS = 60_000;

export function SessionKeepAlive() {
  const pathname = usePathname();
  const lastRenewal = useRef(0);
  useEffect(() => {
    const renew = () => {
      if (Date.now() - lastRenewal.current < RENEW_AT_MOST_EVERY_MS) return;
      lastRenewal.current = Date.now();
      // The body is read to its end: an unread response stays open in the browser.
      void fetch('/api/auth/session', { credentials: 'same-origin', cache: 'no-store' })
        .then((response) => response.arrayBuffer())
        .catch(() => undefined);
    };
    renew();
    window.addEventListener('focus', renew);
    return () => window.removeEventListener('focus', renew);
  }, [pathname]);
  return null;
}
