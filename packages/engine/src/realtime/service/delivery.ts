/**
 * One event shaped for one subscriber, as AppSync does it: the subscriber's selection is read from
 * the mutation's result (a field the mutation did not select is null), and every field is checked
 * against the subscriber's authorization as if it were a query (a field it may not read is null,
 * with an `Unauthorized` error beside the data).
 *
 * The schema used here has no resolvers (only property lookups, scalars and the auth checks):
 * delivering an event reads nothing from any data source.
 */
import { execute, parse, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { RequestAuthorization } from '../../core/request';
import type { AuthConfig } from '../../auth/config';
import { applyFieldAuthorization } from '../../auth/enforce';
import { formatAppSyncError } from '../../core/format-error';
import { buildExecutableSchema } from '../../execution/schema';

interface EventPayload {
  data: Record<string, unknown> | null;
  errors?: GraphQLFormattedError[];
}

/** The delivery schema of one SDL and authorization configuration (build once per container). */
export function createDeliverySchema(sdl: string, auth: AuthConfig | undefined): GraphQLSchema {
  const schema = buildExecutableSchema(sdl, {});
  if (auth) applyFieldAuthorization(schema, auth);
  return schema;
}

const MAX_CACHED_DOCUMENTS = 200;

/** Shapes events; parsed documents are kept (subscribers of one field mostly send the same one). */
export function createDelivery(schema: GraphQLSchema) {
  const documents = new Map<string, DocumentNode>();
  const documentOf = (query: string): DocumentNode => {
    let document = documents.get(query);
    if (!document) {
      document = parse(query);
      if (documents.size >= MAX_CACHED_DOCUMENTS) documents.delete(documents.keys().next().value!);
      documents.set(query, document);
    }
    return document;
  };

  return async (
    subscription: { field: string; query: string; variables: Record<string, unknown> | null; operationName: string | null },
    data: unknown,
    authorization: RequestAuthorization,
  ): Promise<EventPayload> => {
    const result = await execute({
      schema,
      document: documentOf(subscription.query),
      rootValue: { [subscription.field]: data },
      contextValue: { authorization },
      variableValues: subscription.variables ?? {},
      operationName: subscription.operationName ?? undefined,
    });
    const payload: EventPayload = { data: (result.data as Record<string, unknown> | null | undefined) ?? null };
    if (result.errors?.length) payload.errors = result.errors.map((error) => formatAppSyncError(error.toJSON()).error as GraphQLFormattedError);
    return payload;
  };
}
