// One demo user per role (DESIGN.md "Stable interfaces"), plus a second CSO, lead and
// recruiter so the two-person rule and recruiter isolation can be seen in the demo.
import type { Role } from '@/lib/domain';

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: 'admin@hirewatch.test', name: 'Ada Admin', role: 'admin' },
  { email: 'cso@hirewatch.test', name: 'Claire Santos (CSO)', role: 'cso' },
  { email: 'cso2@hirewatch.test', name: 'Omar Reid (Deputy CSO)', role: 'cso' },
  { email: 'lead@hirewatch.test', name: 'Lena Hart', role: 'lead' },
  { email: 'lead2@hirewatch.test', name: 'Marco Vidal', role: 'lead' },
  { email: 'exec@hirewatch.test', name: 'Evelyn Cho (CEO)', role: 'exec' },
  { email: 'recruiter@hirewatch.test', name: 'Rita Okoye', role: 'recruiter' },
  { email: 'recruiter2@hirewatch.test', name: 'Ben Howell', role: 'recruiter' },
];

export function demoPassword(): string {
  return process.env.HIREWATCH_DEMO_PASSWORD || 'hirewatch-demo';
}

/**
 * The TOTP secret of the demo cso, cso2 and admin (their role requires a second factor). It is
 * public — printed in the README, and `npm run hirewatch -- demo-code` shows its current code —
 * so these demo accounts have no real second factor: like the demo password, it exists so the
 * demo can be tried, and only the demo seed ever uses it.
 */
export const DEMO_TOTP_SECRET = 'HIREWATCHDEMOSECRETPUBLICNOTSAFE';
