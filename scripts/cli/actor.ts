// Who the audit log names for a change made from the command line: the operator's OS account,
// as `cli:<account>`, and the command as the user agent.
import os from 'node:os';
import type { AuditActor } from '@/lib/audit/log';

function osAccount(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown'; // no passwd entry (a container)
  }
}

export function cliActor(command?: string): AuditActor {
  return { id: null, email: `cli:${osAccount()}`, userAgent: command ? `npm run hirewatch -- ${command}` : null };
}
