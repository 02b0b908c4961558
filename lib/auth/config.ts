// The Auth.js configuration, apart from NextAuth() so tests can drive it through @auth/core.
//
// Sessions are JWTs in a cookie; the jwt callback re-checks each one against the database on
// every read (session-check.ts): disabled users, bumped session versions, idle and over-age
// sessions end at once. Sign-in is throttled per account and per IP (throttle.ts).
//
// cso and admin sign in in two steps (lib/auth/mfa/): the password gives a session token with
// mfa 'pending', which lib/auth/session.ts treats as nobody signed in, everywhere; the code
// step (lib/auth/mfa/actions.ts) then calls unstable_update with a proof that the jwt
// callback checks before it marks the token 'passed' (lib/auth/mfa/proof.ts explains why a
// browser's own session update cannot do the same).
//
// Cookies: Auth.js's defaults are already what we want, and we keep them rather than restate
// them (a restated cookie must hard-code its name, which would break the automatic prefix):
// every cookie is HttpOnly, SameSite=Lax, Path=/, and `Secure` exactly when the request URL is
// https — @auth/core lib/init.js: `defaultCookies(config.useSecureCookies ?? url.protocol === "https:")`,
// which also names them `__Secure-authjs.session-token` / `__Host-authjs.csrf-token`. The URL is
// AUTH_URL when set, else built from X-Forwarded-Proto/Host (trustHost). So in production over
// HTTPS set AUTH_URL=https://… or have the TLS proxy send `X-Forwarded-Proto: https`; plain-HTTP
// `next start` on 127.0.0.1 (the e2e run) gets working non-Secure cookies. Forcing
// useSecureCookies from NODE_ENV would break that run, since browsers drop Secure cookies over http.
// Lax, not Strict: the session must ride along when someone follows a link to a case from
// mail or chat (a top-level GET from another site), and Strict would show them the sign-in
// page instead; Lax still withholds the cookie from cross-site POSTs, iframes and fetches, and
// Server Actions also check the Origin header.
import type { DefaultSession, NextAuthConfig } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/lib/db/client';
import type { Role } from '@/lib/domain';
import { authenticate } from './credentials';
import { getAuthSecret } from './secret';
import { isValidProof, newChallenge } from './mfa/proof';
import { checkSession, passSecondFactor, type SecondFactorState, SESSION_MAX_AGE_SECONDS, startSession } from './session-check';
import { clientIp } from './throttle';

declare module 'next-auth' {
  interface Session {
    user: { id: string; role: Role } & DefaultSession['user'];
    /** Only while the password is passed and the code step is not: then user.role is absent. */
    mfaPending?: true;
    /** While pending: the challenge the code step's proof is made for (no secret: a proof needs AUTH_SECRET). */
    mfaChallenge?: string;
  }
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
}

/** Where the Auth.js routes live (app/api/auth/[...nextauth]); next-auth's default. */
export const AUTH_BASE_PATH = '/api/auth';

export function authConfig(): NextAuthConfig {
  return {
    secret: getAuthSecret(),
    trustHost: true,
    basePath: AUTH_BASE_PATH,
    session: {
      strategy: 'jwt',
      // The JWT's and the cookie's expiry. Auth.js pushes it forward on each re-issue, so the
      // absolute 8-hour limit is enforced from signedInAt in session-check.ts.
      maxAge: SESSION_MAX_AGE_SECONDS,
      // Only database sessions read updateAge; a JWT session is re-signed on every session read
      // anyway. 0 states the intent: renew (and so move lastSeen) on every request.
      updateAge: 0,
    },
    pages: { signIn: '/login' },
    providers: [
      Credentials({
        credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
        // Auth.js passes a Request rebuilt from the incoming one, headers included
        // (@auth/core lib/actions/callback/index.js), for the route and the signIn() action alike.
        async authorize(credentials, request) {
          return authenticate(await getDb(), credentials, clientIp(request.headers));
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user, trigger, session }) {
        const now = new Date();
        const db = await getDb();
        if (user) {
          // Sign-in: the user authorize() returned, with the session version it read.
          if (!user.id || !user.email || !user.role || typeof user.sessionVersion !== 'number') return null;
          const claims = startSession(
            { id: user.id, email: user.email, name: user.name ?? user.email, role: user.role, sessionVersion: user.sessionVersion },
            now,
            newChallenge(),
          );
          const fresh: JWT = { ...token, ...claims };
          return checkSession(db, fresh, now);
        }
        const checked = await checkSession(db, token, now);
        if (checked && trigger === 'update') {
          const proof = (session as { mfaProof?: unknown } | undefined)?.mfaProof;
          return passSecondFactor(checked, (challenge) => isValidProof(proof, challenge));
        }
        return checked;
      },
      session({ session, token }) {
        // Only what pages need: the claims that police the session stay in the token.
        session.user.id = token.sub as string;
        if ((token.mfa as SecondFactorState) === 'pending') {
          // Half signed in: no role, so nothing that reads the session can mistake it for access.
          session.mfaPending = true;
          session.mfaChallenge = token.mfaChallenge as string;
          return session;
        }
        session.user.role = token.role as Role;
        return session;
      },
    },
  };
}
