/**
 * One HTTP call with node:http(s): no redirects followed (a 3xx is an answer), TLS certificates
 * verified, the answer read up to a size bound, and the call ended by its signal (the per-call
 * timeout or the request's deadline). Faults reject with {@link HttpFault}; any status is a result.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { PreparedHttpRequest } from './request';

/** AppSync's `ctx.result` of an HTTP data source: the status, the headers, the body as text. */
export interface HttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export type HttpFaultKind = 'unavailable' | 'timeout' | 'tooLarge';

/** A call that produced no usable answer; `cause` is Node's error, for the log. */
export class HttpFault extends Error {
  override readonly name = 'HttpFault';
  constructor(
    readonly kind: HttpFaultKind,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export interface CallLimits {
  /** Aborts the call: the per-call timeout or the request's deadline. */
  signal: AbortSignal;
  maxResponseBytes: number;
}

/** Repeated headers are joined with ', ' (AppSync's result has one string per name). */
function flatHeaders(message: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** Node's codes for a kept-alive connection the endpoint closed while it sat idle in the pool. */
const STALE_CONNECTION = new Set(['ECONNRESET', 'EPIPE']);
/** Methods that may be sent again (RFC 9110, 9.2.2); POST and PATCH never are. */
const IDEMPOTENT = new Set(['GET', 'PUT', 'DELETE']);

/** A reused connection that failed before any answer; {@link send} may send the request again. */
class StaleConnection extends HttpFault {}

/**
 * Sends the request and reads the whole answer, or rejects with an {@link HttpFault}. An
 * idempotent request that fails on a reused keep-alive connection before any answer (most often,
 * the endpoint closed that connection while it sat idle) is sent once more, on a new connection.
 */
export async function send(prepared: PreparedHttpRequest, limits: CallLimits): Promise<HttpResult> {
  try {
    return await attempt(prepared, limits, false);
  } catch (error) {
    if (!(error instanceof StaleConnection) || !IDEMPOTENT.has(prepared.method)) throw error;
    return attempt(prepared, limits, true);
  }
}

function attempt(prepared: PreparedHttpRequest, { signal, maxResponseBytes }: CallLimits, fresh: boolean): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new HttpFault('timeout', 'The call was aborted before it started', { cause: signal.reason }));
      return;
    }
    const { url, method, headers, body } = prepared;
    // A fresh attempt bypasses the pool of kept-alive connections (`agent: false`).
    const outgoing = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, { method, headers, ...(fresh ? { agent: false } : {}) });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      outcome();
    };
    const fail = (fault: HttpFault) =>
      settle(() => {
        outgoing.destroy();
        reject(fault);
      });
    const onAbort = () => fail(new HttpFault('timeout', 'The call did not finish in time', { cause: signal.reason }));
    signal.addEventListener('abort', onAbort, { once: true });

    let answered = false;
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      const stale = !answered && outgoing.reusedSocket && STALE_CONNECTION.has(error.code ?? '');
      fail(new (stale ? StaleConnection : HttpFault)('unavailable', error.message, { cause: error }));
    });
    outgoing.on('response', (incoming) => {
      answered = true;
      const tooLarge = () => new HttpFault('tooLarge', `The answer is larger than ${maxResponseBytes} bytes`);
      if (Number(incoming.headers['content-length']) > maxResponseBytes) return fail(tooLarge());
      const chunks: Buffer[] = [];
      let size = 0;
      incoming.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxResponseBytes) return fail(tooLarge());
        chunks.push(chunk);
      });
      incoming.on('error', (error) => fail(new HttpFault('unavailable', error.message, { cause: error })));
      incoming.on('close', () => {
        if (!incoming.complete) fail(new HttpFault('unavailable', 'The connection closed before the answer was complete'));
      });
      incoming.on('end', () =>
        settle(() => resolve({ statusCode: incoming.statusCode ?? 0, headers: flatHeaders(incoming), body: Buffer.concat(chunks).toString('utf8') })),
      );
    });
    outgoing.end(body);
  });
}
