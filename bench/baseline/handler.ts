/**
 * The baseline: what a team gets from the Apollo Server 5 + `@as-integrations/aws-lambda` docs,
 * a one-field schema behind the HTTP API (payload v2) request handler, all defaults.
 */
import { ApolloServer } from '@apollo/server';
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';

const server = new ApolloServer({
  typeDefs: 'type Query { hello: String }',
  resolvers: { Query: { hello: () => 'world' } },
});

export const handler = startServerAndCreateLambdaHandler(server, handlers.createAPIGatewayProxyEventV2RequestHandler());
