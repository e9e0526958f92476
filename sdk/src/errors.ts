/** Errors a request can end in, with AppSync's `errorType` / `errorInfo` for clients to switch on. */

/** One entry of a GraphQL response's `errors`, as AppSync (and this API) shapes it. */
export interface GraphQLErrorEntry {
  message: string;
  /** A stable type such as `NotFound`, `ValidationError`, `Unauthorized`; null when the server gave none. */
  errorType: string | null;
  /** Structured details from the resolver (`util.error(message, type, data, info)`), or null. */
  errorInfo: unknown;
  /** The partial data the resolver attached to the error, or null. */
  data: unknown;
  path: ReadonlyArray<string | number> | null;
  locations: ReadonlyArray<{ line: number; column: number }> | null;
  extensions: Record<string, unknown>;
}

type RawError = { message?: unknown; errorType?: unknown; errorInfo?: unknown; data?: unknown; path?: unknown; locations?: unknown; extensions?: unknown };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Normalises an error entry: top-level `errorType`/`errorInfo` first (AppSync), then `extensions` (Apollo). */
export function toErrorEntry(raw: unknown): GraphQLErrorEntry {
  const error: RawError = isRecord(raw) ? raw : { message: String(raw) };
  const extensions = isRecord(error.extensions) ? error.extensions : {};
  const errorType = error.errorType ?? extensions.errorType ?? extensions.code;
  return {
    message: typeof error.message === 'string' ? error.message : 'Unknown error',
    errorType: typeof errorType === 'string' ? errorType : null,
    errorInfo: error.errorInfo ?? extensions.errorInfo ?? null,
    data: error.data ?? extensions.data ?? null,
    path: Array.isArray(error.path) ? (error.path as Array<string | number>) : null,
    locations: Array.isArray(error.locations) ? (error.locations as Array<{ line: number; column: number }>) : null,
    extensions,
  };
}

/**
 * The request reached the API but did not succeed: GraphQL errors in the response, or an HTTP
 * failure without a GraphQL body. `errors` holds at least one entry; `data` the partial data, if any.
 */
export class GraphQLRequestError<TData = unknown> extends Error {
  override readonly name = 'GraphQLRequestError';
  readonly errors: readonly GraphQLErrorEntry[];
  readonly data: TData | null;
  /** The HTTP status code of the response. */
  readonly status: number;

  constructor(errors: readonly GraphQLErrorEntry[], options: { data?: TData | null; status: number; cause?: unknown }) {
    super(errors.map((error) => (error.errorType ? `${error.errorType}: ${error.message}` : error.message)).join('; '), { cause: options.cause });
    this.errors = errors;
    this.data = options.data ?? null;
    this.status = options.status;
  }

  /** The errorType of the first error, the one to switch on in most UIs. */
  get errorType(): string | null {
    return this.errors[0]?.errorType ?? null;
  }

  /** Whether any error has the given errorType. */
  hasErrorType(errorType: string): boolean {
    return this.errors.some((error) => error.errorType === errorType);
  }
}

/** Recognises a GraphQLRequestError even across copies of this package (no `instanceof` pitfalls). */
export function isGraphQLRequestError(error: unknown): error is GraphQLRequestError {
  return error instanceof GraphQLRequestError || (error instanceof Error && error.name === 'GraphQLRequestError' && 'errors' in error);
}
