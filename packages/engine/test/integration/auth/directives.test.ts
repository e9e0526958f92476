// Schema auth directives enforced per field through the real Lambda handler (AUTH-03..AUTH-07, EXE-10).
import type { Context } from '@aws-appsync/utils';
import { describe, expect, it } from 'vitest';
import { NONE, unit, type AuthConfig } from '@appsync-lambda/engine';
import { anAuthConfig, cognitoIdToken, createSigningKey, testUserPool } from '@appsync-lambda/test-support';
import { createRuntimeApi } from '../../helpers/harness';

const key = createSigningKey();

const SDL = /* GraphQL */ `
  type Query {
    open: String
    post(id: ID): Post @aws_api_key @aws_cognito_user_pools
    posts: [Post] @aws_api_key @aws_cognito_user_pools
    adminNote: String @aws_cognito_user_pools(cognito_groups: ["admins"])
    legacyNote: String @aws_auth(cognito_groups: ["admins"])
    lambdaOnly: String @aws_lambda
  }
  type Mutation {
    publish: String @aws_cognito_user_pools(cognito_groups: ["recruiters", "admins"])
  }
  type Post @aws_api_key @aws_cognito_user_pools {
    id: ID
    title: String
    draftNotes: String @aws_cognito_user_pools
    author: Author
  }
  type Author {
    name: String
  }
`;

const constant = (value: unknown) => unit({ request: () => ({ payload: value }), response: (ctx: Context) => ctx.result }, NONE);
const post = { id: 'p1', title: 'Hello', draftNotes: 'secret', author: { name: 'Rita' } };
const resolvers = {
  'Query.open': constant('open'),
  'Query.post': constant(post),
  'Query.posts': constant([post, { ...post, id: 'p2' }]),
  'Query.adminNote': constant('admin'),
  'Query.legacyNote': constant('legacy'),
  'Query.lambdaOnly': constant('lambda'),
  'Mutation.publish': constant('published'),
};

const api = (auth: Partial<AuthConfig>) => createRuntimeApi({ sdl: SDL, resolvers, auth: anAuthConfig({ apiKeys: ['k1'], ...auth }) });
const cognitoWithKey = api({ defaultMode: 'AMAZON_COGNITO_USER_POOLS', additionalModes: ['API_KEY'], cognito: testUserPool(key) });

const user = (groups?: string[]) => ({ headers: { authorization: cognitoIdToken(key, groups ? { 'cognito:groups': groups } : {}) } });
const apiKey = { headers: { 'x-api-key': 'k1' } };
const denied = (field: string, type: string, path: Array<string | number>) =>
  expect.objectContaining({ errorType: 'Unauthorized', message: `Not Authorized to access ${field} on type ${type}`, path, data: null, errorInfo: null });

describe('directive precedence (AUTH-03)', () => {
  it('AUTH-03 opens a field without directives on a type without directives to the default mode only', async () => {
    expect((await cognitoWithKey.graphql('{ open }', undefined, user())).body).toEqual({ data: { open: 'open' } });
    const { status, body } = await cognitoWithKey.graphql('{ open }', undefined, apiKey);
    expect(status).toBe(200);
    expect(body.data).toEqual({ open: null });
    expect(body.errors).toEqual([denied('open', 'Query', ['open'])]);
  });

  it('AUTH-03 applies type directives to every field, and a field directive replaces them', async () => {
    const { body } = await cognitoWithKey.graphql('{ post { id title draftNotes } }', undefined, apiKey);
    expect(body.data).toEqual({ post: { id: 'p1', title: 'Hello', draftNotes: null } });
    expect(body.errors).toEqual([denied('draftNotes', 'Post', ['post', 'draftNotes'])]);
    const asUser = await cognitoWithKey.graphql('{ post { id title draftNotes } }', undefined, user());
    expect(asUser.body).toEqual({ data: { post: { id: 'p1', title: 'Hello', draftNotes: 'secret' } } });
  });
});

describe('nested checks (AUTH-04)', () => {
  it('AUTH-04 checks every selected field, in lists too, and keeps the data the caller may see', async () => {
    const { status, body } = await cognitoWithKey.graphql('{ posts { id author { name } } }', undefined, apiKey);
    expect(status).toBe(200);
    // Post.author is open to API keys (type directive), but Author has none: its fields are for the
    // default mode (user pools) only, so an API-key caller gets the authors without their names.
    expect(body.data).toEqual({ posts: [{ id: 'p1', author: { name: null } }, { id: 'p2', author: { name: null } }] });
    expect(body.errors).toEqual([denied('name', 'Author', ['posts', 0, 'author', 'name']), denied('name', 'Author', ['posts', 1, 'author', 'name'])]);
  });

  it('AUTH-04 denies a field before its resolver runs (EXE-10 shape for the whole mutation)', async () => {
    const { body } = await cognitoWithKey.graphql('mutation { publish }', undefined, apiKey);
    expect(body).toMatchObject({ data: { publish: null }, errors: [denied('publish', 'Mutation', ['publish'])] });
  });
});

describe('cognito_groups (AUTH-05)', () => {
  it('AUTH-05 admits only users in one of the listed groups', async () => {
    expect((await cognitoWithKey.graphql('mutation { publish }', undefined, user(['recruiters']))).body).toEqual({ data: { publish: 'published' } });
    expect((await cognitoWithKey.graphql('mutation { publish }', undefined, user(['admins', 'x']))).body).toEqual({ data: { publish: 'published' } });
    for (const groups of [['candidates'], undefined]) {
      const { body } = await cognitoWithKey.graphql('mutation { publish }', undefined, user(groups));
      expect(body).toMatchObject({ data: { publish: null }, errors: [denied('publish', 'Mutation', ['publish'])] });
    }
  });

  it('AUTH-05 enforces @aws_auth groups when user pools is the only mode', async () => {
    const poolsOnly = api({ defaultMode: 'AMAZON_COGNITO_USER_POOLS', cognito: testUserPool(key) });
    expect((await poolsOnly.graphql('{ legacyNote }', undefined, user(['admins']))).body).toEqual({ data: { legacyNote: 'legacy' } });
    const { body } = await poolsOnly.graphql('{ legacyNote }', undefined, user(['recruiters']));
    expect(body.errors).toEqual([denied('legacyNote', 'Query', ['legacyNote'])]);
  });

  it('AUTH-05 ignores @aws_auth when there are additional modes (the field falls back to the default mode)', async () => {
    // Ignored: any user-pool user passes, whatever their groups; an API-key caller does not.
    expect((await cognitoWithKey.graphql('{ legacyNote }', undefined, user(['recruiters']))).body).toEqual({ data: { legacyNote: 'legacy' } });
    const { body } = await cognitoWithKey.graphql('{ legacyNote }', undefined, apiKey);
    expect(body.errors).toEqual([denied('legacyNote', 'Query', ['legacyNote'])]);
  });
});

describe('user-pool default action (AUTH-06)', () => {
  it('AUTH-06 with DENY admits users only to fields whose directives name one of their groups', async () => {
    const deny = api({ defaultMode: 'AMAZON_COGNITO_USER_POOLS', cognito: testUserPool(key, { defaultAction: 'DENY' }) });
    const { body } = await deny.graphql('{ open adminNote }', undefined, user(['admins']));
    expect(body.data).toEqual({ open: null, adminNote: 'admin' });
    expect(body.errors).toEqual([denied('open', 'Query', ['open'])]);
    const whoami = await deny.graphql('{ adminNote }', undefined, user(['recruiters']));
    expect(whoami.body.errors).toEqual([denied('adminNote', 'Query', ['adminNote'])]);
  });

  it('AUTH-06 with ALLOW admits users to fields without group restrictions', async () => {
    const { body } = await cognitoWithKey.graphql('{ open post { title } }', undefined, user());
    expect(body).toEqual({ data: { open: 'open', post: { title: 'Hello' } } });
  });
});

describe('Lambda authorizer (AUTH-07)', () => {
  const lambda = api({ defaultMode: 'AWS_LAMBDA' });
  const authorizer = (context: Record<string, unknown>) => ({ authorizer: { lambda: context } });

  it('AUTH-07 forces deniedFields to null with Unauthorized, by coordinate or field ARN, and keeps the rest', async () => {
    const arn = 'arn:aws:appsync:eu-west-1:123456789012:apis/abc123/types/Query/fields/lambdaOnly';
    const { body } = await lambda.graphql('{ open lambdaOnly }', undefined, authorizer({ tenant: 't1', deniedFields: ['Query.open'] }));
    expect(body.data).toEqual({ open: null, lambdaOnly: 'lambda' });
    expect(body.errors).toEqual([denied('open', 'Query', ['open'])]);
    const byArn = await lambda.graphql('{ open lambdaOnly }', undefined, authorizer({ deniedFields: arn }));
    expect(byArn.body.data).toEqual({ open: 'open', lambdaOnly: null });
  });

  it('AUTH-07 denies nothing without deniedFields, and applies directives to Lambda callers', async () => {
    const { body } = await lambda.graphql('{ open lambdaOnly adminNote }', undefined, authorizer({ tenant: 't1' }));
    expect(body.data).toEqual({ open: 'open', lambdaOnly: 'lambda', adminNote: null });
    expect(body.errors).toEqual([denied('adminNote', 'Query', ['adminNote'])]);
  });
});
