/**
 * AppSync's typed DynamoDB values (`{ S }`, `{ N: 12 }`, `{ NULL: null }`, base64 `B`) to the
 * native values `@aws-sdk/lib-dynamodb` marshals, and stored items back to the plain JSON resolvers
 * see in `ctx.result` (contract DDB-01, DDB-02).
 */
import { NumberValue } from '@aws-sdk/lib-dynamodb';
import { MappingTemplateError } from '../../core/errors';

export type NativeItem = Record<string, unknown>;

const TYPES = new Set(['S', 'N', 'B', 'SS', 'NS', 'BS', 'BOOL', 'NULL', 'L', 'M']);

function toNumber(value: unknown, where: string): number | NumberValue {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(number)) throw new MappingTemplateError(`${where}: N must hold a number, got ${JSON.stringify(value)}`);
  if (!Number.isInteger(number) || Number.isSafeInteger(number)) return number;
  // Beyond 2^53 the SDK refuses plain numbers: keep the digits a numeric string gave (GAP-07).
  return NumberValue.from(typeof value === 'string' ? value.trim() : BigInt(number).toString());
}

function fromBase64(value: unknown, where: string): Uint8Array {
  if (typeof value !== 'string') throw new MappingTemplateError(`${where}: B must hold a base64 string`);
  return Buffer.from(value, 'base64');
}

function asArray(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new MappingTemplateError(`${where} must hold a list`);
  return value;
}

/** One typed value to its native form; `where` names it in error messages. */
export function fromTyped(typed: unknown, where = 'value'): unknown {
  if (typed === null || typeof typed !== 'object' || Array.isArray(typed)) {
    throw new MappingTemplateError(`${where} is not a typed DynamoDB value: ${JSON.stringify(typed)}`);
  }
  const entries = Object.entries(typed);
  const [entry] = entries;
  if (entries.length !== 1 || !entry || !TYPES.has(entry[0])) {
    throw new MappingTemplateError(
      `${where} must have exactly one of the keys ${[...TYPES].join(', ')}; got ${JSON.stringify(typed)}`,
    );
  }
  const [type, value] = entry;
  switch (type) {
    case 'S':
      if (typeof value !== 'string') throw new MappingTemplateError(`${where}: S must hold a string`);
      return value;
    case 'N':
      return toNumber(value, where);
    case 'B':
      return fromBase64(value, where);
    case 'BOOL':
      if (typeof value !== 'boolean') throw new MappingTemplateError(`${where}: BOOL must hold a boolean`);
      return value;
    case 'NULL':
      return null;
    case 'SS':
      return new Set(asArray(value, where).map(String));
    case 'NS':
      return new Set(asArray(value, where).map((n) => toNumber(n, where)));
    case 'BS':
      return new Set(asArray(value, where).map((b) => fromBase64(b, where)));
    case 'L':
      return asArray(value, where).map((item, i) => fromTyped(item, `${where}[${i}]`));
    default:
      return fromTypedMap(value, where);
  }
}

/** A map of typed values (a key, `attributeValues`, `expressionValues`) to a native object. */
export function fromTypedMap(map: unknown, where = 'map'): NativeItem {
  if (map === null || typeof map !== 'object' || Array.isArray(map)) {
    throw new MappingTemplateError(`${where} must be a map of typed DynamoDB values`);
  }
  const out: NativeItem = {};
  for (const [name, typed] of Object.entries(map)) {
    if (typed !== undefined) out[name] = fromTyped(typed, `${where}.${name}`);
  }
  return out;
}

/**
 * A native value read from DynamoDB to the JSON AppSync hands to resolvers (sets → lists, bytes →
 * base64). Integers beyond 2^53 arrive as bigint and become (imprecise) numbers, as on AppSync (GAP-07).
 */
export function toResult(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof NumberValue) return Number(value.toString());
  if (value instanceof Set) return [...value].map(toResult);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(toResult);
  if (value !== null && typeof value === 'object') {
    const out: NativeItem = {};
    for (const [key, inner] of Object.entries(value)) out[key] = toResult(inner);
    return out;
  }
  return value;
}

/** An item read from DynamoDB, or null when absent. */
export function itemResult(item: NativeItem | undefined): NativeItem | null {
  return item ? (toResult(item) as NativeItem) : null;
}
