/**
 * The one list of GraphQL sources every tool loads: graphql-codegen (codegen.ts), the GraphQL
 * linter (eslint.config.js) and editors' GraphQL language servers (graphql-config finds this file).
 * Apollo loads the same schema files at build time. AppSync's scalars and directives are declared
 * in schema/appsync.graphql, so each tool sees the schema AppSync accepts.
 */

/** Schema files: the SDL, AppSync's built-ins included. */
export const schema = ['schema/*.graphql'];

/** Client operations and fragments: input for the typed SDK, validated against {@link schema}. */
export const documents = ['schema/operations/*.graphql'];

export default { schema, documents };
