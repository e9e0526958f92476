/** Paging rules shared by every list field: page size limits and defaults. */
import { util } from '@aws-appsync/utils';

export const MAX_PAGE_SIZE = 100;

/** Rejects a `limit` outside 1..MAX_PAGE_SIZE with a ValidationError. */
export function assertPageSize(limit: number | null | undefined): void {
  if (limit !== undefined && limit !== null && (limit < 1 || limit > MAX_PAGE_SIZE)) {
    util.error(`limit must be between 1 and ${MAX_PAGE_SIZE}`, 'ValidationError', null, { limit });
  }
}

/** Items per page when the caller gives no `limit`. */
export const DEFAULT_PAGE_SIZE = 20;

/** The `limit` and `nextToken` of a Query request for one page of a list field. */
export function page(limit: number | null | undefined, nextToken: string | null | undefined) {
  return { limit: limit ?? DEFAULT_PAGE_SIZE, nextToken: nextToken ?? undefined };
}
