/**
 * What the reliability suite checks on every answer, and how it counts them: outcomes by HTTP
 * status and errorType, hangs (a per-request watchdog), and leaks of internals in any message.
 */

/** Settled well above any normal answer; a request still open then is counted as hung. */
export const HANG_AFTER_MS = 35_000;

/**
 * Every errorType a client may see from this API. A request outside it is a finding: either a new
 * stable type to add here on purpose, or an internal error that escaped.
 */
export const ALLOWED_ERROR_TYPES = new Set([
  // Request checks before Apollo, and Apollo's own.
  'BadRequest',
  'MalformedHttpRequestException',
  'ValidationError',
  'RequestTooLarge',
  'ResponseTooLarge',
  'TooManyErrors',
  'QueryLimitExceeded',
  'ResolverCountLimitExceeded',
  'PersistedQueryNotFound',
  'PersistedQueryNotAllowed',
  'PersistedQueryHashMismatch',
  'PersistedQueryVersionNotSupported',
  'PersistedQueryNotSupported',
  'UnauthorizedException',
  'Unauthorized',
  'InvalidNextToken',
  // Resolvers.
  'NotFound',
  'Conflict',
  'AlreadyApplied',
  'JobNotOpen',
  'InvalidTransition',
  'ConcurrentModification',
  // Faults, masked and classified.
  'DataSourceUnavailable',
  'Timeout',
  'Throttled',
  'TransactionConflict',
  // Unexpected failures stay masked: allowed in responses, never for a client's own fault (the fuzz checks that).
  'InternalFailure',
]);

/** Internals no message may carry. */
export const LEAK_PATTERNS: ReadonlyArray<[string, RegExp]> = [
  ['host:port', /\b(?:\d{1,3}\.){3}\d{1,3}:\d{2,5}\b|localhost:\d{2,5}/i],
  ['socket error code', /\bE(?:CONNREFUSED|CONNRESET|TIMEDOUT|PIPE|HOSTUNREACH|AI_AGAIN)\b/],
  ['request id', /Request ID|RequestId:/],
  ['SDK service hint', /Service: ?DynamoDb/i],
  ['SDK deserialization', /\$response|Deserialization/i],
  ['stack trace', /\n\s+at \S|\bat (?:\S+ )?\(?(?:file:\/\/|\/|node:)\S+:\d+:\d+/],
  ['source path', /node_modules|\/src\/|\.cjs\b|\.ts:\d+/],
  ['raw DynamoDB exception', /DynamoDB:\w+Exception|TransactionCanceledException|ProvisionedThroughputExceeded/],
];

/** The names of the leak patterns `text` matches. */
export function leaksIn(text: string): string[] {
  // Messages inside JSON carry their line breaks escaped.
  const unescaped = text.replace(/\\n/g, '\n');
  return LEAK_PATTERNS.filter(([, pattern]) => pattern.test(unescaped)).map(([name]) => name);
}

export interface GraphQLBody {
  data?: unknown;
  errors?: Array<{ message?: unknown; errorType?: unknown; extensions?: { errorType?: unknown } }>;
}

/** An error's errorType, read at the top level then under extensions (as the SDK does). */
export const errorTypeOf = (error: { errorType?: unknown; extensions?: { errorType?: unknown } }): string | undefined => {
  const type = error.errorType ?? error.extensions?.errorType;
  return typeof type === 'string' ? type : undefined;
};

/** One answer as the suite sees it. */
export interface Answer {
  status: number;
  /** The raw body text. */
  text: string;
  body?: GraphQLBody;
}

/** What is wrong with an answer, as short strings (empty: fine). */
export function problemsWith(answer: Answer, options: { clientFault?: boolean } = {}): string[] {
  const problems: string[] = [];
  if (answer.status >= 500 && options.clientFault) problems.push(`HTTP ${answer.status} for a client fault`);
  if (answer.status >= 500 && !answer.body?.errors?.length) problems.push(`HTTP ${answer.status} without a GraphQL error`);
  if (!answer.body) problems.push(`HTTP ${answer.status} body is not a JSON GraphQL response`);
  for (const error of answer.body?.errors ?? []) {
    const type = errorTypeOf(error);
    if (!type) problems.push('an error without errorType');
    else if (!ALLOWED_ERROR_TYPES.has(type)) problems.push(`unexpected errorType ${type}`);
    else if (type === 'InternalFailure' && options.clientFault) problems.push('InternalFailure for a client fault');
  }
  for (const leak of leaksIn(answer.text)) problems.push(`leak: ${leak}`);
  return problems;
}

/** The outcome key an answer is counted under, e.g. `200 ok`, `200 ConcurrentModification`. */
export function outcomeOf(answer: Answer): string {
  const types = [...new Set((answer.body?.errors ?? []).map((error) => errorTypeOf(error) ?? '(none)'))].sort();
  return `${answer.status} ${types.length ? types.join('+') : answer.body ? 'ok' : 'non-JSON'}`;
}

/** Counts by key, printed sorted. */
export class Tally {
  readonly counts = new Map<string, number>();
  add(key: string, by = 1) {
    this.counts.set(key, (this.counts.get(key) ?? 0) + by);
  }
  get(key: string) {
    return this.counts.get(key) ?? 0;
  }
  total() {
    return [...this.counts.values()].reduce((sum, count) => sum + count, 0);
  }
  toString() {
    return [...this.counts].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => `    ${key}: ${count}`).join('\n');
  }
}

/** Problems seen, counted by kind, with one example each (to print). */
export class Findings {
  readonly tally = new Tally();
  readonly examples = new Map<string, string>();
  add(problem: string, example: string) {
    this.tally.add(problem);
    if (!this.examples.has(problem)) this.examples.set(problem, example.slice(0, 600));
  }
  get count() {
    return this.tally.total();
  }
  toString() {
    return [...this.examples].map(([problem, example]) => `  ${problem} ×${this.tally.get(problem)}\n    e.g. ${example}`).join('\n');
  }
}

export const HUNG = Symbol('hung');

/**
 * Runs `start` with an AbortSignal and a watchdog: resolves with its value, or HUNG when it has
 * not settled after `ms` (the signal is then aborted so nothing lingers).
 */
export async function watched<T>(start: (signal: AbortSignal) => Promise<T>, ms = HANG_AFTER_MS): Promise<T | typeof HUNG> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const watchdog = new Promise<typeof HUNG>((resolve) => {
    timer = setTimeout(() => resolve(HUNG), ms);
  });
  try {
    const result = await Promise.race([start(controller.signal), watchdog]);
    if (result === HUNG) controller.abort();
    return result;
  } finally {
    clearTimeout(timer);
  }
}

/** Parses a response text as a GraphQL body, or undefined when it is not one. */
export function graphqlBody(text: string): GraphQLBody | undefined {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
    if (!('data' in body) && !('errors' in body)) return undefined;
    return body as GraphQLBody;
  } catch {
    return undefined;
  }
}

/** POSTs a GraphQL request over HTTP with a watchdog; HUNG when it did not settle in time. */
export async function postGraphQL(url: string, payload: unknown, headers: Record<string, string>, ms = HANG_AFTER_MS): Promise<Answer | typeof HUNG> {
  return watched(async (signal) => {
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(payload), signal });
      const text = await response.text();
      return { status: response.status, text, body: graphqlBody(text) };
    } catch (error) {
      if (signal.aborted) throw error;
      // The connection to the container failed: no answer at all (counted as status 0).
      return { status: 0, text: String(error) };
    }
  }, ms);
}

export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
