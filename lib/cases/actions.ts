'use server';
// Server actions for cases. This file exports actions and nothing else: each export is a
// public HTTP endpoint, authorized by the wrapper against the permissions matrix.
import { authorizedAction } from '@/lib/actions/authorized-action';
import { addIdentifier, addIndicator, addInterview, addNote, assignCase, moveCase, recordProofing, submitCandidate } from './commands';
import {
  addIdentifierSchema,
  addIndicatorSchema,
  addInterviewSchema,
  addNoteSchema,
  assignSchema,
  moveSchema,
  recordProofingSchema,
  submitCandidateSchema,
} from './validators';

export const submitCandidateAction = authorizedAction('candidate:submit', submitCandidateSchema, (input, { tx, user }) =>
  submitCandidate(tx, user, input),
);
export const addIdentifierAction = authorizedAction('case:add-intel', addIdentifierSchema, (input, { tx, user }) => addIdentifier(tx, user, input));
export const addIndicatorAction = authorizedAction('case:add-intel', addIndicatorSchema, (input, { tx, user }) => addIndicator(tx, user, input));
export const addInterviewAction = authorizedAction('case:add-intel', addInterviewSchema, (input, { tx, user }) => addInterview(tx, user, input));
export const recordProofingAction = authorizedAction('case:add-intel', recordProofingSchema, (input, { tx, user }) => recordProofing(tx, user, input));
export const addNoteAction = authorizedAction('case:add-intel', addNoteSchema, (input, { tx, user }) => addNote(tx, user, input));
export const assignCaseAction = authorizedAction('case:work', assignSchema, (input, { tx, user }) => assignCase(tx, user, input));
// Decisions need case:decide; the lifecycle rejects a lead's escalate/clear/reopen anyway,
// and the wrapper admits leads here only for their own moves (start, submit for decision).
export const moveCaseAction = authorizedAction('case:work', moveSchema, (input, { tx, user }) => moveCase(tx, user, input));
