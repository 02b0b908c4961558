// Auth.js (next-auth v5): email + password credentials, JWT sessions carrying id and role.
// The jwt callback re-reads the user on every request, so disabling a user or changing a
// role takes effect at once rather than when the token expires.
import { eq } from 'drizzle-orm';
import NextAuth, { type DefaultSession } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { users } from '@/lib/db/schema';
import type { Role } from '@/lib/domain';
import { decoyHash, verifyPassword } from './password';
import { getAuthSecret } from './secret';

declare module 'next-auth' {
  interface Session {
    user: { id: string; role: Role } & DefaultSession['user'];
  }
  interface User {
    role?: Role;
  }
}

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().email().max(254), password: z.string().min(1).max(200) });

const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

async function findActiveUser(id: string) {
  const db = await getDb();
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, id));
  return user && !user.disabled ? user : null;
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: getAuthSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/login' },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const db = await getDb();
        const [user] = await db.select().from(users).where(eq(users.email, parsed.data.email));
        const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), parsed.data.password);
        if (!user || !valid || user.disabled) return null;
        return { id: user.id, email: user.email, name: user.name, role: user.role };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      const id = user?.id ?? token.sub;
      if (!id) return null;
      const current = await findActiveUser(id);
      if (!current) return null;
      return { ...token, sub: current.id, email: current.email, name: current.name, role: current.role };
    },
    session({ session, token }) {
      session.user.id = token.sub as string;
      session.user.role = token.role as Role;
      return session;
    },
  },
}));
