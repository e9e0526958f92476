/** `util.math` (contract UTIL-M1..M4). Not for security: `Math.random` is no CSPRNG, as on AppSync. */
import type { Util } from '@aws-appsync/utils';
import { CodeError } from '../../core/errors';

function finite(name: string, ...values: number[]): void {
  if (values.some((value) => typeof value !== 'number' || Number.isNaN(value))) {
    throw new CodeError(`util.math.${name}: expected numbers, got ${values.map(String).join(', ')}`, undefined);
  }
}

export const math = {
  /** Nearest integer, halves rounded up as Java's `Math.round` (`2.5 → 3`, `-2.5 → -2`) (UTIL-M1). */
  roundNum(input: number): number {
    finite('roundNum', input);
    // JavaScript's Math.round already rounds halves towards positive infinity, like Java's.
    return Math.round(input);
  },
  /** The smaller of two numbers (UTIL-M2). */
  minVal(input1: number, input2: number): number {
    finite('minVal', input1, input2);
    return Math.min(input1, input2);
  },
  /** The larger of two numbers (UTIL-M2). */
  maxVal(input1: number, input2: number): number {
    finite('maxVal', input1, input2);
    return Math.max(input1, input2);
  },
  /** A double in [0, 1) (UTIL-M3). */
  randomDouble(): number {
    return Math.random();
  },
  /** An integer in [start, end], both ends included; the bounds may come in either order (UTIL-M4). */
  randomWithinRange(start: number, end: number): number {
    finite('randomWithinRange', start, end);
    const low = Math.ceil(Math.min(start, end));
    const high = Math.floor(Math.max(start, end));
    if (low > high) throw new CodeError(`util.math.randomWithinRange: no integer between ${start} and ${end}`, undefined);
    return low + Math.floor(Math.random() * (high - low + 1));
  },
} satisfies Util['math'];
