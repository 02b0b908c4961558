// Server start-up: open the database and migrate it before the first request, and on a
// fresh embedded database create the demo organization and say how to sign in.
import { getDb, getDbKind } from './client';
import { requiresSecondFactor } from '@/lib/auth/mfa/policy';
import { DEMO_TOTP_SECRET, DEMO_USERS, demoPassword } from './seed/demo-users';
import { seedDemo } from './seed/seed';

export async function prepareDatabase(): Promise<void> {
  const started = Date.now();
  const db = await getDb();
  const kind = await getDbKind();
  console.log(`[hirewatch] database ready (${kind}) in ${Date.now() - started} ms`);
  if (kind !== 'pglite' || process.env.HIREWATCH_SEED_DEMO === 'false') return;
  if (await seedDemo(db)) {
    console.log('[hirewatch] empty embedded database: demo organization created.');
    printDemoLogins();
  }
}

export function printDemoLogins(): void {
  const password = process.env.HIREWATCH_DEMO_PASSWORD ? '(the value of HIREWATCH_DEMO_PASSWORD)' : demoPassword();
  console.log(`[hirewatch] demo sign-ins, password ${password}:`);
  for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(9)} ${user.email}${requiresSecondFactor(user.role) ? '  (+ code)' : ''}`);
  console.log(`[hirewatch] (+ code): add the public demo TOTP secret ${DEMO_TOTP_SECRET} to an authenticator app, or run \`npm run hirewatch -- demo-code\`.`);
}
