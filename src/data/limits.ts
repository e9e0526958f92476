/**
 * Input limits of the hiring schema, checked by the resolvers before any read or write, so a value
 * out of bounds is a `ValidationError` naming the field and nothing reaches DynamoDB. The schema's
 * descriptions state the same numbers (test/unit/input-limits.test.ts keeps them equal). Lengths
 * count characters as the descriptions say: Unicode code points (an emoji such as 😀 counts 1,
 * where JavaScript's `length` counts 2); a required text that shows nothing is empty (text.ts).
 */
import { util } from '@aws-appsync/utils';
import { codePointLength, isBlank } from './text';

export const LIMITS = {
  /** Every id argument and input field; ids the API issues are 36-character UUIDs. */
  id: 128,
  companyName: 200,
  /** Also limited to http and https URLs. */
  website: 2048,
  jobTitle: 200,
  jobDescription: 10000,
  jobLocation: 200,
  candidateName: 200,
  /** RFC 5321's limit on a forward path. */
  email: 254,
  phone: 32,
  noteBody: 5000,
  /** An ISO 4217 code, such as EUR. */
  currency: 3,
  /** The largest salary bound, in whole units of its currency. */
  salary: 1_000_000_000,
} as const;

/** The active ISO 4217 currency codes. */
export const CURRENCIES =
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG'.split(' ');

/** A salary range as stored: whole units of an ISO 4217 currency. */
export interface Salary {
  min: number;
  max: number;
  currency: string;
}

/**
 * An optional salary range, or null: both bounds whole numbers from 0 to {@link LIMITS.salary},
 * `min` at most `max`, `currency` an active ISO 4217 code (upper case, as given).
 */
export function salaryRange(field: string, value: Salary | null | undefined): Salary | null {
  if (value === null || value === undefined) return null;
  for (const bound of ['min', 'max'] as const) {
    const amount = value[bound];
    if (amount < 0 || amount > LIMITS.salary) {
      util.error(`${field}.${bound} must be between 0 and ${LIMITS.salary}, got ${amount}`, 'ValidationError', null, {
        field: `${field}.${bound}`,
        minimum: 0,
        maximum: LIMITS.salary,
        actual: amount,
      });
    }
  }
  if (value.min > value.max) {
    util.error(`${field}.min must not be above ${field}.max`, 'ValidationError', null, { field: `${field}.min`, maximum: value.max, actual: value.min });
  }
  assertMaxLength(`${field}.currency`, value.currency, LIMITS.currency);
  if (!CURRENCIES.includes(value.currency)) {
    util.error(`${field}.currency must be an ISO 4217 code such as EUR, got ${value.currency}`, 'ValidationError', null, {
      field: `${field}.currency`,
      actual: value.currency,
    });
  }
  return { min: value.min, max: value.max, currency: value.currency };
}

/** Fails with a ValidationError naming `field` when `value` has more than `maximum` characters (code points). */
export function assertMaxLength(field: string, value: string | null | undefined, maximum: number): void {
  // A text has at most as many characters as UTF-16 units: only a longer one needs counting.
  if (value === null || value === undefined || value.length <= maximum) return;
  const length = codePointLength(value);
  if (length > maximum) {
    util.error(`${field} must be at most ${maximum} characters, got ${length}`, 'ValidationError', null, { field, maximum, actual: length });
  }
}

/** Fails with a ValidationError naming `field` when an id is longer than any id the API issues or accepts. */
export function assertId(field: string, value: string | null | undefined): void {
  assertMaxLength(field, value, LIMITS.id);
}

/**
 * `value` without surrounding white space; a ValidationError when it shows nothing (empty, or only
 * white space and invisible characters such as U+200B) or has more than `maximum` characters.
 */
export function requiredText(field: string, value: string, maximum: number): string {
  const text = value.trim();
  // The length first: it is cheap to count, and bounds the text the blank check reads.
  assertMaxLength(field, text, maximum);
  if (isBlank(text)) util.error(`${field} must not be empty`, 'ValidationError', null, { field });
  return text;
}

/** An optional text as given, or null; a ValidationError when longer than `maximum`. */
export function optionalText(field: string, value: string | null | undefined, maximum: number): string | null {
  assertMaxLength(field, value, maximum);
  return value ?? null;
}

/**
 * An optional web address (already an AWSURL), or null. Only http and https are accepted, so that
 * a link the API serves can never run script (`javascript:`, `data:`) or open another protocol.
 */
export function webAddress(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  assertMaxLength(field, value, LIMITS.website);
  const lower = value.toLowerCase();
  if (!lower.startsWith('https://') && !lower.startsWith('http://')) {
    util.error(`${field} must be an http or https URL`, 'ValidationError', null, { field, schemes: ['http', 'https'] });
  }
  return value;
}
