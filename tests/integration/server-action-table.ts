// Every exported server action with its permission and a valid-looking input: the table the
// authorization suite and the fuzz suite walk. A new action file belongs here.
import type { ActionState } from '@/lib/actions/state';
import type { Permission } from '@/lib/auth/permissions';

export type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

export interface ActionEntry {
  name: string;
  action: Action;
  permission: Permission;
  input: Record<string, string>;
  /** An uploaded file, for actions that take one (field "file"). */
  file?: File;
}

export function form(values: Record<string, string>, file?: File): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  if (file) data.append('file', file);
  return data;
}

export const GOOD_CANDIDATE = { claimedName: 'Test Person', resumeName: 'Test Person', jobRole: 'SRE', region: 'EU', source: 'referral', email: 'test.person@example.org' };

/** Imported lazily: the test files mock the session and Next's request context first. */
export async function serverActionTable(reference = 'HW-2026-0001'): Promise<ActionEntry[]> {
  const caseActions = await import('@/lib/cases/actions');
  const userActions = await import('@/lib/users/actions');
  const intelActions = await import('@/lib/intel/actions');
  const webhookActions = await import('@/lib/webhooks/actions');
  const evidenceActions = await import('@/lib/evidence/actions');
  const retentionActions = await import('@/lib/retention/actions');
  const tokenActions = await import('@/lib/api-tokens/actions');
  const table: ActionEntry[] = [
    { name: 'submitCandidate', action: caseActions.submitCandidateAction, permission: 'candidate:submit', input: GOOD_CANDIDATE },
    { name: 'addIdentifier', action: caseActions.addIdentifierAction, permission: 'case:add-intel', input: { reference, kind: 'email', value: 'x@example.org', source: 'test' } },
    { name: 'addIndicator', action: caseActions.addIndicatorAction, permission: 'case:add-intel', input: { reference, code: 'voip_phone', evidence: 'VoIP carrier on lookup.' } },
    { name: 'addInterview', action: caseActions.addInterviewAction, permission: 'case:add-intel', input: { reference, heldOn: '2026-01-05', kind: 'technical', interviewer: 'A', nameUsed: 'B', outcome: 'hold' } },
    { name: 'recordProofing', action: caseActions.recordProofingAction, permission: 'case:add-intel', input: { reference, check: 'local_knowledge', result: 'fail' } },
    { name: 'addNote', action: caseActions.addNoteAction, permission: 'case:add-intel', input: { reference, body: 'A note.' } },
    { name: 'assignCase', action: caseActions.assignCaseAction, permission: 'case:work', input: { reference, assigneeId: '00000000-0000-4000-8000-000000000000' } },
    { name: 'moveCase', action: caseActions.moveCaseAction, permission: 'case:work', input: { reference, move: 'escalate', version: '1', rationale: 'x'.repeat(30) } },
    { name: 'uploadEvidence', action: evidenceActions.uploadEvidenceAction, permission: 'evidence:upload', input: { reference }, file: new File([Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], 'x.png', { type: 'image/png' }) },
    { name: 'setRetentionDays', action: retentionActions.setRetentionDaysAction, permission: 'retention:manage', input: { days: '400' } },
    { name: 'runRetention', action: retentionActions.runRetentionAction, permission: 'retention:manage', input: { confirm: 'erase' } },
    { name: 'addWatchlistEntry', action: intelActions.addWatchlistEntryAction, permission: 'watchlist:manage', input: { kind: 'email', value: 'bad@example.org', list: 'block', source: 'test', confidence: 'high' } },
    { name: 'markFalsePositive', action: intelActions.markFalsePositiveAction, permission: 'watchlist:manage', input: { id: '00000000-0000-4000-8000-000000000000' } },
    { name: 'expireEntry', action: intelActions.expireEntryAction, permission: 'watchlist:manage', input: { id: '00000000-0000-4000-8000-000000000000' } },
    { name: 'removeEntry', action: intelActions.removeEntryAction, permission: 'watchlist:manage', input: { id: '00000000-0000-4000-8000-000000000000' } },
    { name: 'importWatchlistFile', action: intelActions.importWatchlistFileAction, permission: 'watchlist:manage', input: {}, file: new File(['kind,value,source,confidence\nemail,bad@example.org,test,high\n'], 'list.csv', { type: 'text/csv' }) },
    { name: 'createWebhook', action: webhookActions.createWebhookAction, permission: 'webhooks:manage', input: { name: 'Hook', url: 'https://hooks.example.org/x', events: 'case.escalated' } },
    { name: 'setWebhookEnabled', action: webhookActions.setWebhookEnabledAction, permission: 'webhooks:manage', input: { id: '00000000-0000-4000-8000-000000000000', enabled: 'false' } },
    { name: 'deleteWebhook', action: webhookActions.deleteWebhookAction, permission: 'webhooks:manage', input: { id: '00000000-0000-4000-8000-000000000000' } },
  ];
  for (const [name, action] of Object.entries(tokenActions)) {
    table.push({ name, action: action as Action, permission: 'tokens:manage', input: { name: 'ats-sync', role: 'recruiter', tokenId: '00000000-0000-4000-8000-000000000000' } });
  }
  for (const [name, action] of Object.entries(userActions)) {
    table.push({ name, action: action as Action, permission: 'users:manage', input: { email: 'new@example.org', name: 'New', role: 'lead', password: 'a-long-password-1', userId: '00000000-0000-4000-8000-000000000000', enabled: 'false' } });
  }
  return table;
}
