import { describe, expect, it } from 'vitest';
import { customDomain, resolverHeaders, sourceIps } from '@appsync-lambda/engine/testing';

describe('resolverHeaders', () => {
  it('CTX-04 lower-cases names and drops the cookie header', () => {
    expect(resolverHeaders({ 'X-Api-Key': 'k', Cookie: 'a=b', Accept: undefined })).toEqual({ 'x-api-key': 'k' });
  });

  it('CTX-04 exposes a repeated header as an array and a single one as a string (multi-value events)', () => {
    expect(resolverHeaders({ 'x-a': 'ignored' }, { 'X-A': ['1', '2'], 'x-b': ['only'], COOKIE: ['c=d'] })).toEqual({ 'x-a': ['1', '2'], 'x-b': 'only' });
  });

  it('CTX-04 merges headers whose names differ only in case', () => {
    expect(resolverHeaders(undefined, { 'X-Custom': ['one'], 'x-custom': ['two'] })).toEqual({ 'x-custom': ['one', 'two'] });
  });

  it('CTX-04 keeps an HTTP API header joined by commas as one string', () => {
    expect(resolverHeaders({ 'x-custom': 'one,two' })).toEqual({ 'x-custom': 'one,two' });
  });
});

describe('customDomain', () => {
  it('CTX-04 is null on default endpoints and the domain otherwise', () => {
    expect(customDomain('abc.execute-api.eu-west-1.amazonaws.com')).toBeNull();
    expect(customDomain('abc.lambda-url.eu-west-1.on.aws')).toBeNull();
    expect(customDomain('localhost:3000')).toBeNull();
    expect(customDomain(undefined)).toBeNull();
    expect(customDomain('api.example.com')).toBe('api.example.com');
  });
});

describe('sourceIps', () => {
  it('CTX-03 is the peer address alone without x-forwarded-for', () => {
    expect(sourceIps('192.0.2.1', {})).toEqual(['192.0.2.1']);
  });

  it('CTX-03 is the forwarded addresses followed by the peer, without repeating it', () => {
    expect(sourceIps('192.0.2.1', { 'x-forwarded-for': '198.51.100.7, 203.0.113.9' })).toEqual(['198.51.100.7', '203.0.113.9', '192.0.2.1']);
    expect(sourceIps('192.0.2.1', { 'x-forwarded-for': '198.51.100.7, 192.0.2.1' })).toEqual(['198.51.100.7', '192.0.2.1']);
  });
});
