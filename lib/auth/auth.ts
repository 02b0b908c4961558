// Auth.js (next-auth v5): email + password credentials, JWT sessions carrying id and role.
// The configuration (providers, callbacks, cookies and why) is in config.ts; lazy, so the
// secret and the database are only touched when a request needs them.
import NextAuth from 'next-auth';
import { authConfig } from './config';

export const { handlers, auth, signIn, signOut, unstable_update: updateSession } = NextAuth(() => authConfig());
