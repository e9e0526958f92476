/**
 * The bench's `no-graphql-tools` variant (measured: 66 KiB smaller, no clear CPU gain, so not used
 * in production): stands in for `@graphql-tools/schema`. Apollo Server imports it only for
 * `makeExecutableSchema`, which it calls when given `typeDefs`; createServer always passes a built
 * `schema`, so the package and the @graphql-tools/utils and merge modules it pulls in (about 100
 * modules, all evaluated at cold start) are dead weight.
 */

/** Never called: the server is constructed with `schema`, not `typeDefs`. */
export function makeExecutableSchema(): never {
  throw new Error('This bundle builds its schema itself: construct ApolloServer with `schema`, not `typeDefs`');
}
