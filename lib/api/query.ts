// Query parameters parsed with a zod schema (400 with the fields on refusal).
import type { z } from 'zod';
import { invalid } from './errors';

export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw invalid(parsed.error);
  return parsed.data;
}
