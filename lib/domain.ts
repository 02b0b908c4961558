// The vocabulary of Hirewatch: the stable names of DESIGN.md ("Stable interfaces") and the
// labels people read. Plain data, shared by the schema, the validators and the UI.

export const ROLES = ['recruiter', 'lead', 'cso', 'exec', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  recruiter: 'Recruiter',
  lead: 'Security lead',
  cso: 'CSO reviewer',
  exec: 'Executive',
  admin: 'Administrator',
};

export const CASE_STATUSES = ['open', 'investigating', 'pending_decision', 'escalated', 'cleared'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const STATUS_LABELS: Record<CaseStatus, string> = {
  open: 'Open',
  investigating: 'Investigating',
  pending_decision: 'Pending decision',
  escalated: 'Escalated',
  cleared: 'Cleared',
};

export const CLEARANCES = ['under_review', 'cleared', 'do_not_proceed'] as const;
export type Clearance = (typeof CLEARANCES)[number];
export const CLEARANCE_LABELS: Record<Clearance, string> = {
  under_review: 'Under review',
  cleared: 'Cleared',
  do_not_proceed: 'Do not proceed',
};

/** What a recruiter may learn of a case: its clearance, never the state behind it. */
export function clearanceOf(status: CaseStatus): Clearance {
  if (status === 'cleared') return 'cleared';
  if (status === 'escalated') return 'do_not_proceed';
  return 'under_review';
}

export const REGIONS = ['NA', 'EU', 'UK', 'APAC', 'LATAM', 'MEA'] as const;
export type Region = (typeof REGIONS)[number];
export const REGION_LABELS: Record<Region, string> = {
  NA: 'North America',
  EU: 'Europe',
  UK: 'United Kingdom',
  APAC: 'Asia-Pacific',
  LATAM: 'Latin America',
  MEA: 'Middle East & Africa',
};

export const RISK_BANDS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

export const IDENTIFIER_KINDS = [
  'email',
  'phone',
  'ip',
  'name',
  'wallet',
  'address',
  'linkedin',
  'github',
  'device',
  'resume_hash',
  'photo_hash',
] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];
export const IDENTIFIER_KIND_LABELS: Record<IdentifierKind, string> = {
  email: 'Email',
  phone: 'Phone',
  ip: 'IP address',
  name: 'Name / alias',
  wallet: 'Crypto wallet',
  address: 'Postal / shipping address',
  linkedin: 'LinkedIn',
  github: 'GitHub',
  device: 'Device fingerprint',
  resume_hash: 'Résumé hash',
  photo_hash: 'Photo hash',
};
/**
 * What the watchlist can hold: every identifier kind, plus patterns that match many values.
 * An `ip` entry may be a CIDR range ("203.0.113.0/24"); an `email_domain` entry matches every
 * email at that domain or a subdomain of it.
 */
export const WATCHLIST_KINDS = [...IDENTIFIER_KINDS, 'email_domain'] as const;
export type WatchlistKind = (typeof WATCHLIST_KINDS)[number];
export const WATCHLIST_KIND_LABELS: Record<WatchlistKind, string> = {
  ...IDENTIFIER_KIND_LABELS,
  ip: 'IP address or range (CIDR)',
  email_domain: 'Email domain',
};
/** Identifiers that point at one person or one place; escalation puts them on the watchlist. */
export const HARD_IDENTIFIER_KINDS: readonly IdentifierKind[] = ['email', 'phone', 'ip', 'wallet', 'address'];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CANDIDATE_SOURCES = ['referral', 'job_board', 'agency', 'direct', 'ats_import'] as const;
export type CandidateSource = (typeof CANDIDATE_SOURCES)[number];
export const SOURCE_LABELS: Record<CandidateSource, string> = {
  referral: 'Referral',
  job_board: 'Job board',
  agency: 'Agency',
  direct: 'Direct application',
  ats_import: 'ATS import',
};

export const INTERVIEW_KINDS = ['recruiter_screen', 'technical', 'system_design', 'behavioral', 'final'] as const;
export type InterviewKind = (typeof INTERVIEW_KINDS)[number];
export const INTERVIEW_KIND_LABELS: Record<InterviewKind, string> = {
  recruiter_screen: 'Recruiter screen',
  technical: 'Technical',
  system_design: 'System design',
  behavioral: 'Behavioral',
  final: 'Final (CSO)',
};

export const INTERVIEW_OUTCOMES = ['advance', 'hold', 'reject', 'no_show'] as const;
export type InterviewOutcome = (typeof INTERVIEW_OUTCOMES)[number];
export const INTERVIEW_OUTCOME_LABELS: Record<InterviewOutcome, string> = {
  advance: 'Advance',
  hold: 'Hold',
  reject: 'Reject',
  no_show: 'No show',
};

export const INTERVIEW_OBSERVATIONS = [
  'voice_switching',
  'camera_refused',
  'high_latency',
  'off_screen_prompting',
  'deepfake_artifacts',
  'crowded_background',
] as const;
export type InterviewObservation = (typeof INTERVIEW_OBSERVATIONS)[number];
export const OBSERVATION_LABELS: Record<InterviewObservation, string> = {
  voice_switching: 'Voice switching',
  camera_refused: 'Camera refused',
  high_latency: 'Unusual latency',
  off_screen_prompting: 'Off-screen prompting',
  deepfake_artifacts: 'Deepfake artifacts',
  crowded_background: 'Crowded room / call-centre noise',
};

export const PROOFING_CHECKS = [
  'live_id_with_face',
  'local_knowledge',
  'hand_over_face',
  'camera_to_window',
  'consistent_voice',
  'reference_images_kept',
  'references_called_independently',
  'equipment_to_id_address',
] as const;
export type ProofingCheck = (typeof PROOFING_CHECKS)[number];
export const PROOFING_CHECK_LABELS: Record<ProofingCheck, string> = {
  live_id_with_face: 'Live government ID held next to the face',
  local_knowledge: 'Local-knowledge questions',
  hand_over_face: 'Camera on, hand passed in front of the face',
  camera_to_window: 'Camera turned to the window',
  consistent_voice: 'Consistent voice across rounds',
  reference_images_kept: 'Reference images kept for post-hire comparison',
  references_called_independently: 'References called on independently found numbers',
  equipment_to_id_address: 'Equipment shipped only to the address on the ID',
};

export const CHECK_RESULTS = ['pass', 'fail', 'not_done'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];
export const CHECK_RESULT_LABELS: Record<CheckResult, string> = {
  pass: 'Pass',
  fail: 'Fail',
  not_done: 'Not done',
};

export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** Traffic Light Protocol 2.0 levels, as stored; TLP_LABELS are how people write them. */
export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber_strict', 'red'] as const;
export type TlpLevel = (typeof TLP_LEVELS)[number];
export const TLP_LABELS: Record<TlpLevel, string> = {
  clear: 'TLP:CLEAR',
  green: 'TLP:GREEN',
  amber: 'TLP:AMBER',
  amber_strict: 'TLP:AMBER+STRICT',
  red: 'TLP:RED',
};

/** Events a webhook endpoint may subscribe to. */
export const WEBHOOK_EVENTS = ['case.escalated', 'case.cleared', 'watchlist.critical_hit'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export function formatReference(year: number, sequence: number): string {
  return `HW-${year}-${String(sequence).padStart(4, '0')}`;
}
