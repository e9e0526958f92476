// The text rules of the hiring inputs (src/data/text.ts): lengths in Unicode code points, and text
// that shows nothing (White_Space, Cc, Cf, Default_Ignorable_Code_Point) counted as empty.
import { describe, expect, it } from 'vitest';
import { codePointLength, codePoints, INVISIBLE_RANGES, isBlank, isInvisible } from '../../src/data/text';

const INVISIBLE = /^[\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]$/u;
const isSurrogate = (codePoint: number) => codePoint >= 0xd800 && codePoint <= 0xdfff;

/** The code point ranges whose characters match `pattern`, as [first, last] pairs. */
function rangesOf(pattern: RegExp): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let codePoint = 0; codePoint <= 0x10ffff; codePoint += 1) {
    if (isSurrogate(codePoint) || !pattern.test(String.fromCodePoint(codePoint))) continue;
    const last = ranges.at(-1);
    if (last && last[1] === codePoint - 1) last[1] = codePoint;
    else ranges.push([codePoint, codePoint]);
  }
  return ranges;
}

describe('INVISIBLE_RANGES', () => {
  it('are exactly the code points of Unicode White_Space, Cc, Cf and Default_Ignorable_Code_Point', () => {
    const table = INVISIBLE_RANGES.map(([first, last]) => [first.codePointAt(0), last.codePointAt(0)]);
    expect(table).toEqual(rangesOf(INVISIBLE));
  });
});

describe('isInvisible', () => {
  it('holds for each range’s ends and not for the characters just outside them, in the BMP and past it', () => {
    for (const [first, last] of INVISIBLE_RANGES) {
      const [low, high] = [first.codePointAt(0)!, last.codePointAt(0)!];
      expect(isInvisible(String.fromCodePoint(low)), low.toString(16)).toBe(true);
      expect(isInvisible(String.fromCodePoint(high)), high.toString(16)).toBe(true);
      for (const outside of [low - 1, high + 1]) {
        if (outside < 0 || isSurrogate(outside) || INVISIBLE.test(String.fromCodePoint(outside))) continue;
        expect(isInvisible(String.fromCodePoint(outside)), outside.toString(16)).toBe(false);
      }
    }
  });

  it('agrees with the Unicode properties on a sample of every plane', () => {
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint += 97) {
      if (isSurrogate(codePoint)) continue;
      const character = String.fromCodePoint(codePoint);
      expect(isInvisible(character), codePoint.toString(16)).toBe(INVISIBLE.test(character));
    }
  });

  it('is false for a surrogate without its other half', () => {
    for (const unit of ['\uD800', '\uDB40', '\uDB41', '\uDC00', '\uDFFF']) expect(isInvisible(unit)).toBe(false);
  });
});

describe('codePointLength', () => {
  it('counts an emoji once, as the spread of a string does', () => {
    expect(codePointLength('😀'.repeat(200))).toBe(200);
    expect(codePointLength('a😀b')).toBe(3);
    expect(codePointLength('')).toBe(0);
    // A family is three code points: two emoji and a zero-width joiner.
    expect(codePointLength('\u{1F468}\u200D\u{1F469}')).toBe(3);
    for (const text of ['Zoë \u4e2d\u6587', '\u{1F600}\u{10FFFF}\u{10000}x', 'e\u0301', '\uD83D', '\uDE00\uD83D', '\uD83D\uD83D\uDE00']) {
      expect(codePointLength(text), JSON.stringify(text)).toBe([...text].length);
    }
  });
});

describe('codePoints', () => {
  it('splits text into code points, a lone surrogate being one', () => {
    expect(codePoints('a😀\uD83D')).toEqual(['a', '😀', '\uD83D']);
    expect(codePoints('\uDE00\uD83D\uDE00')).toEqual(['\uDE00', '😀']);
  });
});

describe('isBlank', () => {
  it('is true for text of white space and invisible characters only', () => {
    const blank = ['', ' ', '\u200B', '\u200B'.repeat(50), '\u200B\u200C\u200D\u2060\u00AD\uFEFF', '\t\n\r\u00A0\u3000\u2028', '\u3164\u115F', '\uFE0F', '\u{E0041}\u{E007F}', '\u202E\u2066'];
    for (const text of blank) expect(isBlank(text), JSON.stringify(text)).toBe(true);
  });

  it('is false once one character shows', () => {
    const shown = ['a', '\u200Ba\u200B', '😀', '\u0301', '\u2800', '\uD83D', '\u200B\u{1F468}\u200D\u{1F469}'];
    for (const text of shown) expect(isBlank(text), JSON.stringify(text)).toBe(false);
  });
});
