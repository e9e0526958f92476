// Conformance: the context object a resolver sees (contract §1, CTX-01..CTX-12), through the real Lambda handler.
import { util, type Context } from '@aws-appsync/utils';
import { describe, expect, it } from 'vitest';
import { NONE, fn, pipeline, unit } from '@appsync-lambda/engine';
import { graphqlEvent } from '@appsync-lambda/test-support';
import { createRuntimeApi, json } from '../../helpers/harness';

/** A unit resolver on NONE whose field value is what `pick(ctx)` returns. */
const probe = (pick: (ctx: Context) => unknown) =>
  unit(
    {
      request: (ctx: Context) => ({ payload: pick(ctx) }),
      response: (ctx: Context) => ctx.result,
    },
    NONE,
  );

describe('ctx.arguments and ctx.args (CTX-01)', () => {
  it('CTX-01 exposes the coerced arguments as one object under both names', async () => {
    const api = createRuntimeApi({ resolvers: { 'Query.probe': probe((ctx) => ({ same: ctx.args === ctx.arguments, args: ctx.args })) } });
    const { body } = await api.graphql('query ($n: Int) { probe(input: "x", n: $n, thing: { name: "a", tags: "t" }) }', { n: 3 });
    expect(json(body.data.probe)).toEqual({ same: true, args: { input: 'x', n: 3, thing: { name: 'a', tags: ['t'] } } });
  });

  it('CTX-01 is an empty object when the field has no arguments', async () => {
    const api = createRuntimeApi({ resolvers: { 'Query.other': probe((ctx) => ({ args: ctx.args, arguments: ctx.arguments })) } });
    const { body } = await api.graphql('{ other }');
    expect(json(body.data.other)).toEqual({ args: {}, arguments: {} });
  });
});

describe('ctx.source (CTX-02)', () => {
  it('CTX-02 is null for root fields and the parent value for nested fields', async () => {
    const api = createRuntimeApi({
      resolvers: {
        'Query.probe': probe((ctx) => ({ source: ctx.source })),
        'Query.parent': probe(() => ({ id: 'p1', name: 'Parent one' })),
        'Parent.probe': probe((ctx) => ({ source: ctx.source })),
      },
    });
    const { body } = await api.graphql('{ probe parent { probe } }');
    expect(json(body.data.probe)).toEqual({ source: null });
    expect(json(body.data.parent.probe)).toEqual({ source: { id: 'p1', name: 'Parent one' } });
  });
});

describe('ctx.identity (CTX-03)', () => {
  const identityApi = () => createRuntimeApi({ resolvers: { 'Query.probe': probe((ctx) => ({ identity: ctx.identity === undefined ? 'missing' : ctx.identity, authType: util.authType() })) } });

  it('CTX-03 is null for API key (no authorizer) requests', async () => {
    const { body } = await identityApi().graphql('{ probe }');
    expect(json(body.data.probe)).toEqual({ identity: null, authType: 'API Key Authorization' });
  });

  it('CTX-03 has the Cognito user pools shape from an HTTP API JWT authorizer', async () => {
    const claims = {
      sub: 'user-sub-1',
      iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc',
      'cognito:username': 'ada',
      'cognito:groups': '[recruiters admins]',
      email: 'ada@example.com',
      email_verified: 'true',
      exp: '1700000000',
      token_use: 'id',
    };
    const { body } = await identityApi().graphql('{ probe }', undefined, {
      authorizer: { jwt: { claims, scopes: null } },
      headers: { 'x-forwarded-for': '198.51.100.1, 203.0.113.7' },
      sourceIp: '203.0.113.7',
    });
    expect(json(body.data.probe)).toEqual({
      authType: 'User Pool Authorization',
      identity: {
        sub: 'user-sub-1',
        issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc',
        username: 'ada',
        groups: ['recruiters', 'admins'],
        claims: { ...claims, 'cognito:groups': ['recruiters', 'admins'], email_verified: true, exp: 1700000000 },
        sourceIp: ['198.51.100.1', '203.0.113.7'],
        defaultAuthStrategy: 'ALLOW',
      },
    });
  });

  it('CTX-03 reports the configured user pool default action and null groups when the user has none', async () => {
    const api = createRuntimeApi({ identity: { defaultAuthStrategy: 'DENY' }, resolvers: { 'Query.probe': probe((ctx) => ctx.identity) } });
    const claims = { sub: 's', iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_X', username: 'bob', token_use: 'access' };
    const { body } = await api.graphql('{ probe }', undefined, { authorizer: { jwt: { claims, scopes: [] } }, sourceIp: '192.0.2.5' });
    expect(json(body.data.probe)).toMatchObject({ username: 'bob', groups: null, defaultAuthStrategy: 'DENY', sourceIp: ['192.0.2.5'] });
  });

  it('CTX-03 has the OIDC shape for a JWT from another issuer', async () => {
    const claims = { sub: 'oidc-sub', iss: 'https://login.example.com/', aud: 'client' };
    const { body } = await identityApi().graphql('{ probe }', undefined, { authorizer: { jwt: { claims, scopes: null } } });
    expect(json(body.data.probe)).toEqual({
      authType: 'Open ID Connect Authorization',
      identity: { sub: 'oidc-sub', issuer: 'https://login.example.com/', claims },
    });
  });

  it('CTX-03 is { resolverContext } for a Lambda authorizer (AUTH-07)', async () => {
    const { body } = await identityApi().graphql('{ probe }', undefined, { authorizer: { lambda: { tenant: 't-1', roles: ['a'] } } });
    expect(json(body.data.probe)).toEqual({ authType: 'Lambda Authorization', identity: { resolverContext: { tenant: 't-1', roles: ['a'] } } });
  });

  it('CTX-03 has the IAM shape for IAM-authorized requests', async () => {
    const iam = {
      accessKey: 'ASIAEXAMPLE',
      accountId: '123456789012',
      callerId: 'AROAEXAMPLE:session',
      cognitoIdentity: {
        amr: ['authenticated', 'cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc', 'cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc:CognitoSignIn:sub-1'],
        identityId: 'eu-west-1:identity-1',
        identityPoolId: 'eu-west-1:pool-1',
      },
      principalOrgId: null,
      userArn: 'arn:aws:sts::123456789012:assumed-role/role/session',
      userId: 'AROAEXAMPLE:session',
    };
    const { body } = await identityApi().graphql('{ probe }', undefined, { authorizer: { iam }, sourceIp: '192.0.2.9' });
    expect(json(body.data.probe)).toEqual({
      authType: 'IAM Authorization',
      identity: {
        accountId: '123456789012',
        cognitoIdentityPoolId: 'eu-west-1:pool-1',
        cognitoIdentityId: 'eu-west-1:identity-1',
        sourceIp: ['192.0.2.9'],
        username: 'AROAEXAMPLE:session',
        user: 'AROAEXAMPLE:session',
        userArn: 'arn:aws:sts::123456789012:assumed-role/role/session',
        cognitoIdentityAuthType: 'authenticated',
        cognitoIdentityAuthProvider:
          '"cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc","cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc:CognitoSignIn:sub-1"',
      },
    });
  });

  it('CTX-03 leaves the Cognito fields of an IAM identity null without an identity pool', async () => {
    const iam = { accessKey: 'AKIA', accountId: '1', callerId: 'AIDA1', cognitoIdentity: null, principalOrgId: null, userArn: 'arn:aws:iam::1:user/u', userId: 'AIDA1' };
    const { body } = await identityApi().graphql('{ probe }', undefined, { authorizer: { iam } });
    expect(json(body.data.probe).identity).toMatchObject({ cognitoIdentityPoolId: null, cognitoIdentityId: null, cognitoIdentityAuthType: null, cognitoIdentityAuthProvider: null });
  });
});

describe('ctx.request (CTX-04)', () => {
  const requestApi = () => createRuntimeApi({ resolvers: { 'Query.probe': probe((ctx) => ctx.request) } });

  it('CTX-04 exposes lower-cased headers without the cookie header', async () => {
    const { body } = await requestApi().graphql('{ probe }', undefined, { headers: { 'X-Trace-Id': 'abc', Cookie: 'session=secret' } });
    const request = json(body.data.probe);
    expect(request.headers['x-trace-id']).toBe('abc');
    expect(request.headers['content-type']).toBe('application/json');
    expect(Object.keys(request.headers).every((name) => name === name.toLowerCase())).toBe(true);
    expect(request.headers).not.toHaveProperty('cookie');
    expect(JSON.stringify(request)).not.toContain('secret');
  });

  it('CTX-04 exposes a header sent several times as an array', async () => {
    const api = requestApi();
    const event = graphqlEvent('{ probe }');
    const withRepeats = { ...event, multiValueHeaders: { 'Content-Type': ['application/json'], 'X-Custom': ['one', 'two'], cookie: ['a=b'] } };
    const result = await api.invoke(withRepeats);
    const request = json(JSON.parse(String(result.body)).data.probe);
    expect(request.headers).toEqual({ 'content-type': 'application/json', 'x-custom': ['one', 'two'] });
  });

  it('CTX-04 has domainName null on the default endpoint and the custom domain otherwise', async () => {
    const api = requestApi();
    const onDefault = await api.graphql('{ probe }', undefined, { domainName: 'abc123.execute-api.eu-west-1.amazonaws.com' });
    expect(json(onDefault.body.data.probe).domainName).toBeNull();
    const onCustom = await api.graphql('{ probe }', undefined, { domainName: 'api.jobs.example.com' });
    expect(json(onCustom.body.data.probe).domainName).toBe('api.jobs.example.com');
  });
});

describe('ctx.info (CTX-05)', () => {
  it('CTX-05 names the field, its parent type and the operation variables', async () => {
    const api = createRuntimeApi({ resolvers: { 'Query.probe': probe((ctx) => ({ fieldName: ctx.info.fieldName, parentTypeName: ctx.info.parentTypeName, variables: ctx.info.variables })) } });
    const { body } = await api.graphql('query ($v: String) { probe(input: $v) }', { v: 'hello' });
    expect(json(body.data.probe)).toEqual({ fieldName: 'probe', parentTypeName: 'Query', variables: { v: 'hello' } });
  });

  it('CTX-05 lists nested selections as parent/child, aliases by alias, fragments expanded', async () => {
    const api = createRuntimeApi({ resolvers: { 'Query.parent': probe((ctx) => ({ id: ctx.info.selectionSetList.join(',') })) } });
    const { body } = await api.graphql(
      `query { parent { renamed: name ...F child { ... on Child { grandChild { id } } } id } }
       fragment F on Parent { children { id } }`,
    );
    expect(body.data.parent.id).toBe('renamed,children,children/id,child,child/grandChild,child/grandChild/id,id');
  });

  it('CTX-05 lists only the fields of the interface itself under an interface-typed field', async () => {
    const api = createRuntimeApi({ resolvers: { 'Query.node': probe((ctx) => ({ __typename: 'Job', id: ctx.info.selectionSetList.join(',') })) } });
    const { body } = await api.graphql(
      `{ node { id ... on Job { title company { name } } ... on Node { __typename } ...N } }
       fragment N on Company { name }`,
    );
    expect(body.data.node.id).toBe('id');
  });

  it('CTX-05 lists no concrete-type fields under a union-typed field', async () => {
    let seen: string[] = ['not called'];
    const api = createRuntimeApi({
      resolvers: {
        'Query.search': probe((ctx) => {
          seen = ctx.info.selectionSetList;
          return [{ __typename: 'Company', id: 'c1', name: 'Acme' }];
        }),
      },
    });
    const { body } = await api.graphql('{ search { __typename ... on Company { name } ... on Job { title } } }');
    expect(body.data.search).toEqual([{ __typename: 'Company', name: 'Acme' }]);
    expect(seen).toEqual([]);
  });

  it('CTX-05 prints the selection set keeping inline fragments and named fragment spreads', async () => {
    let text = '';
    const api = createRuntimeApi({
      resolvers: {
        'Query.node': probe((ctx) => {
          text = ctx.info.selectionSetGraphQL;
          return { __typename: 'Job', id: 'j1' };
        }),
      },
    });
    await api.graphql('{ node { id ... on Job { title } ...C } } fragment C on Company { name }');
    expect(text).toBe('{\n  id\n  ... on Job {\n    title\n  }\n  ...C\n}');
  });

  it('CTX-05 keeps selectionSetList and selectionSetGraphQL out of JSON.stringify(ctx.info)', async () => {
    const api = createRuntimeApi({
      resolvers: { 'Query.parent': probe((ctx) => ({ id: JSON.stringify(ctx.info), name: String(ctx.info.selectionSetList.length) })) },
    });
    const { body } = await api.graphql('{ parent { id name } }');
    expect(JSON.parse(body.data.parent.id)).toEqual({ fieldName: 'parent', parentTypeName: 'Query', variables: {} });
    expect(body.data.parent.name).toBe('2');
  });
});

describe('ctx.stash (CTX-06)', () => {
  it('CTX-06 is a fresh object for each resolver execution, including each list item', async () => {
    const counting = unit(
      {
        request: (ctx: Context) => {
          ctx.stash.count = ((ctx.stash.count as number | undefined) ?? 0) + 1;
          return { payload: null };
        },
        response: (ctx: Context) => ({ count: ctx.stash.count }),
      },
      NONE,
    );
    const api = createRuntimeApi({
      resolvers: { 'Query.probe': counting, 'Query.other': counting, 'Query.parents': probe(() => [{ id: 'a' }, { id: 'b' }]), 'Parent.probe': counting },
    });
    const { body } = await api.graphql('{ probe other parents { probe } }');
    expect(json(body.data.probe)).toEqual({ count: 1 });
    expect(json(body.data.other)).toEqual({ count: 1 });
    expect(body.data.parents.map((p: { probe: string }) => json(p.probe))).toEqual([{ count: 1 }, { count: 1 }]);
  });

  it('CTX-06 is shared by the before handler, every function and the after handler of a pipeline', async () => {
    const step = (name: string) =>
      fn(name, {
        request: (ctx: Context) => {
          (ctx.stash.seen as string[]).push(`${name}.request`);
          return { payload: null };
        },
        response: (ctx: Context) => {
          (ctx.stash.seen as string[]).push(`${name}.response`);
          return null;
        },
      }, NONE);
    const resolver = pipeline(
      {
        request: (ctx: Context) => {
          ctx.stash.seen = ['before'];
          return {};
        },
        response: (ctx: Context) => ({ seen: [...(ctx.stash.seen as string[]), 'after'] }),
      },
      [step('one'), step('two')],
    );
    const { body } = await createRuntimeApi({ resolvers: { 'Query.probe': resolver } }).graphql('{ probe }');
    expect(json(body.data.probe).seen).toEqual(['before', 'one.request', 'one.response', 'two.request', 'two.response', 'after']);
  });
});

describe('ctx.prev.result (CTX-07) and ctx.result (CTX-08)', () => {
  it('CTX-07 carries the before value to the first function and each function result to the next and to after', async () => {
    const record = (name: string) =>
      fn(name, {
        request: (ctx: Context) => ({ payload: { step: name, prev: ctx.prev.result } }),
        response: (ctx: Context) => ctx.result,
      }, NONE);
    const resolver = pipeline(
      { request: () => ({ start: true }), response: (ctx: Context) => ({ prev: ctx.prev.result }) },
      [record('one'), record('two')],
    );
    const { body } = await createRuntimeApi({ resolvers: { 'Query.probe': resolver } }).graphql('{ probe }');
    expect(json(body.data.probe)).toEqual({ prev: { step: 'two', prev: { step: 'one', prev: { start: true } } } });
  });

  it('CTX-08 is the data source result in a response handler and equals prev.result in the after handler', async () => {
    const resolver = pipeline(
      { request: () => ({}), response: (ctx: Context) => ({ resultIsPrev: ctx.result === ctx.prev.result, result: ctx.result }) },
      [fn('load', { request: () => ({ payload: { loaded: 42 } }), response: (ctx: Context) => ({ wrapped: ctx.result }) }, NONE)],
    );
    const { body } = await createRuntimeApi({ resolvers: { 'Query.probe': resolver } }).graphql('{ probe }');
    expect(json(body.data.probe)).toEqual({ resultIsPrev: true, result: { wrapped: { loaded: 42 } } });
  });
});

describe('ctx.error (CTX-09)', () => {
  it('CTX-09 is undefined when the data source call succeeded', async () => {
    const api = createRuntimeApi({
      resolvers: { 'Query.probe': unit({ request: () => ({ payload: 1 }), response: (ctx: Context) => ({ hasError: ctx.error !== undefined }) }, NONE) },
    });
    expect(json((await api.graphql('{ probe }')).body.data.probe)).toEqual({ hasError: false });
  });
  // The failing case (DynamoDB:<Exception>) runs against DynamoDB Local in data-source-errors.test.ts.
});

describe('ctx.env (CTX-10)', () => {
  it('CTX-10 exposes the configured environment variables as strings', async () => {
    const api = createRuntimeApi({ env: { STAGE: 'test', LIMIT: '10' }, resolvers: { 'Query.probe': probe((ctx) => ctx.env) } });
    expect(json((await api.graphql('{ probe }')).body.data.probe)).toEqual({ STAGE: 'test', LIMIT: '10' });
  });

  it('CTX-10 is read-only: assigning to it fails the field with a Code error', async () => {
    const api = createRuntimeApi({
      env: { STAGE: 'test' },
      resolvers: {
        'Query.probe': probe((ctx) => {
          (ctx.env as Record<string, string>).STAGE = 'prod';
          return ctx.env;
        }),
        'Query.other': probe((ctx) => ctx.env),
      },
    });
    const { body } = await api.graphql('{ probe other }');
    expect(body.data.probe).toBeNull();
    expect(body.errors[0]).toMatchObject({ errorType: 'Code', path: ['probe'] });
    expect(json(body.data.other)).toEqual({ STAGE: 'test' });
  });
});

describe('immutability and internal fields (CTX-11, CTX-12)', () => {
  it('CTX-11 does not rely on handlers leaving ctx alone: a reassigned property affects only that handler', async () => {
    const resolver = unit(
      {
        request: (ctx: Context) => {
          const mutable = ctx as unknown as Record<string, unknown>;
          delete mutable.args;
          mutable.stash = { replaced: true };
          ctx.arguments.input = 'changed in place';
          return { payload: null };
        },
        response: (ctx: Context) => ({ args: ctx.args, stash: ctx.stash }),
      },
      NONE,
    );
    const { body } = await createRuntimeApi({ resolvers: { 'Query.probe': resolver } }).graphql('{ probe(input: "x") }');
    expect(json(body.data.probe)).toEqual({ args: { input: 'changed in place' }, stash: {} });
  });

  it('CTX-12 does not expose internal fields such as outErrors', async () => {
    const api = createRuntimeApi({ resolvers: { 'Query.probe': probe((ctx) => ({ keys: Object.keys(ctx).sort() })) } });
    expect(json((await api.graphql('{ probe }')).body.data.probe).keys).toEqual(
      ['args', 'arguments', 'env', 'error', 'identity', 'info', 'prev', 'request', 'result', 'source', 'stash'],
    );
  });
});
