import { isScalarType, Kind, parse, printType } from 'graphql';
import { describe, expect, it } from 'vitest';
import domainSdl from '../../../schema/schema.graphql';
import { resolvers } from '../../../src/resolvers/index';
import { APPSYNC_DEFINITIONS_SDL, APPSYNC_SCALAR_NAMES, parseAppSyncSchema } from '../../../packages/engine/src/appsync/definitions';
import { appsyncScalars } from '../../../packages/engine/src/appsync/scalars';
import { buildExecutableSchema } from '../../../packages/engine/src/execution/schema';
import { schemaSdl } from '../../../src/api';

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

  it('loads the hiring schema as deployed to AppSync (schema/schema.graphql alone) into the same types as with its declarations', () => {
    const deployed = buildExecutableSchema(domainSdl, resolvers);
    const declared = buildExecutableSchema(schemaSdl, resolvers);
    const domainTypes = Object.keys(declared.getTypeMap()).filter((name) => !name.startsWith('__') && !name.startsWith('AWS'));
    expect(domainTypes.length).toBeGreaterThan(10);
    for (const name of domainTypes) expect(printType(deployed.getType(name)!), name).toBe(printType(declared.getType(name)!));
  });
});
