/**
 * The playground's fetcher: a plain JSON POST to the page's own URL. A JSON content type keeps
 * the request clear of Apollo's CSRF prevention, and the headers typed in GraphiQL's header
 * editor (an Authorization bearer token, say) are sent along.
 */
import type { ComponentProps } from 'react';
import type { GraphiQL } from 'graphiql';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

/** The GraphQL endpoint is the URL this page was served from, stage prefix included. */
export function endpointUrl(location: Location): string {
  return `${location.origin}${location.pathname}`;
}

export function createFetcher(url: string): Fetcher {
  return async (params, options) => {
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
