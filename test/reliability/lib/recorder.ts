/**
 * Calls the API as a frontend does (the typed SDK's client over HTTP), one watchdog per request,
 * and records every answer: outcome counts, hangs, and problems (leaks, unknown errorTypes, 5xx).
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createClient, isGraphQLRequestError, type GraphQLErrorEntry } from '@hiring/sdk';
import { Findings, graphqlBody, HUNG, outcomeOf, problemsWith, Tally, watched, type Answer } from './outcomes';

export interface Call<TData> {
  hung: boolean;
  data?: TData;
  /** The errors of the answer (none on success). */
  errors: readonly GraphQLErrorEntry[];
  /** The first error's errorType, or 'ok' / 'hung' / 'no-answer'. */
  kind: string;
  answer?: Answer;
}

export class Recorder {
  readonly outcomes = new Tally();
  readonly findings = new Findings();
  hangs = 0;
  attempts = 0;

  /** Runs one SDK operation against `origin` with `token`; never throws. */
  async call<TData, TVariables extends Record<string, unknown>>(
    origin: string,
    token: string,
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    options: { clientFault?: boolean } = {},
  ): Promise<Call<TData>> {
    this.attempts += 1;
    let answer: Answer | undefined;
    // The SDK reads the response itself; a fetch that keeps a copy of the text lets us check it too.
    const capturing: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const text = await response.text();
      answer = { status: response.status, text, body: graphqlBody(text) };
      return new Response(text, { status: response.status, headers: response.headers });
    };
    const client = createClient({ url: `${origin}/graphql`, getToken: () => token, fetch: capturing });
    const result = await watched(async (signal) => {
      try {
        return { data: await client.request(document, ...([variables, { signal }] as unknown as [TVariables])), errors: [] as readonly GraphQLErrorEntry[] };
      } catch (error) {
        if (isGraphQLRequestError(error)) return { data: undefined, errors: error.errors };
        if (signal.aborted) throw error;
        return { data: undefined, errors: [], failure: String(error) };
      }
    });
    if (result === HUNG) {
      this.hangs += 1;
      this.outcomes.add('hung');
      return { hung: true, errors: [], kind: 'hung' };
    }
    if (!answer) {
      this.outcomes.add('no answer (connection failed)');
      this.findings.add('no answer from the container', 'failure' in result ? String(result.failure) : '');
      return { hung: false, errors: [], kind: 'no-answer' };
    }
    this.outcomes.add(outcomeOf(answer));
    for (const problem of problemsWith(answer, options)) this.findings.add(problem, answer.text);
    const kind = result.errors.length ? (result.errors[0]!.errorType ?? '(none)') : 'ok';
    return { hung: false, data: result.data, errors: result.errors, kind, answer };
  }

  report(title: string): string {
    return [`${title}: ${this.attempts} requests, ${this.hangs} hung`, '  outcomes (HTTP status, errorTypes):', this.outcomes.toString(), `  problems: ${this.findings.count}`, this.findings.toString()]
      .filter(Boolean)
      .join('\n');
  }
}
