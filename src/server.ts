/**
 * createServer(): Apollo Server 5 with the schema, the AppSync runtime's resolvers and error
 * formatting. No AWS wiring here: the Lambda entry supplies the request context.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginSchemaReportingDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import type { Logger } from '@aws-lambda-powertools/logger';
import appsyncSdl from '../schema/appsync.graphql';
import domainSdl from '../schema/schema.graphql';
import { resolvers } from './resolvers/index';
import { formatAppSyncError } from './runtime/format-error';
import type { RequestContext } from './runtime/request-context';
import { buildExecutableSchema } from './runtime/schema';

export const schemaSdl = `${appsyncSdl}\n${domainSdl}`;

/** Adds the errors resolvers appended with `util.appendError` to the response (contract EXE-07). */
const appendedErrorsPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || contextValue.appendedErrors.length === 0) return;
        const result = response.body.singleResult;
        const appended = contextValue.appendedErrors.map((error) => formatAppSyncError(error).error);
        result.errors = [...(result.errors ?? []), ...appended];
      },
    };
  },
};

export interface ServerOptions {
  logger: Logger;
}

export function createServer({ logger }: ServerOptions): ApolloServer<RequestContext> {
  return new ApolloServer<RequestContext>({
    schema: buildExecutableSchema(schemaSdl, resolvers),
    // The playground is served by the handler itself, bundled and offline (no CDN landing page).
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      appendedErrorsPlugin,
    ],
    includeStacktraceInErrorResponses: false,
    formatError(formatted, error) {
      const { error: shaped, isMasked } = formatAppSyncError(formatted);
      if (isMasked) logger.error('Unexpected error while resolving a request', { error: error as Error, path: formatted.path });
      return shaped;
    },
  });
}
