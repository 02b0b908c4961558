// 415 for a body sent with the wrong Content-Type (a form post, say), before it is read.
import { ApiError } from './errors';

export function requireContentType(request: Request, ...accepted: string[]): void {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!accepted.includes(type)) throw new ApiError(415, `Send the body as ${accepted.join(' or ')}.`);
}

export const requireJsonContent = (request: Request) => requireContentType(request, 'application/json');
