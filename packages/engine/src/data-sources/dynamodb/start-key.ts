/**
 * A DynamoDB key (`LastEvaluatedKey`, `ExclusiveStartKey`) to compact bytes and back, for the
 * inside of a pagination token. The format is binary and length-prefixed so that decoding is
 * exact: a key of 1 to 4 attributes (the table's and an index's partition and sort keys), each
 * `type(1) nameLength(2) name valueLength(2) value`, with nothing before or after.
 */
import { NumberValue } from '@aws-sdk/lib-dynamodb';
import type { NativeItem } from './typed';

/** A table key and an index key: at most two attributes each. */
const MAX_ATTRIBUTES = 4;
/** DynamoDB's limit on attribute names in keys. */
const MAX_NAME_BYTES = 255;
/** DynamoDB's limit on a partition key value (a sort key's is 1024). */
const MAX_VALUE_BYTES = 2048;

/** The longest key {@link encodeStartKey} can produce. */
export const MAX_START_KEY_BYTES = 1 + MAX_ATTRIBUTES * (1 + 2 + MAX_NAME_BYTES + 2 + MAX_VALUE_BYTES);

const STRING = 1;
const NUMBER = 2;
const BINARY = 3;

// DynamoDB's number syntax: up to 38 significant digits, an optional exponent.
const NUMBER_TEXT = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function typedBytes(name: string, value: unknown): [number, Buffer] {
  if (typeof value === 'string') return [STRING, Buffer.from(value, 'utf8')];
  if (typeof value === 'number' || typeof value === 'bigint' || value instanceof NumberValue) return [NUMBER, Buffer.from(value.toString(), 'utf8')];
  if (value instanceof Uint8Array) return [BINARY, Buffer.from(value)];
  throw new Error(`Key attribute ${name} has a type no DynamoDB key can have`);
}

/** The key as bytes; a key DynamoDB could not have returned is a programming error. */
export function encodeStartKey(key: NativeItem): Buffer {
  const entries = Object.entries(key);
  if (entries.length < 1 || entries.length > MAX_ATTRIBUTES) throw new Error(`A key has 1 to ${MAX_ATTRIBUTES} attributes, got ${entries.length}`);
  const parts: Buffer[] = [Buffer.from([entries.length])];
  for (const [name, value] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const [type, valueBytes] = typedBytes(name, value);
    if (nameBytes.length < 1 || nameBytes.length > MAX_NAME_BYTES || valueBytes.length > MAX_VALUE_BYTES) {
      throw new Error(`Key attribute ${name} is longer than DynamoDB allows`);
    }
    const header = Buffer.alloc(3);
    header.writeUInt8(type, 0);
    header.writeUInt16BE(nameBytes.length, 1);
    const length = Buffer.alloc(2);
    length.writeUInt16BE(valueBytes.length, 0);
    parts.push(header, nameBytes, length, valueBytes);
  }
  return Buffer.concat(parts);
}

/** The key the bytes hold, or undefined when they are not exactly one well-formed key. */
export function decodeStartKey(bytes: Buffer): NativeItem | undefined {
  const count = bytes[0];
  if (count === undefined || count < 1 || count > MAX_ATTRIBUTES) return undefined;
  const key: NativeItem = Object.create(null) as NativeItem;
  let offset = 1;
  const take = (length: number): Buffer | undefined => {
    if (offset + length > bytes.length) return undefined;
    const slice = bytes.subarray(offset, offset + length);
    offset += length;
    return slice;
  };
  try {
    for (let index = 0; index < count; index += 1) {
      const header = take(3);
      if (!header) return undefined;
      const type = header.readUInt8(0);
      const nameLength = header.readUInt16BE(1);
      if (nameLength < 1 || nameLength > MAX_NAME_BYTES) return undefined;
      const nameBytes = take(nameLength);
      if (!nameBytes) return undefined;
      const name = utf8.decode(nameBytes);
      const lengthBytes = take(2);
      if (!lengthBytes || name in key) return undefined;
      const valueLength = lengthBytes.readUInt16BE(0);
      if (valueLength > MAX_VALUE_BYTES) return undefined;
      const value = take(valueLength);
      if (!value) return undefined;
      if (type === STRING) key[name] = utf8.decode(value);
      else if (type === BINARY) key[name] = new Uint8Array(value);
      else if (type === NUMBER) {
        const text = utf8.decode(value);
        if (!NUMBER_TEXT.test(text)) return undefined;
        key[name] = NumberValue.from(text);
      } else return undefined;
    }
  } catch {
    // Not UTF-8 where text belongs: the decoder is fatal.
    return undefined;
  }
  if (offset !== bytes.length) return undefined;
  return { ...key };
}
