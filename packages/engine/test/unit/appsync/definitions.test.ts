import { isScalarType, Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { APPSYNC_DEFINITIONS_SDL, APPSYNC_SCALAR_NAMES, parseAppSyncSchema } from '@appsync-lambda/engine';
import { appsyncScalars, buildExecutableSchema } from '@appsync-lambda/engine/testing';

describe('parseAppSyncSchema (AUTH-02, SCAL-01)', () => {
  it('SCAL-01 AUTH-02 declares every AWS scalar, each implemented, and every AppSync directive', () => {
    const schema = buildExecutableSchema('type Query { ok: Boolean }', {});
    for (const name of APPSYNC_SCALAR_NAMES) {
      const type = schema.getType(name);
      expect(isScalarType(type) && type.serialize, name).toBe(appsyncScalars[name]?.serialize);
    }
    const directives = ['aws_api_key', 'aws_iam', 'aws_oidc', 'aws_lambda', 'aws_cognito_user_pools', 'aws_auth', 'aws_subscribe', 'aws_publish'];
    expect(schema.getDirectives().map((directive) => directive.name)).toEqual(expect.arrayContaining([...directives, 'deprecated']));
    expect(schema.getDirective('aws_cognito_user_pools')?.args.map((arg) => `${arg.name}: ${String(arg.type)}`)).toEqual(['cognito_groups: [String]']);
    expect(schema.getDirective('aws_subscribe')?.args.map((arg) => `${arg.name}: ${String(arg.type)}`)).toEqual(['mutations: [String]']);
  });

  it('adds nothing to SDL that declares every definition itself', () => {
    const document = parse(`${APPSYNC_DEFINITIONS_SDL}\ntype Query { ok: Boolean }`);
    expect(parseAppSyncSchema(`${APPSYNC_DEFINITIONS_SDL}\ntype Query { ok: Boolean }`).definitions).toHaveLength(document.definitions.length);
  });

  it('adds a definition an extension only extends, and never takes an extension for a declaration', () => {
    const document = parseAppSyncSchema('type Query { ok: AWSJSON }\nextend scalar AWSJSON @aws_iam');
    expect(document.definitions.filter((definition) => definition.kind === Kind.SCALAR_TYPE_DEFINITION && definition.name.value === 'AWSJSON')).toHaveLength(1);
  });
});
