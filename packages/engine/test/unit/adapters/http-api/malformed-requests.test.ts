import { describe, expect, it } from 'vitest';
import { documentNesting, nestsTooDeep, formatAppSyncError } from '@appsync-lambda/engine/testing';
import { MAX_DOCUMENT_NESTING } from '@appsync-lambda/engine';

describe('documentNesting', () => {
  it('counts selection sets, lists, objects and argument lists together', () => {
    expect(documentNesting('')).toBe(0);
    expect(documentNesting('{ a }')).toBe(1);
    expect(documentNesting('{ a(x: [{ y: 1 }]) { b } }')).toBe(4);
    expect(documentNesting('{ a } { b { c } }')).toBe(2);
  });

  it('ignores brackets in strings, block strings and comments', () => {
    expect(documentNesting('{ a(x: "{[(") }')).toBe(2);
    expect(documentNesting('{ a(x: "\\"{{") }')).toBe(2);
    expect(documentNesting('{ a(x: """ {{ \\""" [[ """) }')).toBe(2);
    expect(documentNesting('{ a # {{{{\n b }')).toBe(1);
  });

  it('stops an unterminated string at the end of its line, as the parser does', () => {
    expect(documentNesting('{ a(x: "{{{\n{ b }')).toBe(3);
  });

  it('never counts below zero on unbalanced closers', () => {
    expect(documentNesting('}}}} { a }')).toBe(1);
  });

  it('nestsTooDeep: only past the limit, however long the document', () => {
    const nested = (levels: number) => `${'{ a '.repeat(levels)}${'}'.repeat(levels)}`;
    expect(nestsTooDeep(nested(MAX_DOCUMENT_NESTING))).toBe(false);
    expect(nestsTooDeep(nested(MAX_DOCUMENT_NESTING + 1))).toBe(true);
    expect(nestsTooDeep(`{ a(x: "${'{'.repeat(1000)}") }`)).toBe(false);
    expect(nestsTooDeep('['.repeat(MAX_DOCUMENT_NESTING + 1))).toBe(true);
    expect(nestsTooDeep('['.repeat(MAX_DOCUMENT_NESTING))).toBe(false);
  });
});

describe('formatAppSyncError: messages that say what is wrong', () => {
  it('a parser out of stack becomes a syntax error about nesting', () => {
    const { error } = formatAppSyncError({ message: 'Maximum call stack size exceeded', extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    expect(error).toMatchObject({ errorType: 'ValidationError', message: 'Syntax Error: the document is nested too deeply to parse.' });
  });

  it('aborted validation becomes a message about the document being too complex', () => {
    const { error } = formatAppSyncError({ message: 'Validation aborted.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(error.errorType).toBe('ValidationError');
    expect(error.message).toMatch(/^The document is too complex to validate/);
  });

  it('leaves the same words alone under other codes, and other messages under these codes', () => {
    expect(formatAppSyncError({ message: 'Validation aborted.', extensions: { errorType: 'Custom' } }).error.message).toBe('Validation aborted.');
    const syntax = 'Syntax Error: Expected Name, found <EOF>.';
    expect(formatAppSyncError({ message: syntax, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }).error.message).toBe(syntax);
  });
});
