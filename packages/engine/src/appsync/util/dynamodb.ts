/**
 * `util.dynamodb`: plain values to AppSync's typed DynamoDB values (contract UTIL-D1..D4).
 * Numbers stay JS numbers (`{ N: 12 }`) and null is `{ NULL: null }`, as AppSync emits them.
 */
import type { Util } from '@aws-appsync/utils';

type DynamodbUtil = Util['dynamodb'];

/** One typed DynamoDB value as resolvers write it (`{ S: 'x' }`, `{ N: 1 }`, `{ M: {...} }`). */
export type TypedValue = Record<string, unknown>;

function convert(value: unknown): TypedValue | null {
  if (value === undefined) return null;
  if (value === null) return { NULL: null };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: value };
  if (typeof value === 'boolean') return { BOOL: value };
  // Lists never become sets (UTIL-D1); a missing element is a null, as in JSON.
  if (Array.isArray(value)) return { L: value.map((item) => convert(item) ?? { NULL: null }) };
  if (typeof value === 'object') return { M: convertMap(value as Record<string, unknown>) };
  throw new TypeError(`util.dynamodb cannot convert a ${typeof value} to a DynamoDB value`);
}

function convertMap(map: Record<string, unknown>): Record<string, TypedValue> {
  const out: Record<string, TypedValue> = {};
  for (const [key, value] of Object.entries(map)) {
    // `undefined` members are dropped, like JSON.stringify does (UTIL-D1).
    if (value !== undefined) out[key] = convert(value) as TypedValue;
  }
  return out;
}

const nullable =
  <T, R>(wrap: (value: T) => R) =>
  (value: T | null | undefined): R | null =>
    value === null || value === undefined ? null : wrap(value);

/** Any JSON-like value to its typed form; objects become `M`, arrays `L` (UTIL-D1). */
export const toDynamoDB = convert as DynamodbUtil['toDynamoDB'];

/** `{ S }`, or null for a missing input (UTIL-D2). */
export const toString: DynamodbUtil['toString'] = nullable((S: string) => ({ S }));
/** `{ SS }` (UTIL-D2). */
export const toStringSet: DynamodbUtil['toStringSet'] = nullable((SS: string[]) => ({ SS: [...SS] }));
/** `{ N }` with a JS number, as AppSync emits it (UTIL-D2). */
export const toNumber = nullable((N: number) => ({ N })) as unknown as DynamodbUtil['toNumber'];
/** `{ NS }` with JS numbers (UTIL-D2, observed `[1, 23, 4.56]` staying numeric). */
export const toNumberSet = nullable((NS: number[]) => ({ NS: [...NS] })) as unknown as DynamodbUtil['toNumberSet'];
/** `{ B }` from a base64 string (UTIL-D2). */
export const toBinary: DynamodbUtil['toBinary'] = nullable((B: string) => ({ B }));
/** `{ BS }` from base64 strings (UTIL-D2). */
export const toBinarySet: DynamodbUtil['toBinarySet'] = nullable((BS: string[]) => ({ BS: [...BS] }));
/** `{ BOOL }` (UTIL-D2). */
export const toBoolean: DynamodbUtil['toBoolean'] = nullable((BOOL: boolean) => ({ BOOL }));
/** `{ NULL: null }` (UTIL-D2). */
export const toNull: DynamodbUtil['toNull'] = () => ({ NULL: null });

/** `{ L: [...] }` with every element converted, or null for a missing input (UTIL-D3). */
export const toList = ((value: unknown) => (Array.isArray(value) ? convert(value) : null)) as DynamodbUtil['toList'];

/** `{ M: {...} }` with every member converted, or null for a missing input (UTIL-D3). */
export const toMap = ((value: unknown) => (isMap(value) ? { M: convertMap(value) } : null)) as DynamodbUtil['toMap'];

/** The members of `toMap(value).M`: the form of `key`, `attributeValues` and `expressionValues` (UTIL-D3). */
export const toMapValues = ((value: unknown) => (isMap(value) ? convertMap(value) : null)) as DynamodbUtil['toMapValues'];

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** An S3 object reference stored as a compact JSON string (UTIL-D4, observed key order). */
export const toS3Object: DynamodbUtil['toS3Object'] = (key: string, bucket: string, region: string, version?: string) => ({
  S: JSON.stringify({ s3: version === undefined ? { key, bucket, region } : { key, bucket, region, version } }),
});

/** The `{ key, bucket, region, version? }` of a string written by `toS3Object` (or its `{ S }` form) (UTIL-D4). */
export const fromS3ObjectJson: DynamodbUtil['fromS3ObjectJson'] = (s3ObjectString: unknown) => {
  const text = isMap(s3ObjectString) && typeof s3ObjectString.S === 'string' ? s3ObjectString.S : s3ObjectString;
  if (typeof text !== 'string') throw new TypeError('util.dynamodb.fromS3ObjectJson expects the string toS3Object returns');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new TypeError('util.dynamodb.fromS3ObjectJson expects the string toS3Object returns', { cause });
  }
  const s3 = isMap(parsed) ? parsed.s3 : undefined;
  if (!isMap(s3)) throw new TypeError('util.dynamodb.fromS3ObjectJson: the string holds no "s3" object');
  const { key, bucket, region, version } = s3;
  return version === undefined ? { key, bucket, region } : { key, bucket, region, version };
};
