// The upload form's input. The size is checked here against the configured limit (Next.js
// already refuses bodies above serverActions.bodySizeLimit); the type is decided from the
// bytes in the business step, never from what the browser claims.
import { z } from 'zod';
import { referenceSchema } from '@/lib/cases/validators';
import { evidenceMaxBytes, formatBytes } from './limits';

export const uploadEvidenceSchema = z.object({
  reference: referenceSchema,
  file: z
    .instanceof(File, { error: 'Choose a file to upload.' })
    .refine((file) => file.size > 0, { error: 'Choose a file to upload (this one is empty).' })
    .superRefine((file, ctx) => {
      const max = evidenceMaxBytes(); // read per call: the limit is configuration
      if (file.size > max) ctx.addIssue({ code: 'custom', message: `Files can be at most ${formatBytes(max)}.` });
    }),
});

export type UploadEvidenceInput = z.output<typeof uploadEvidenceSchema>;
