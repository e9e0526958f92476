/**
 * `util.matches(pattern, value)` (contract UTIL-05) with Java's `Pattern.matches` semantics: the
 * whole value must match. Java-only syntax that has a JavaScript twin is translated (leading
 * inline flags such as `(?i)`, `\Q…\E` quoting, `\A`, `\z`, `\Z`); syntax JavaScript lacks
 * (possessive quantifiers, atomic groups) makes the pattern invalid, which throws a `Code` error.
 */
import { CodeError } from '../../core/errors';

const compiled = new Map<string, RegExp>();
const MAX_CACHED_PATTERNS = 128;
// Java's UNICODE_CASE (u) and UNIX_LINES (d) change nothing that matters here; COMMENTS (x) is not translated.
const JAVA_FLAGS: Record<string, string> = { i: 'i', s: 's', m: 'm', u: '', d: '' };

function quoteLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** Java pattern → JavaScript source and flags. */
function translate(pattern: string): { source: string; flags: string } {
  let source = pattern;
  let flags = '';
  const leading = /^\(\?([a-zA-Z]+)\)/.exec(source);
  if (leading?.[1] && [...leading[1]].every((flag) => flag in JAVA_FLAGS)) {
    flags = [...new Set([...leading[1]].map((flag) => JAVA_FLAGS[flag]))].join('');
    source = source.slice(leading[0].length);
  }
  source = source
    .replace(/\\Q([\s\S]*?)(?:\\E|$)/g, (_, literal: string) => quoteLiteral(literal))
    .replace(/(^|[^\\])((?:\\\\)*)\\A/g, '$1$2^')
    .replace(/(^|[^\\])((?:\\\\)*)\\z/g, '$1$2$')
    .replace(/(^|[^\\])((?:\\\\)*)\\Z/g, '$1$2(?=\\n?$)');
  return { source: `^(?:${source})$`, flags };
}

function compile(pattern: string): RegExp {
  const cached = compiled.get(pattern);
  if (cached) return cached;
  const { source, flags } = translate(pattern);
  let regex: RegExp;
  try {
    regex = new RegExp(source, flags);
  } catch (cause) {
    throw new CodeError(`util.matches: invalid or unsupported pattern '${pattern}': ${(cause as Error).message}`, cause);
  }
  if (compiled.size >= MAX_CACHED_PATTERNS) compiled.clear();
  compiled.set(pattern, regex);
  return regex;
}

/** True when the Java regular expression `pattern` matches all of `value` (UTIL-05). */
export function matches(pattern: string, value: string): boolean {
  return compile(String(pattern)).test(String(value));
}
