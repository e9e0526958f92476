import { graphql, isObjectType, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { APPSYNC_DEFINITIONS_SDL } from '@appsync-lambda/engine';
import { buildExecutableSchema } from '@appsync-lambda/engine/testing';

const names = ['AWSDate', 'AWSTime', 'AWSDateTime', 'AWSTimestamp', 'AWSEmail', 'AWSJSON', 'AWSPhone', 'AWSURL', 'AWSIPAddress', 'Int', 'Float', 'ID'];

// One echo field per scalar: `AWSDate(v: AWSDate): AWSDate` returns its argument.
const sdl = `${APPSYNC_DEFINITIONS_SDL}
type Query {
  ${names.map((n) => `${n}(v: ${n}): ${n}`).join('\n  ')}
  jsonArgument(v: AWSJSON): String
  jsonOut(kind: String!): AWSJSON
  timestampOut(v: Float!): AWSTimestamp
  dateOut(v: String!): AWSDate
}`;

let schema: GraphQLSchema;
let received: unknown;

beforeAll(() => {
  schema = buildExecutableSchema(sdl, {});
  const query = schema.getQueryType();
  if (!isObjectType(query)) throw new Error('no Query type');
  for (const field of Object.values(query.getFields())) field.resolve = (_source, args: { v?: unknown }) => args.v;
  const fields = query.getFields();
  fields.jsonArgument!.resolve = (_source, args: { v?: unknown }) => {
    received = args.v;
    return typeof args.v;
  };
  fields.dateOut!.resolve = (_source, args: { v: string }) => args.v;
  const outputs: Record<string, unknown> = { object: { a: [1, true, null] }, string: '{"raw":1}', number: 42 };
  fields.jsonOut!.resolve = (_source, args: { kind: string }) => outputs[args.kind];
});

type Outcome = { ok: true; value: unknown } | { ok: false; message: string; errorType: unknown };

async function run(source: string, variableValues?: Record<string, unknown>): Promise<Outcome & { data?: unknown }> {
  const result = await graphql({ schema, source, variableValues });
  if (result.errors?.length) {
    const [error] = result.errors;
    return { ok: false, message: error!.message, errorType: error!.originalError && 'extensions' in error!.originalError ? (error!.originalError as { extensions: Record<string, unknown> }).extensions.errorType : error!.extensions.errorType };
  }
  return { ok: true, value: Object.values(result.data ?? {})[0], data: result.data };
}

const literal = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : String(value));

/** Sends `value` to the echo field of `scalar` as a variable. */
const viaVariable = (scalar: string, value: unknown) => run(`query ($v: ${scalar}) { ${scalar}(v: $v) }`, { v: value });
/** Sends `value` to the echo field of `scalar` as an inline literal. */
const viaLiteral = (scalar: string, value: unknown) => run(`{ ${scalar}(v: ${literal(value)}) }`);

async function expectAccepted(scalar: string, values: unknown[]) {
  for (const value of values) {
    for (const send of [viaVariable, viaLiteral]) {
      const outcome = await send(scalar, value);
      expect(outcome, `${scalar} ${String(value)} via ${send.name}`).toMatchObject({ ok: true, value });
    }
  }
}

async function expectRejected(scalar: string, values: unknown[]) {
  for (const value of values) {
    for (const send of [viaVariable, viaLiteral]) {
      const outcome = await send(scalar, value);
      expect(outcome.ok, `${scalar} ${JSON.stringify(value)} via ${send.name}`).toBe(false);
      if (!outcome.ok) expect(outcome.message).toContain(scalar);
    }
  }
}

describe('AppSync scalars', () => {
  it('SCAL-01 AWSDate accepts YYYY-MM-DD with an optional Z, ±hh:mm or ±hh:mm:ss offset, rejects anything else', async () => {
    await expectAccepted('AWSDate', ['1970-01-01', '2024-02-29', '2024-02-29Z', '1970-01-01-05:00', '1970-01-01+05:30:15']);
    await expectRejected('AWSDate', ['2023-02-29', '2024-13-01', '2024-1-01', '24-01-01', '2024-01-01T00:00:00Z', '2024-01-01+5:00', '', 20240101]);
  });

  it('SCAL-02 AWSTime accepts hh:mm[:ss[.fraction]] with an optional offset, rejects anything else', async () => {
    await expectAccepted('AWSTime', ['12:30', '12:30:45', '12:30:45.123', '23:59:59.123456789Z', '00:00:00-08:00', '12:30+05:30:15']);
    await expectRejected('AWSTime', ['24:00:00', '12:60', '12:30:61', '12:30.5', '12:30:00.1234567890', '1:30', 'noon', 1230]);
  });

  it('SCAL-03 AWSDateTime requires a date, a time and an offset', async () => {
    await expectAccepted('AWSDateTime', ['1970-01-01T12:00:00.001Z', '2024-02-29T23:59:59Z', '1970-01-01T12:00-05:00', '1970-01-01T12:00:00+05:30:15']);
    await expectRejected('AWSDateTime', ['1970-01-01T12:00:00', '1970-01-01 12:00:00Z', '2023-02-29T00:00:00Z', '1970-01-01', 'yesterday', 0]);
  });

  it('SCAL-04 AWSTimestamp accepts integer seconds (negative too) and rejects fractions and strings', async () => {
    await expectAccepted('AWSTimestamp', [0, 1700000000, -1]);
    await expectRejected('AWSTimestamp', [1.5, '1700000000', true]);
    expect(await viaLiteral('AWSTimestamp', 1.5)).toMatchObject({ ok: false, message: expect.stringContaining('integer') });
    expect(await run('{ timestampOut(v: 1.5) }')).toMatchObject({ ok: false, message: expect.stringContaining('AWSTimestamp') });
  });

  it('SCAL-05 AWSEmail accepts local-part@domain and rejects anything else', async () => {
    await expectAccepted('AWSEmail', ['a@example.com', 'first.last+tag@mail.example.co.uk', "o'neil@example.org"]);
    await expectRejected('AWSEmail', ['plain', 'a@b', '@example.com', 'a@@example.com', 'a b@example.com', 'a.@example.com', 'a@example..com']);
  });

  it('SCAL-06 AWSJSON parses input for the resolver, rejects invalid JSON, serialises objects on output', async () => {
    expect(await run('query ($v: AWSJSON) { jsonArgument(v: $v) }', { v: '{"a":[1,2]}' })).toMatchObject({ ok: true, value: 'object' });
    expect(received).toEqual({ a: [1, 2] });
    expect(await run('{ jsonArgument(v: "[1, \\"x\\"]") }')).toMatchObject({ ok: true, value: 'object' });
    expect(received).toEqual([1, 'x']);
    expect(await run('{ jsonArgument(v: "3") }')).toMatchObject({ ok: true, value: 'number' });
    for (const bad of ['{a:1}', "{'a':1}", 'unquoted', '']) {
      expect(await run('query ($v: AWSJSON) { jsonArgument(v: $v) }', { v: bad })).toMatchObject({ ok: false, message: expect.stringContaining('AWSJSON') });
      expect(await run(`{ jsonArgument(v: ${JSON.stringify(bad)}) }`)).toMatchObject({ ok: false, message: expect.stringContaining('AWSJSON') });
    }
    expect(await run('query ($v: AWSJSON) { jsonArgument(v: $v) }', { v: { a: 1 } })).toMatchObject({ ok: false, message: expect.stringContaining('AWSJSON') });
    expect(await run('{ jsonArgument(v: 1) }')).toMatchObject({ ok: false, message: expect.stringContaining('AWSJSON') });
    expect(await run('{ jsonOut(kind: "object") }')).toMatchObject({ ok: true, value: '{"a":[1,true,null]}' });
    expect(await run('{ jsonOut(kind: "string") }')).toMatchObject({ ok: true, value: '{"raw":1}' });
    expect(await run('{ jsonOut(kind: "number") }')).toMatchObject({ ok: true, value: '42' });
  });

  it('SCAL-07 AWSPhone accepts digit groups separated by spaces or hyphens, with or without a country code', async () => {
    await expectAccepted('AWSPhone', ['+1 206 555 0100', '206-555-0100', '(206) 555-0100', '+44 20 7946 0958', '2065550100']);
    await expectRejected('AWSPhone', ['555', 'call me', '+1 206 555 01OO', '206--555--0100', '+1 206 555 0100 ext 5', '12345678901234567']);
  });

  it('SCAL-08 AWSURL needs a scheme and no // inside the path', async () => {
    await expectAccepted('AWSURL', ['https://example.com', 'http://example.com/a/b?q=1#x', 'mailto:jobs@example.com', 'ftp://files.example.com/pub/x.txt']);
    await expectRejected('AWSURL', ['example.com', '/relative/path', 'https://example.com/a//b', 'http://', 'not a url']);
  });

  it('SCAL-09 AWSIPAddress accepts IPv4 and unbracketed IPv6 with an optional CIDR suffix', async () => {
    await expectAccepted('AWSIPAddress', ['127.0.0.1', '10.0.0.0/8', '0.0.0.0/0', '::1', '2001:db8::/32', '2001:db8::1/128']);
    await expectRejected('AWSIPAddress', ['256.0.0.1', '10.0.0.0/33', '2001:db8::/129', '[::1]', '10.0.0.1/8/8', 'localhost', '1.2.3']);
  });

  it('SCAL-10 Int is 32-bit signed, Float is an IEEE-754 double, ID serialises as a string', async () => {
    await expectAccepted('Int', [0, -2147483648, 2147483647]);
    expect(await viaVariable('Int', 2147483648)).toMatchObject({ ok: false });
    expect(await viaLiteral('Int', 2147483648)).toMatchObject({ ok: false });
    expect(await viaVariable('Int', 1.5)).toMatchObject({ ok: false });
    await expectAccepted('Float', [1.5, -0.25, 1e300]);
    expect(await viaVariable('ID', 42)).toMatchObject({ ok: true, value: '42' });
    expect(await run('{ ID(v: 42) }')).toMatchObject({ ok: true, value: '42' });
  });

  it('rejects an invalid value a resolver returns, and reports errors as ValidationError', async () => {
    expect(await run('{ dateOut(v: "2024-02-30") }')).toMatchObject({ ok: false, message: expect.stringContaining('AWSDate') });
    expect(await viaVariable('AWSEmail', 'nope')).toMatchObject({ ok: false, errorType: 'ValidationError' });
  });
});
