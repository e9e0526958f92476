/**
 * The HTTP data source (AppSync's HTTP resolvers): runs a resolver's HTTP request object against
 * the data source's endpoint. Any answer, whatever its status, is `ctx.result`
 * (`{ statusCode, headers, body }`); a call that gets no usable answer is a masked `ctx.error`
 * (`DataSourceUnavailable`, `Timeout`, `ResponseTooLarge`, with a generic message) whose details
 * are logged at ERROR, as for the DynamoDB data source (GAP-11).
 */
import type { DataSourceOutcome } from '../dynamodb/context';
import { FAULT_MESSAGES, FAULT_TYPES, type DataSourceError } from '../dynamodb/errors';
import { reportDataSourceFault } from '../../core/hooks';
import type { RequestContext } from '../../core/request-context';
import { endpointUrl, HTTP_DATA_SOURCE_DEFAULTS } from './config';
import { type HttpDataSourceRef } from '../../core/resolver';
import { prepareHttpRequest, type PreparedHttpRequest } from './request';
import { HttpFault, send, type HttpFaultKind } from './transport';
import { ERROR_TYPES } from '../../core/error-types';

export { httpDataSource, HTTP_DATA_SOURCE_DEFAULTS } from './config';
export type { HttpAuthorizationConfig, HttpDataSourceOptions, HttpDataSourceRef, SigningCredentials } from '../../core/resolver';
export type { HttpResult } from './transport';

/** Sent as User-Agent, which resolvers may not set (AppSync sends its own). */
export const HTTP_DATA_SOURCE_USER_AGENT = 'appsync-js-runtime';

const FAULTS: Record<HttpFaultKind, DataSourceError> = {
  unavailable: { type: FAULT_TYPES.unavailable, message: FAULT_MESSAGES[FAULT_TYPES.unavailable]! },
  timeout: { type: FAULT_TYPES.timeout, message: FAULT_MESSAGES[FAULT_TYPES.timeout]! },
  tooLarge: { type: ERROR_TYPES.ResponseTooLarge, message: "The data source's answer is larger than this API accepts" },
};

/** Endpoints parsed once per data source (a data source is created once, at cold start). */
const endpoints = new WeakMap<HttpDataSourceRef, URL>();

function endpointOf(ref: HttpDataSourceRef): URL {
  let url = endpoints.get(ref);
  if (!url) endpoints.set(ref, (url = endpointUrl(ref)));
  return url;
}

/** Settles like `work`, or rejects with a timeout fault once `signal` aborts (credentials can be slow to come). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new HttpFault('timeout', 'The request was not signed in time', { cause: signal.reason }));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The headers to send: the resolver's, a User-Agent, the body's length, and the SigV4 ones when signing. */
async function outgoingHeaders(ref: HttpDataSourceRef, prepared: PreparedHttpRequest, signal: AbortSignal): Promise<Record<string, string>> {
  prepared.headers['user-agent'] = HTTP_DATA_SOURCE_USER_AGENT;
  if (prepared.body !== undefined) prepared.headers['content-length'] = String(Buffer.byteLength(prepared.body));
  const { authorizationConfig, credentials } = ref;
  if (!authorizationConfig) return prepared.headers;
  const { signHeaders } = await import('./sign');
  return untilAborted(signHeaders(prepared, authorizationConfig, credentials), signal);
}

/** Runs one HTTP request object; a malformed one throws `MappingTemplate` before any call. */
export async function invokeHttpDataSource(ref: HttpDataSourceRef, request: unknown, context: RequestContext, resolverId: string): Promise<DataSourceOutcome> {
  const prepared = prepareHttpRequest(request, endpointOf(ref));
  const timeoutMs = ref.timeoutMs ?? HTTP_DATA_SOURCE_DEFAULTS.timeoutMs;
  const deadline = context.deadline?.signal;
  const signal = deadline ? AbortSignal.any([deadline, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
  try {
    const headers = await outgoingHeaders(ref, prepared, signal);
    const result = await send({ ...prepared, headers }, { signal, maxResponseBytes: ref.maxResponseBytes ?? HTTP_DATA_SOURCE_DEFAULTS.maxResponseBytes });
    return { result };
  } catch (thrown) {
    // A signer or credentials failure is a fault of the path to the service too.
    const fault = thrown instanceof HttpFault ? thrown : new HttpFault('unavailable', 'The request could not be signed', { cause: thrown });
    const error = { ...FAULTS[fault.kind] };
    reportDataSourceFault(context, error, {
      severity: 'error',
      message: 'HTTP data source fault',
      coordinate: resolverId,
      details: {
      errorType: error.type,
      method: prepared.method,
      host: prepared.url.host,
      path: prepared.url.pathname,
      errorMessage: fault.message,
      errorCode: (fault.cause as { code?: string } | undefined)?.code ?? null,
      causeMessage: fault.cause instanceof Error ? fault.cause.message : null,
      },
    });
    return { result: null, error };
  }
}
