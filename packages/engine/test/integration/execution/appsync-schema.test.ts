// A schema exactly as deployed to AppSync loads unchanged (AUTH-02, SCAL-01..09): the engine adds the
// AWS scalars and directives the SDL does not declare, through the real handler and createServer.
import { readFileSync } from 'node:fs';
import { util, type Context } from '@aws-appsync/utils';
import { describe, expect, it } from 'vitest';
import { NONE, unit } from '@appsync-lambda/engine';
import { buildExecutableSchema } from '@appsync-lambda/engine/testing';
import { anAuthConfig, cognitoIdToken, createSigningKey, testUserPool } from '@appsync-lambda/test-support';
import { createRuntimeApi } from '../../helpers/harness';

const deployedSdl = readFileSync(new URL('../../fixtures/appsync-schema/schema.graphql', import.meta.url), 'utf8');

const constant = (value: unknown) => unit({ request: () => ({ payload: value }), response: (ctx: Context) => ctx.result }, NONE);

const venue = { id: 'v1', name: 'Hall', website: 'https://hall.example.com/tickets', email: 'box@hall.example.com', phone: '+44 20 7946 0000', details: { seats: 300 } };
const event = {
  id: 'e1',
  title: 'Launch',
  day: '2026-11-28',
  doorsOpen: '18:30:00',
  startsAt: '2026-11-28T19:00:00Z',
  updatedAt: 1764356400,
  venue,
  organiserIp: '203.0.113.7/32',
  notes: 'old',
  description: 'new',
};

const resolvers = {
  'Query.event': constant(event),
  'Query.eventsOn': unit({ request: (ctx: Context) => ({ payload: [{ ...event, day: ctx.args.day }] }), response: (ctx: Context) => ctx.result }, NONE),
  'Mutation.createEvent': unit({ request: (ctx: Context) => ({ payload: { id: util.autoId(), ...ctx.args.input } }), response: (ctx: Context) => ctx.result }, NONE),
};

const EVENT_FIELDS = 'id title day doorsOpen startsAt updatedAt notes description venue { id name website email phone details }';

describe('a schema as deployed to AppSync (AUTH-02, SCAL-01)', () => {
  it('AUTH-02 SCAL-01 loads SDL that uses every AWS scalar and AppSync directive without declaring them, and serves it', async () => {
    const api = createRuntimeApi({ sdl: deployedSdl, resolvers });
    const { status, body } = await api.graphql(`{ event(id: "e1") { ${EVENT_FIELDS} organiserIp } }`);
    expect(status).toBe(200);
    expect(body).toEqual({ data: { event: { ...event, venue: { ...venue, details: '{"seats":300}' } } } });
    expect(api.errors).toEqual([]);
  });

  it('SCAL-01 SCAL-08 validates the AWS scalars of that schema in literals and variables', async () => {
    const api = createRuntimeApi({ sdl: deployedSdl, resolvers });
    const literal = await api.graphql('{ eventsOn(day: "28/11/2026") { id } }');
    expect(literal.status).toBe(400);
    expect(literal.body.errors[0]).toMatchObject({ errorType: 'ValidationError' });
    expect(literal.body.errors[0].message).toContain('AWSDate');

    const create = 'mutation Create($input: EventInput!) { createEvent(input: $input) { title day startsAt } }';
    const input = { title: 'Talk', day: '2026-12-01', startsAt: '2026-12-01T18:00:00+01:00' };
    expect((await api.graphql(create, { input })).body).toEqual({ data: { createEvent: { title: 'Talk', day: '2026-12-01', startsAt: '2026-12-01T18:00:00+01:00' } } });
    const badUrl = await api.graphql(create, { input: { ...input, website: 'not a url' } });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.errors[0].message).toContain('AWSURL');
  });

  it('AUTH-02 enforces the directives of that schema per field', async () => {
    const key = createSigningKey();
    const auth = anAuthConfig({ defaultMode: 'AMAZON_COGNITO_USER_POOLS', additionalModes: ['API_KEY'], cognito: testUserPool(key), apiKeys: ['k1'] });
    const api = createRuntimeApi({ sdl: deployedSdl, resolvers, auth });
    const apiKey = { headers: { 'x-api-key': 'k1' } };
    const read = await api.graphql('{ event(id: "e1") { id organiserIp } }', undefined, apiKey);
    expect(read.body.data).toEqual({ event: { id: 'e1', organiserIp: null } });
    expect(read.body.errors).toMatchObject([{ errorType: 'Unauthorized', path: ['event', 'organiserIp'] }]);
    const organiser = { headers: { authorization: cognitoIdToken(key, { 'cognito:groups': ['organisers'] }) } };
    expect((await api.graphql('{ event(id: "e1") { id organiserIp } }', undefined, organiser)).body).toEqual({ data: { event: { id: 'e1', organiserIp: '203.0.113.7/32' } } });
    const write = await api.graphql('mutation { createEvent(input: { title: "x", day: "2026-12-01", startsAt: "2026-12-01T18:00:00Z" }) { id } }', undefined, apiKey);
    expect(write.body.errors).toMatchObject([{ errorType: 'Unauthorized', path: ['createEvent'] }]);
  });

  it('AUTH-02 keeps the SDL’s own declarations of AppSync’s definitions and adds only the missing ones', () => {
    // The SDL declares @aws_auth on fields only and AWSURL in its own words, and leaves out @aws_publish.
    const own = 'directive @aws_auth(cognito_groups: [String]) on FIELD_DEFINITION\n"A web address."\nscalar AWSURL';
    const schema = buildExecutableSchema(`${own}\n${deployedSdl}`, resolvers);
    expect(schema.getDirective('aws_auth')?.locations).toEqual(['FIELD_DEFINITION']);
    expect(schema.getDirective('aws_publish')?.args.map((arg) => arg.name)).toEqual(['subscriptions']);
    expect(schema.getType('AWSURL')?.description).toBe('A web address.');
    // A partial declaration: one scalar and one directive, with the SDL's own argument types.
    const partial = buildExecutableSchema(`scalar AWSDate\ndirective @aws_subscribe(mutations: [String!]!) on FIELD_DEFINITION\n${deployedSdl}`, resolvers);
    expect(String(partial.getDirective('aws_subscribe')?.args[0]?.type)).toBe('[String!]!');
    expect(partial.getSubscriptionType()?.getFields().onCreateEvent?.astNode?.directives?.map((directive) => directive.name.value)).toEqual([
      'aws_subscribe',
      'aws_cognito_user_pools',
    ]);
  });

  it('SCAL-10 loads a schema with only schema { query: Query } and no Mutation type; a mutation is a ValidationError', async () => {
    const api = createRuntimeApi({
      sdl: 'schema { query: Query }\ntype Query { now: AWSDateTime @aws_api_key }',
      resolvers: { 'Query.now': constant('2026-11-28T12:00:00Z') },
    });
    expect((await api.graphql('{ now }')).body).toEqual({ data: { now: '2026-11-28T12:00:00Z' } });
    const mutation = await api.graphql('mutation { now }');
    expect(mutation.status).toBe(400);
    expect(mutation.body.errors[0]).toMatchObject({ errorType: 'ValidationError', message: 'The schema has no mutation operations.' });
  });

  it('reports an error in such SDL at the SDL’s own line', () => {
    const syntax = (() => {
      try {
        buildExecutableSchema('type Query {\n  ok: Boolean\n  broken(: String\n}', {});
      } catch (error) {
        return error as { message: string; locations?: unknown };
      }
    })();
    expect(syntax).toMatchObject({ locations: [{ line: 3, column: 10 }] });
    expect(() => buildExecutableSchema('type Query { when: AWSDateTme }', {})).toThrow(/AWSDateTme/);
  });
});
