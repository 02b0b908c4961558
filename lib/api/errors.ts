// The one error shape of the REST API: {"error":{"code","message","fields"}}. Route handlers
// throw ApiError (or let a zod error through apiHandler), never answer a stack trace.
import type { z } from 'zod';

export const API_ERROR_CODES = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  406: 'not_acceptable',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  500: 'internal_error',
} as const;
export type ApiErrorStatus = keyof typeof API_ERROR_CODES;

export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  constructor(
    readonly status: ApiErrorStatus,
    message: string,
    readonly fields: FieldErrors = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** zod issues as `fields`, keyed by the dotted path of the field (`identifiers.0.kind`). */
export function zodFields(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_';
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export function invalid(error: z.ZodError, message = 'The request is not valid: see fields.'): ApiError {
  return new ApiError(400, message, zodFields(error));
}

export const API_HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } as const;

export function errorResponse(error: ApiError): Response {
  return Response.json(
    { error: { code: API_ERROR_CODES[error.status], message: error.message, fields: error.fields } },
    { status: error.status, headers: { ...API_HEADERS, ...error.headers } },
  );
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...API_HEADERS, ...headers } });
}
