import type { AuthenticatedRequest } from '../auth/bearer-auth.guard';

/** The rep a request acts for: the name of the API token it carries. */
export function repOf(request: AuthenticatedRequest): string {
  return request.apiToken?.name ?? 'unknown';
}
