/**
 * `util.urlEncode`, `util.urlDecode`, `util.base64Encode`, `util.base64Decode` and
 * `util.escapeJavaScript` (contract UTIL-07..09), with the rules of the Java functions AppSync's
 * VTL twins are built on: `URLEncoder`/`URLDecoder` (UTF-8), `Base64` and commons-text
 * `escapeEcmaScript`. Input they reject throws a `Code` error.
 */
import { CodeError } from '../../core/errors';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// encodeURIComponent keeps these; Java's URLEncoder keeps only letters, digits and `.-*_`.
const KEPT_BY_JS_ONLY: Record<string, string> = { '!': '%21', "'": '%27', '(': '%28', ')': '%29', '~': '%7E' };

/** `application/x-www-form-urlencoded` in UTF-8: space → `+`, `*` kept, `~` → `%7E` (UTIL-08). */
export function urlEncode(value: string): string {
  return encodeURIComponent(String(value).replace(LONE_SURROGATE, '?'))
    .replace(/[!'()~]/g, (char) => KEPT_BY_JS_ONLY[char] ?? char)
    .replace(/%20/g, '+');
}

/** The inverse of `urlEncode`: `+` → space, `%XX` runs decoded as UTF-8 (UTIL-08). */
export function urlDecode(value: string): string {
  const text = String(value);
  if (/%(?![0-9a-fA-F]{2})/.test(text)) {
    throw new CodeError(`util.urlDecode: illegal hex characters in escape (%) pattern in '${text}'`, undefined);
  }
  const decoder = new TextDecoder();
  return text
    .replace(/\+/g, ' ')
    .replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => decoder.decode(Buffer.from(run.replace(/%/g, ''), 'hex')));
}

/** The UTF-8 bytes of a string as standard base64 with padding (UTIL-09). */
export function base64Encode(bytes: string): string {
  return Buffer.from(String(bytes), 'utf8').toString('base64');
}

/** Standard base64 (padding optional) to a UTF-8 string; other alphabets or garbage throw (UTIL-09). */
export function base64Decode(value: string): string {
  const text = String(value);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.replace(/=+$/, '').length % 4 === 1 || (text.includes('=') && text.length % 4 !== 0)) {
    throw new CodeError(`util.base64Decode: '${text}' is not valid base64`, undefined);
  }
  return Buffer.from(text, 'base64').toString('utf8');
}

const ESCAPES: Record<string, string> = {
  "'": "\\'",
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
  '\b': '\\b',
  '\n': '\\n',
  '\t': '\\t',
  '\f': '\\f',
  '\r': '\\r',
};

/**
 * The body of a JavaScript string literal for `value` (UTIL-07), as commons-text
 * `escapeEcmaScript`: quotes, backslash and `/` escaped, `\b\n\t\f\r` by name, other characters
 * outside printable ASCII as `\uXXXX` (upper-case hex, UTF-16 code units).
 */
export function escapeJavaScript(value: string): string {
  return String(value).replace(/['"\\/\b\n\t\f\r]|[^\x20-\x7f]/g, (char) => {
    const named = ESCAPES[char];
    if (named !== undefined) return named;
    return `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  });
}
