// What the enrollment form gets back: on success the recovery codes, shown this one time, and
// the ticket its "Continue" button sends to finish the sign-in (proof.ts, purpose 'enrollment').
import type { ActionState } from '@/lib/actions/state';

export interface EnrollmentState extends ActionState {
  recoveryCodes?: string[];
  ticket?: string;
}
