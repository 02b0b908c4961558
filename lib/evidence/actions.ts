'use server';
// Server actions for evidence. This file exports actions and nothing else.
import { authorizedAction } from '@/lib/actions/authorized-action';
import { uploadEvidence } from './commands';
import { uploadEvidenceSchema } from './validators';

export const uploadEvidenceAction = authorizedAction('evidence:upload', uploadEvidenceSchema, (input, { tx, user }) => uploadEvidence(tx, user, input));
