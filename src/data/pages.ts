/** Page-size rules shared by every list field. */
import { util } from '@aws-appsync/utils';

export const MAX_PAGE_SIZE = 100;

/** Rejects a `limit` outside 1..MAX_PAGE_SIZE with a ValidationError. */
export function assertPageSize(limit: number | null | undefined): void {
  if (limit !== undefined && limit !== null && (limit < 1 || limit > MAX_PAGE_SIZE)) {
    util.error(`limit must be between 1 and ${MAX_PAGE_SIZE}`, 'ValidationError', null, { limit });
  }
}
