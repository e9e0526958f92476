/**
 * Input limits of the hiring schema, checked by the resolvers before any read or write, so a value
 * out of bounds is a `ValidationError` naming the field and nothing reaches DynamoDB. The schema's
 * descriptions state the same numbers (test/unit/input-limits.test.ts keeps them equal). Lengths
 * count UTF-16 code units, as GraphQL strings and JavaScript do (an emoji counts 2).
 */
import { util } from '@aws-appsync/utils';

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
} as const;

/** Fails with a ValidationError naming `field` when `value` is longer than `maximum`. */
export function assertMaxLength(field: string, value: string | null | undefined, maximum: number): void {
  if (value !== null && value !== undefined && value.length > maximum) {
    util.error(`${field} must be at most ${maximum} characters, got ${value.length}`, 'ValidationError', null, {
      field,
      maximum,
      actual: value.length,
    });
  }
}

/** Fails with a ValidationError naming `field` when an id is longer than any id the API issues or accepts. */
export function assertId(field: string, value: string | null | undefined): void {
  assertMaxLength(field, value, LIMITS.id);
}

/** `value` without surrounding white space; a ValidationError when that is empty or longer than `maximum`. */
export function requiredText(field: string, value: string, maximum: number): string {
  const text = value.trim();
  if (text === '') util.error(`${field} must not be empty`, 'ValidationError', null, { field });
  assertMaxLength(field, text, maximum);
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
