/**
 * Rejects an operation whose root type the schema does not have (a `mutation` or `subscription`
 * on a schema without that type) while validating, with a `ValidationError`: graphql-js 16 finds out only when executing, and
 * that error, raised by no resolver, would be masked as `InternalFailure` and logged at ERROR for
 * what is the caller's mistake. graphql-js 17 ships the same check as `KnownOperationTypesRule`.
 */
import { GraphQLError, type ValidationRule } from 'graphql';

export const knownOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (context.getSchema().getRootType(node.operation)) return;
    context.reportError(new GraphQLError(`The schema has no ${node.operation} operations.`, { nodes: node }));
  },
});
