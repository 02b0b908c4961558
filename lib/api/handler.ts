// Wraps every REST API route handler: ApiError → its status and the one error shape; any
// other error → 500 without details (logged on the server).
import { ApiError, errorResponse } from './errors';

type Handler<C> = (request: Request, context: C) => Promise<Response>;

export function apiHandler<C = unknown>(name: string, handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error);
      console.error(`[api] ${name} failed`, error instanceof Error ? error.message : error);
      return errorResponse(new ApiError(500, 'Something went wrong; nothing was saved. Try again.'));
    }
  };
}

/** The body as text, refused with 413 past `limitBytes` (counted while reading, not trusted from Content-Length). */
export async function readBody(request: Request, limitBytes: number): Promise<string> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limitBytes) throw tooLarge(limitBytes);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel();
      throw tooLarge(limitBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(limitBytes: number): ApiError {
  return new ApiError(413, `The body is larger than ${Math.round(limitBytes / 1024)} KiB.`);
}

/** A JSON body (≤ limit), or 400 when it does not parse. */
export async function readJson(request: Request, limitBytes: number): Promise<unknown> {
  const text = await readBody(request, limitBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'The body is not valid JSON.');
  }
}
