/**
 * The peer: the hiring API as a team would hand-write it with Apollo Server 5, the
 * `@as-integrations/aws-lambda` handler (HTTP API payload v2) and the DynamoDB Document Client.
 * `createPeerHandler` takes its clients and settings so the bench and the tests can wire it.
 */
import { ApolloServer } from '@apollo/server';
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GraphQLError } from 'graphql';
import { createAuthenticator, type AuthSettings } from './auth';
import { createLoaders } from './data';
import { resolvers, type PeerContext } from './resolvers';
import { createTenancy } from './tenancy';
import { typeDefs } from './schema';

export interface PeerOptions {
  doc: DynamoDBDocumentClient;
  tableName: string;
  auth: AuthSettings;
}

export function createPeerHandler(options: PeerOptions) {
  const authenticate = createAuthenticator(options.auth);
  const store = { doc: options.doc, table: options.tableName };
  const server = new ApolloServer<PeerContext>({
    typeDefs,
    resolvers,
    includeStacktraceInErrorResponses: false,
    // Errors the resolvers did not mean for the caller are masked (and would be logged).
    formatError: (formatted, error) => {
      const original = error instanceof GraphQLError ? error.originalError : error;
      if (original && !(original instanceof GraphQLError)) return { message: 'An internal failure occurred', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', errorType: 'InternalFailure' } };
      return formatted;
    },
  });
  return startServerAndCreateLambdaHandler(server, handlers.createAPIGatewayProxyEventV2RequestHandler(), {
    context: async ({ event }) => {
      const caller = await authenticate(event.headers ?? {});
      return { caller, store, loaders: createLoaders(store), tenancy: createTenancy(caller, store) };
    },
  });
}
