// The PostgreSQL enums, each from the domain's list of values (lib/domain).
import { pgEnum } from 'drizzle-orm/pg-core';
import { CASE_STATUSES, CHECK_RESULTS, CONFIDENCES, WATCHLIST_KINDS, INTERVIEW_KINDS, INTERVIEW_OUTCOMES, PROOFING_CHECKS, REGIONS, RISK_BANDS, ROLES, SEVERITIES, CANDIDATE_SOURCES, TLP_LEVELS } from '@/lib/domain';

export const roleEnum = pgEnum('role', ROLES);
export const caseStatusEnum = pgEnum('case_status', CASE_STATUSES);
export const regionEnum = pgEnum('region', REGIONS);
export const riskBandEnum = pgEnum('risk_band', RISK_BANDS);
// One enum for identifiers and the watchlist: the watchlist's extra kinds (email_domain) never
// appear on an identifier, which identifiers.kind's type says.
export const identifierKindEnum = pgEnum('identifier_kind', WATCHLIST_KINDS);
export const severityEnum = pgEnum('severity', SEVERITIES);
export const candidateSourceEnum = pgEnum('candidate_source', CANDIDATE_SOURCES);
export const interviewKindEnum = pgEnum('interview_kind', INTERVIEW_KINDS);
export const interviewOutcomeEnum = pgEnum('interview_outcome', INTERVIEW_OUTCOMES);
export const proofingCheckEnum = pgEnum('proofing_check', PROOFING_CHECKS);
export const checkResultEnum = pgEnum('check_result', CHECK_RESULTS);
export const confidenceEnum = pgEnum('confidence', CONFIDENCES);
export const tlpEnum = pgEnum('tlp', TLP_LEVELS);
export const webhookEventStatusEnum = pgEnum('webhook_event_status', ['pending', 'delivered', 'failed']);
