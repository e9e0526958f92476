/** `util.str` (contract UTIL-S1). */
import type { Util } from '@aws-appsync/utils';
import { CodeError } from '../../core/errors';

type NormalizationType = Parameters<Util['str']['normalize']>[1];

const FORMS = new Set(['nfc', 'nfd', 'nfkc', 'nfkd']);

export const str = {
  /** Unicode normalisation of `value` in the form 'nfc', 'nfd', 'nfkc' or 'nfkd' (any case). */
  normalize(value: string, normalizationType: NormalizationType): string {
    const form = String(normalizationType).toLowerCase();
    if (!FORMS.has(form)) {
      throw new CodeError(`util.str.normalize: unknown normalization type '${normalizationType}' (nfc, nfd, nfkc or nfkd)`, undefined);
    }
    return String(value).normalize(form.toUpperCase());
  },
} satisfies Util['str'];
