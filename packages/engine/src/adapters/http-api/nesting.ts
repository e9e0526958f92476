/**
 * How deeply a GraphQL document nests, measured on its text before parsing. graphql-js parses
 * recursively, so a document nested thousands of levels deep would exhaust the stack at a depth
 * that depends on the stack's state; refusing it first gives every caller the same clear error.
 *
 * It runs on every request, so it scans character codes (no per-character strings or set lookups:
 * a 2 KB query takes about 2 µs instead of 25 µs), and a document too short to nest past the limit
 * is not scanned at all.
 */

/**
 * The deepest nesting a document may have: selection sets, lists, objects and argument lists
 * together. Far above any real operation (AppSync's own depth limit stops at 75 fields).
 */
export const MAX_DOCUMENT_NESTING = 250;

const LF = 10;
const CR = 13;
const QUOTE = 34; // "
const HASH = 35; // #
const BACKSLASH = 92;

/** Whether `document` nests deeper than {@link MAX_DOCUMENT_NESTING} (every bracket opens one level). */
export function nestsTooDeep(document: string): boolean {
  return document.length > MAX_DOCUMENT_NESTING && documentNesting(document) > MAX_DOCUMENT_NESTING;
}

/** The deepest bracket nesting of `document`, ignoring brackets inside strings and comments. */
export function documentNesting(document: string): number {
  const length = document.length;
  let depth = 0;
  let deepest = 0;
  for (let index = 0; index < length; index += 1) {
    switch (document.charCodeAt(index)) {
      case 123: // {
      case 91: // [
      case 40: // (
        depth += 1;
        if (depth > deepest) deepest = depth;
        break;
      case 125: // }
      case 93: // ]
      case 41: // )
        if (depth > 0) depth -= 1;
        break;
      case HASH:
        while (index < length && document.charCodeAt(index) !== LF && document.charCodeAt(index) !== CR) index += 1;
        break;
      case QUOTE:
        index = isBlockQuote(document, index) ? endOfBlockString(document, index + 3) : endOfString(document, index + 1);
        break;
    }
  }
  return deepest;
}

const isBlockQuote = (document: string, at: number) => document.charCodeAt(at) === QUOTE && document.charCodeAt(at + 1) === QUOTE && document.charCodeAt(at + 2) === QUOTE;

/** The index of the closing quote of a string starting at `from` (or the end of the text). */
function endOfString(document: string, from: number): number {
  for (let index = from; index < document.length; index += 1) {
    const code = document.charCodeAt(index);
    if (code === BACKSLASH) index += 1;
    else if (code === QUOTE || code === LF) return index;
  }
  return document.length;
}

/** The index of the last quote of a block string starting at `from` (or the end of the text). */
function endOfBlockString(document: string, from: number): number {
  for (let index = from; index < document.length; index += 1) {
    const code = document.charCodeAt(index);
    if (code === BACKSLASH && isBlockQuote(document, index + 1)) index += 3;
    else if (code === QUOTE && isBlockQuote(document, index)) return index + 2;
  }
  return document.length;
}
