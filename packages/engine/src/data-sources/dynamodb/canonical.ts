/**
 * A stable text for a native DynamoDB value, so keys and items sent in a batch can be matched
 * with what DynamoDB returns (items and unprocessed requests come back in any order).
 */
import { NumberValue } from '@aws-sdk/lib-dynamodb';

function normalise(value: unknown): unknown {
  if (typeof value === 'bigint' || value instanceof NumberValue) return { $n: value.toString() };
  if (value instanceof Uint8Array) return { $b: Buffer.from(value).toString('base64') };
  if (value instanceof Set) return { $set: [...value].map((inner) => JSON.stringify(normalise(inner))).sort() };
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((name) => [name, normalise((value as Record<string, unknown>)[name])]),
    );
  }
  return value;
}

/** Equal for equal values whatever the order of map keys and set members. */
export function canonical(value: unknown): string {
  return JSON.stringify(normalise(value));
}

/** The key attributes of `item`, named like those of `key`. */
export function keyPart(item: Record<string, unknown>, keyNames: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keyNames.map((name) => [name, item[name]]));
}
