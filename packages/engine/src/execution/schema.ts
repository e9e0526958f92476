/** The executable schema: SDL + AppSync scalars + one runtime resolver per routed coordinate. */
import { buildASTSchema, isAbstractType, isObjectType, isScalarType, type GraphQLSchema } from 'graphql';
import { installAppSyncGlobals } from '../appsync/globals';
import { parseAppSyncSchema } from '../appsync/definitions';
import { createFieldResolver, type ExecutionLimits } from './field-resolver';
import type { ResolverDefinition } from '../core/resolver';
import { appsyncScalars } from '../appsync/scalars';

/**
 * Builds the schema from SDL as deployed to AppSync (its AWS scalars and directives declared or
 * not, appsync/definitions.ts), installs AppSync's globals and attaches the resolvers. Fields without a
 * resolver resolve by property lookup on the parent, and root fields without one resolve to null
 * (contract EXE-13).
 */
export function buildExecutableSchema(
  sdl: string,
  resolvers: Readonly<Record<string, ResolverDefinition>>,
  limits: ExecutionLimits = {},
): GraphQLSchema {
  // Resolver code may use AppSync's globals without importing them (EXE-01).
  installAppSyncGlobals();
  const schema = buildASTSchema(parseAppSyncSchema(sdl));
  for (const type of Object.values(schema.getTypeMap())) {
    const scalar = appsyncScalars[type.name];
    if (scalar && isScalarType(type)) {
      type.serialize = scalar.serialize;
      type.parseValue = scalar.parseValue;
      type.parseLiteral = scalar.parseLiteral;
    }
    // Unions and interfaces resolve from the __typename the resolver sets, as on AppSync (EXE-14).
    if (isAbstractType(type)) type.resolveType = (value: { __typename?: unknown }) => (typeof value?.__typename === 'string' ? value.__typename : undefined);
  }
  for (const [coordinate, definition] of Object.entries(resolvers)) {
    const [typeName, fieldName, ...rest] = coordinate.split('.');
    const type = typeName ? schema.getType(typeName) : undefined;
    const field = isObjectType(type) && fieldName && rest.length === 0 ? type.getFields()[fieldName] : undefined;
    if (!field) throw new Error(`A resolver is routed to ${coordinate}, which is not a field of the schema`);
    field.resolve = createFieldResolver(coordinate, definition, limits);
  }
  return schema;
}
