import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppSyncError } from '@appsync-lambda/engine';
import { withExecution, type AuthTypeName, type Execution } from '@appsync-lambda/engine/testing';
import { util } from '@aws-appsync/utils';
import { thrownBy } from '@appsync-lambda/test-support';

function anExecution(overrides: Partial<Execution> = {}): Execution {
  return { appendedErrors: [], authType: 'User Pool Authorization', ...overrides };
}

const CROCKFORD_ULID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;
const BASE62_KSUID = /^[0-9A-Za-z]{27}$/;

describe('util', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('UTIL-00 has exactly the members of the official Util type and no VTL-only helpers', () => {
    expect(Object.keys(util).sort()).toEqual(
      [
        'escapeJavaScript', 'urlEncode', 'urlDecode', 'base64Encode', 'base64Decode', 'autoId', 'autoUlid', 'autoKsuid',
        'unauthorized', 'error', 'appendError', 'matches', 'authType', 'time', 'dynamodb', 'rds', 'http', 'xml',
        'transform', 'math', 'str',
      ].sort(),
    );
    for (const vtlOnly of ['isNull', 'isNullOrEmpty', 'defaultIfNull', 'typeOf', 'toJson', 'parseJson', 'qr', 'quiet', 'list', 'map']) {
      expect(util, vtlOnly).not.toHaveProperty(vtlOnly);
    }
  });

  it('UTIL-01 autoId returns distinct lower-case version 4 UUIDs', () => {
    const ids = Array.from({ length: 50 }, () => util.autoId());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('UTIL-02 autoUlid returns 26 Crockford base32 characters that sort by creation time', () => {
    vi.useFakeTimers();
    vi.setSystemTime(1517943695750);
    const earlier = util.autoUlid();
    vi.setSystemTime(1517943695751);
    const later = util.autoUlid();
    expect(earlier).toMatch(CROCKFORD_ULID);
    expect(later).toMatch(CROCKFORD_ULID);
    // The first 10 characters encode the milliseconds: 1517943695750 in base32.
    expect(earlier.slice(0, 10)).toBe('01C5P7XAC6');
    expect(earlier < later).toBe(true);
    expect(util.autoUlid()).not.toBe(util.autoUlid());
  });

  it('UTIL-03 autoKsuid returns 27 base62 characters whose first 4 bytes are seconds since 2014-05-13', () => {
    vi.useFakeTimers();
    vi.setSystemTime(1_400_000_000_000 + 1_000);
    const first = util.autoKsuid();
    vi.setSystemTime(1_900_000_000_000);
    const second = util.autoKsuid();
    for (const id of [first, second]) expect(id).toMatch(BASE62_KSUID);
    const decode = (id: string) =>
      [...id].reduce((acc, ch) => acc * 62n + BigInt('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'.indexOf(ch)), 0n);
    expect(Number(decode(first) >> 128n)).toBe(1);
    expect(Number(decode(second) >> 128n)).toBe(500_000_000);
    expect(first < second).toBe(true);
  });

  it('UTIL-04 error throws an AppSyncError, appendError records one, unauthorized throws Unauthorized', () => {
    const raised = thrownBy(() => util.error('Job is closed', 'JobClosed', { id: 'j1' }, { hint: 'reopen' }));
    expect(raised).toBeInstanceOf(AppSyncError);
    expect(raised).toMatchObject({ message: 'Job is closed', errorType: 'JobClosed', data: { id: 'j1' }, errorInfo: { hint: 'reopen' } });
    const execution = anExecution();
    withExecution(execution, () => util.appendError('Partial', 'Warning'));
    expect(execution.appendedErrors).toEqual([{ message: 'Partial', errorType: 'Warning', data: null, errorInfo: null }]);
    expect(thrownBy(() => util.unauthorized())).toMatchObject({ message: 'Unauthorized', errorType: 'Unauthorized' });
    expect(thrownBy(() => util.unauthorized())).toBeInstanceOf(AppSyncError);
  });

  it('UTIL-05 matches needs the whole value to match, as Java Pattern.matches', () => {
    expect(util.matches('a*b', 'aaaaab')).toBe(true);
    expect(util.matches('b', 'ab')).toBe(false);
    expect(util.matches('a|ab', 'ab')).toBe(true);
    expect(util.matches('^[a-z]+@[a-z]+\\.com$', 'jane@acme.com')).toBe(true);
    expect(util.matches('(?i)acme', 'ACME')).toBe(true);
    expect(util.matches('\\Qa.b\\E', 'a.b')).toBe(true);
    expect(util.matches('\\Qa.b\\E', 'axb')).toBe(false);
    expect(util.matches('\\Aab\\z', 'ab')).toBe(true);
    expect(util.matches('(?m)a.c', 'abc')).toBe(true);
    expect(util.matches('(?s)a.c', 'a\nc')).toBe(true);
    expect(util.matches('a.c', 'a\nc')).toBe(false);
    expect(thrownBy(() => util.matches('(?x) a b ', 'ab'))).toMatchObject({ errorType: 'Code' });
    const invalid = thrownBy(() => util.matches('a++', 'aa'));
    expect(invalid).toMatchObject({ errorType: 'Code', message: expect.stringContaining("util.matches: invalid or unsupported pattern 'a++'") });
  });

  it('UTIL-06 authType names the auth mode of the current request', () => {
    const names: AuthTypeName[] = ['API Key Authorization', 'IAM Authorization', 'User Pool Authorization', 'Open ID Connect Authorization', 'Lambda Authorization'];
    for (const name of names) expect(withExecution(anExecution({ authType: name }), () => util.authType())).toBe(name);
    expect(withExecution(anExecution({ authType: null }), () => util.authType())).toBe('API Key Authorization');
    expect(thrownBy(() => util.authType())).toMatchObject({ errorType: 'Code' });
  });

  it('UTIL-07 escapeJavaScript escapes quotes, backslash, slash and control or non-ASCII characters', () => {
    expect(util.escapeJavaScript(`He said "it's" a\\b/c`)).toBe(`He said \\"it\\'s\\" a\\\\b\\/c`);
    expect(util.escapeJavaScript('line\nnext\ttab\r\b\f\u0001')).toBe('line\\nnext\\ttab\\r\\b\\f\\u0001');
    expect(util.escapeJavaScript('café 😀')).toBe('caf\\u00E9 \\uD83D\\uDE00');
  });

  it('UTIL-08 urlEncode follows Java URLEncoder (UTF-8) and urlDecode reverses it', () => {
    expect(util.urlEncode("a b*c~d!e'f(g)h.i-j_k")).toBe('a+b*c%7Ed%21e%27f%28g%29h.i-j_k');
    expect(util.urlEncode('é/&=?+')).toBe('%C3%A9%2F%26%3D%3F%2B');
    expect(util.urlDecode('a+b%2Bc%C3%A9%7e')).toBe('a b+cé~');
    const text = 'Grüße & co: 100% 😀';
    expect(util.urlDecode(util.urlEncode(text))).toBe(text);
    expect(thrownBy(() => util.urlDecode('100%'))).toMatchObject({ errorType: 'Code' });
    expect(thrownBy(() => util.urlDecode('%G1'))).toMatchObject({ errorType: 'Code' });
  });

  it('UTIL-09 base64Encode and base64Decode convert UTF-8 strings to standard base64 and back', () => {
    expect(util.base64Encode('hello world')).toBe('aGVsbG8gd29ybGQ=');
    expect(util.base64Encode('é?>')).toBe('w6k/Pg==');
    expect(util.base64Decode('w6k/Pg==')).toBe('é?>');
    expect(util.base64Decode('aGVsbG8gd29ybGQ')).toBe('hello world');
    expect(thrownBy(() => util.base64Decode('w6k_Pg=='))).toMatchObject({ errorType: 'Code' });
    expect(thrownBy(() => util.base64Decode('abcde'))).toMatchObject({ errorType: 'Code' });
  });

  it('UTIL-S1 str.normalize applies the Unicode normalisation form', () => {
    const composed = 'é';
    const decomposed = 'e\u0301';
    expect(util.str.normalize(decomposed, 'nfc')).toBe(composed);
    expect(util.str.normalize(composed, 'nfd')).toBe(decomposed);
    expect(util.str.normalize('ﬁ', 'nfkc')).toBe('fi');
    expect(util.str.normalize('ﬁ', 'nfc')).toBe('ﬁ');
    expect(util.str.normalize('Å', 'nfkd')).toBe('A\u030a');
    expect(thrownBy(() => util.str.normalize('x', 'nfx' as 'nfc'))).toMatchObject({ errorType: 'Code' });
  });

  it('UTIL-M1 math.roundNum rounds halves up as Java Math.round', () => {
    expect([2.5, -2.5, 2.4, -2.6, 0.49999999999999994].map(util.math.roundNum)).toEqual([3, -2, 2, -3, 0]);
  });

  it('UTIL-M2 math.minVal and math.maxVal pick the smaller and larger number', () => {
    expect(util.math.minVal(3, -1.5)).toBe(-1.5);
    expect(util.math.maxVal(3, -1.5)).toBe(3);
    expect(thrownBy(() => util.math.maxVal(Number.NaN, 1))).toMatchObject({ errorType: 'Code' });
  });

  it('UTIL-M3 math.randomDouble returns a number in [0, 1)', () => {
    const spy = vi.spyOn(Math, 'random');
    try {
      spy.mockReturnValueOnce(0).mockReturnValueOnce(0.999999);
      expect(util.math.randomDouble()).toBe(0);
      expect(util.math.randomDouble()).toBe(0.999999);
    } finally {
      spy.mockRestore();
    }
    const value = util.math.randomDouble();
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThan(1);
  });

  it('UTIL-M4 math.randomWithinRange returns an integer with both bounds included', () => {
    const spy = vi.spyOn(Math, 'random');
    try {
      spy.mockReturnValueOnce(0).mockReturnValueOnce(0.999999).mockReturnValueOnce(0.5);
      expect(util.math.randomWithinRange(5, 10)).toBe(5);
      expect(util.math.randomWithinRange(5, 10)).toBe(10);
      expect(util.math.randomWithinRange(10, 5)).toBe(8);
    } finally {
      spy.mockRestore();
    }
    expect(thrownBy(() => util.math.randomWithinRange(1.2, 1.8))).toMatchObject({ errorType: 'Code' });
  });
});
