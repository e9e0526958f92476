/**
 * Text as people see it, for the input rules (limits.ts): its length in characters (Unicode code
 * points) and whether it shows anything at all. Plain APPSYNC_JS, so the resolvers stay valid on
 * AppSync: no regular expressions and no `charCodeAt` (both refused there); characters are
 * compared as strings, which JavaScript orders by UTF-16 code unit.
 */

/**
 * The characters that show nothing: Unicode's White_Space, the control (Cc) and format (Cf)
 * characters, and the other Default_Ignorable_Code_Point characters, as inclusive ranges (Unicode
 * 17; test/unit/text.test.ts keeps them equal to the Unicode properties). Among them: the zero-width
 * space U+200B, the joiners U+200C and U+200D, the word joiner U+2060, the soft hyphen U+00AD, the
 * byte order mark U+FEFF, bidirectional controls, variation selectors and the Hangul fillers.
 * Ranges past U+FFFF are written as surrogate pairs. Typed `Array`, not `ReadonlyArray`: AppSync's
 * lint accepts callbacks to `Array` methods only.
 */
export const INVISIBLE_RANGES: Array<readonly [string, string]> = [
  ['\u0000', '\u0020'],
  ['\u007F', '\u00A0'],
  ['\u00AD', '\u00AD'],
  ['\u034F', '\u034F'],
  ['\u0600', '\u0605'],
  ['\u061C', '\u061C'],
  ['\u06DD', '\u06DD'],
  ['\u070F', '\u070F'],
  ['\u0890', '\u0891'],
  ['\u08E2', '\u08E2'],
  ['\u115F', '\u1160'],
  ['\u1680', '\u1680'],
  ['\u17B4', '\u17B5'],
  ['\u180B', '\u180F'],
  ['\u2000', '\u200F'],
  ['\u2028', '\u202F'],
  ['\u205F', '\u206F'],
  ['\u3000', '\u3000'],
  ['\u3164', '\u3164'],
  ['\uFE00', '\uFE0F'],
  ['\uFEFF', '\uFEFF'],
  ['\uFFA0', '\uFFA0'],
  ['\uFFF0', '\uFFFB'],
  // U+110BD, U+110CD (Kaithi number signs)
  ['\uD804\uDCBD', '\uD804\uDCBD'],
  ['\uD804\uDCCD', '\uD804\uDCCD'],
  // U+13430..U+1343F (Egyptian hieroglyph format controls)
  ['\uD80D\uDC30', '\uD80D\uDC3F'],
  // U+1BCA0..U+1BCA3 (shorthand format controls)
  ['\uD82F\uDCA0', '\uD82F\uDCA3'],
  // U+1D173..U+1D17A (musical symbol format controls)
  ['\uD834\uDD73', '\uD834\uDD7A'],
  // U+E0000..U+E0FFF (tags, variation selectors supplement, unassigned ignorables)
  ['\uDB40\uDC00', '\uDB43\uDFFF'],
];

const isHighSurrogate = (unit: string | undefined) => unit !== undefined && unit >= '\uD800' && unit <= '\uDBFF';
const isLowSurrogate = (unit: string) => unit >= '\uDC00' && unit <= '\uDFFF';

/** The characters (code points) of `text`; a surrogate without its other half is one character too. */
export function codePoints(text: string): string[] {
  return text.split('').reduce<string[]>((points, unit, index, units) => {
    if (isLowSurrogate(unit) && isHighSurrogate(units[index - 1])) points[points.length - 1] = `${units[index - 1]}${unit}`;
    else points.push(unit);
    return points;
  }, []);
}

/** The number of characters (code points) in `text`: an emoji such as 😀 counts 1, not 2. */
export function codePointLength(text: string): number {
  const pairs = text.split('').filter((unit, index, units) => isLowSurrogate(unit) && isHighSurrogate(units[index - 1])).length;
  return text.length - pairs;
}

/** Whether one character (a code point) shows nothing. A range applies to characters of its own width. */
export function isInvisible(character: string): boolean {
  return INVISIBLE_RANGES.some((range) => character.length === range[0].length && character >= range[0] && character <= range[1]);
}

/** Whether `text` shows nothing: empty, or only white space and invisible characters. */
export function isBlank(text: string): boolean {
  return codePoints(text).every((character) => isInvisible(character));
}
