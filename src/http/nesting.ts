/**
 * How deeply a GraphQL document nests, measured on its text before parsing. graphql-js parses
 * recursively, so a document nested thousands of levels deep would exhaust the stack at a depth
 * that depends on the stack's state; refusing it first gives every caller the same clear error.
 */

/**
 * The deepest nesting a document may have: selection sets, lists, objects and argument lists
 * together. Far above any real operation (AppSync's own depth limit stops at 75 fields).
 */
export const MAX_DOCUMENT_NESTING = 250;

const opening = new Set(['{', '[', '(']);
const closing = new Set(['}', ']', ')']);

/** The deepest bracket nesting of `document`, ignoring brackets inside strings and comments. */
export function documentNesting(document: string): number {
  let depth = 0;
  let deepest = 0;
  for (let index = 0; index < document.length; index += 1) {
    const char = document[index]!;
    if (char === '#') {
      while (index < document.length && document[index] !== '\n' && document[index] !== '\r') index += 1;
    } else if (char === '"') {
      index = document.startsWith('"""', index) ? endOfBlockString(document, index + 3) : endOfString(document, index + 1);
    } else if (opening.has(char)) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (closing.has(char)) {
      depth = Math.max(0, depth - 1);
    }
  }
  return deepest;
}

/** The index of the closing quote of a string starting at `from` (or the end of the text). */
function endOfString(document: string, from: number): number {
  for (let index = from; index < document.length; index += 1) {
    const char = document[index];
    if (char === '\\') index += 1;
    else if (char === '"' || char === '\n') return index;
  }
  return document.length;
}

/** The index of the last quote of a block string starting at `from` (or the end of the text). */
function endOfBlockString(document: string, from: number): number {
  for (let index = from; index < document.length; index += 1) {
    if (document.startsWith('\\"""', index)) index += 3;
    else if (document.startsWith('"""', index)) return index + 2;
  }
  return document.length;
}
