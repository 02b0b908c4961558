// What a webhook says. Only the case reference and the recruiter-facing clearance leave
// Hirewatch: no names, identifiers, scores or rationale, since the receiving channel (often
// a Slack room) is read by more people than the case file is. `text` makes the payload
// postable as is to a Slack incoming webhook; other fields are for programs.
import { CLEARANCE_LABELS, clearanceOf, type CaseStatus, type WebhookEvent } from '@/lib/domain';

export interface CaseEventPayload {
  id: string;
  event: WebhookEvent;
  occurredAt: string;
  case: { reference: string; clearance: ReturnType<typeof clearanceOf> };
  text: string;
}

const WHAT: Record<WebhookEvent, string> = {
  'case.escalated': 'was escalated',
  'case.cleared': 'was cleared',
  'watchlist.critical_hit': 'reached critical risk on a watchlist hit',
};

export function caseEventPayload(event: WebhookEvent, subject: { reference: string; status: CaseStatus }, id: string, occurredAt: Date): CaseEventPayload {
  const clearance = clearanceOf(subject.status);
  return {
    id,
    event,
    occurredAt: occurredAt.toISOString(),
    case: { reference: subject.reference, clearance },
    text: `Hirewatch: case ${subject.reference} ${WHAT[event]}. Clearance: ${CLEARANCE_LABELS[clearance]}.`,
  };
}
