import { describe, expect, it } from 'vitest';
import { formatAppSyncError, INTERNAL_ERROR_MESSAGE } from '@appsync-lambda/engine/testing';

describe('formatAppSyncError', () => {
  it('GAP-08 lifts errorType, errorInfo and data to the top level and keeps them under extensions', () => {
    const { error, isMasked } = formatAppSyncError({
      message: 'Gone',
      path: ['job'],
      locations: [{ line: 1, column: 3 }],
      extensions: { errorType: 'NotFound', errorInfo: { id: 'j' }, data: null, code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] },
    });
    expect(isMasked).toBe(false);
    expect(error).toEqual({
      path: ['job'],
      data: null,
      errorType: 'NotFound',
      errorInfo: { id: 'j' },
      locations: [{ line: 1, column: 3, sourceName: null }],
      message: 'Gone',
      extensions: { errorType: 'NotFound', errorInfo: { id: 'j' }, data: null },
    });
  });

  it('EXE-09 uses null for the parts an error does not have', () => {
    const { error } = formatAppSyncError({ message: 'Syntax Error: Unexpected <EOF>.', extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    expect(error).toMatchObject({ path: null, locations: null, data: null, errorInfo: null, errorType: 'ValidationError' });
    expect(error.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('masks errors that carry neither an errorType nor a known request code', () => {
    const { error, isMasked } = formatAppSyncError({ message: 'connect ECONNREFUSED 10.0.0.1:443', path: ['x'], extensions: { code: 'INTERNAL_SERVER_ERROR', secret: 'leak' } });
    expect(isMasked).toBe(true);
    expect(error).toMatchObject({ message: INTERNAL_ERROR_MESSAGE, errorType: 'InternalFailure', path: ['x'] });
    expect(JSON.stringify(error)).not.toMatch(/ECONNREFUSED|leak/);
  });

  it('types Apollo’s uncoded persisted-query errors as client errors, not masked failures', () => {
    for (const [message, errorType] of [
      ['Unsupported persisted query version', 'PersistedQueryVersionNotSupported'],
      ['provided sha does not match query', 'PersistedQueryHashMismatch'],
    ] as const) {
      const { error, isMasked } = formatAppSyncError({ message, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(isMasked).toBe(false);
      expect(error).toMatchObject({ message, errorType, extensions: { errorType } });
    }
  });
});
