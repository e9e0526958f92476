/**
 * The playground's fetcher: a plain JSON POST to the page's own URL. A JSON content type keeps
 * the request clear of Apollo's CSRF prevention, and the headers typed in GraphiQL's header
 * editor (an Authorization bearer token, say) are sent along. Subscriptions go over the WebSocket
 * API with graphql-ws, the same headers as connection_init's payload; each event shows as it comes.
 */
import type { ComponentProps } from 'react';
import type { GraphiQL } from 'graphiql';
import { getOperationAST, parse } from 'graphql';
import { createClient } from 'graphql-ws';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

/** The GraphQL endpoint is the URL this page was served from, stage prefix included. */
export function endpointUrl(location: Location): string {
  return `${location.origin}${location.pathname}`;
}

/** Whether the operation GraphiQL runs is a subscription (a document that does not parse is not). */
function isSubscription(query: string, operationName: string | null | undefined): boolean {
  try {
    return getOperationAST(parse(query), operationName ?? undefined)?.operation === 'subscription';
  } catch {
    return false;
  }
}

/** connection_init's payload: the header editor's headers, named as HTTP names them (lower case). */
const connectionParams = (headers: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries((headers ?? {}) as Record<string, unknown>).flatMap(([name, value]) => (typeof value === 'string' ? [[name.toLowerCase(), value]] : [])));

/** One connection per subscription run: closed when GraphiQL stops it, or when the server ends it. */
async function* subscribe(subscriptionUrl: string, params: { query: string; variables?: unknown; operationName?: string | null }, headers: unknown) {
  const client = createClient({ url: subscriptionUrl, connectionParams: connectionParams(headers), retryAttempts: 0, lazy: true });
  try {
    const events = client.iterate({ query: params.query, variables: (params.variables ?? {}) as Record<string, unknown>, operationName: params.operationName ?? undefined });
    for await (const event of events) yield event;
  } catch (error) {
    // A refused subscription ends with its GraphQL errors; a closed connection with its close event.
    yield { errors: Array.isArray(error) ? error : [{ message: `The subscription ended: ${(error as { reason?: string })?.reason || (error as Error)?.message || 'connection closed'}` }] };
  } finally {
    await client.dispose();
  }
}

export function createFetcher(url: string, subscriptionUrl?: string): Fetcher {
  return async (params, options) => {
    if (subscriptionUrl && isSubscription(params.query, params.operationName)) return subscribe(subscriptionUrl, params, options?.headers);
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        accept: 'application/graphql-response+json, application/json',
        'content-type': 'application/json',
        ...(options?.headers as Record<string, string> | undefined),
      },
      body: JSON.stringify(params),
      credentials: 'same-origin',
    });
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      return { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 500)}` }] };
    }
  };
}
