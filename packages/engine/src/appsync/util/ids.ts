/** `util.autoId`, `util.autoUlid`, `util.autoKsuid` (contract UTIL-01..03). */
import { randomBytes, randomUUID } from 'node:crypto';
import { ulid } from 'ulid';

/** A random (version 4) UUID, lower-case, 36 characters (UTIL-01). */
export function autoId(): string {
  return randomUUID();
}

/** A ULID: 48-bit millisecond time then 80 random bits, 26 Crockford base32 characters (UTIL-02). */
export function autoUlid(): string {
  return ulid();
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** KSUID time is seconds since 2014-05-13T16:53:20Z. */
const KSUID_EPOCH_SECONDS = 1_400_000_000;
const KSUID_LENGTH = 27;

/** Encodes `bytes` (big-endian) in base62, left-padded with '0' to the KSUID length. */
function base62(bytes: Buffer): string {
  let value = BigInt(`0x${bytes.toString('hex')}`);
  let out = '';
  for (; value > 0n; value /= 62n) out = BASE62[Number(value % 62n)] + out;
  return out.padStart(KSUID_LENGTH, '0');
}

/**
 * A KSUID (UTIL-03): 4 bytes of seconds since the KSUID epoch then 16 random bytes, base62 in
 * exactly 27 characters, so that ids sort by creation second.
 */
export function autoKsuid(): string {
  const bytes = Buffer.alloc(20);
  bytes.writeUInt32BE(Math.floor(Date.now() / 1000) - KSUID_EPOCH_SECONDS, 0);
  randomBytes(16).copy(bytes, 4);
  return base62(bytes);
}
