/** `util.autoId`, `util.autoUlid`, `util.autoKsuid` (contract UTIL-01..03). */
import { randomUUID } from 'node:crypto';

export function autoId(): string {
  return randomUUID();
}
