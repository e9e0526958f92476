/**
 * `util.xml` (contract UTIL-XML, [N]): XML comes from HTTP data sources, which this runtime does
 * not have, so both members fail with an `Unsupported` error instead of guessing a conversion.
 */
import type { Util } from '@aws-appsync/utils';
import { UnsupportedError } from '../../core/errors';

const REASON = 'XML is only returned by HTTP data sources, which this runtime does not provide';

export const xml = {
  toMap(_xml: string): Record<string, unknown> | null {
    throw new UnsupportedError('util.xml.toMap', REASON);
  },
  toJsonString(_xml: string, _stringEncode?: boolean): string {
    throw new UnsupportedError('util.xml.toJsonString', REASON);
  },
} satisfies Util['xml'];
