/**
 * The API Gateway HTTP API (payload v2) adapter: Lambda events into the engine's Apollo Server
 * through `@as-integrations/aws-lambda`. Per request: the engine's request from the event, the
 * application's observer, the request checks (size, shape, trusted documents), authentication,
 * then the GraphQL request with its state; the observer hears how it ended.
 */
import { handlers, startServerAndCreateLambdaHandler, type LambdaHandler, type middleware } from '@as-integrations/aws-lambda';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { AuthenticationError } from '../../auth/authenticate';
import { type RequestAuthorization } from '../../core/request';
import type { AppSyncEngine } from '../../execution/engine';
import { INTERNAL_ERROR_MESSAGE, INTERNAL_ERROR_TYPE } from '../../core/format-error';
import type { RequestObserver } from '../../core/hooks';
import type { EngineRequest } from '../../core/request';
import { MAX_RESPONSE_BYTES } from '../../limits/response-budget';
import { badRequest } from './bad-request';
import { engineRequestFromEvent } from './event';
import { jsonError } from './json-error';
import { jsonBodyOf, type JsonBody } from './request-body';
import { DEFAULT_REQUEST_SIZE_LIMITS, type RequestSizeLimits } from './request-size';
import { limitResponseSize } from './response-size';
import { createTrustedDocumentsCheck, type TrustedDocumentsOptions } from './trusted-documents';
import { unauthorizedResponse } from './unauthorized';

const requestHandler = handlers.createAPIGatewayProxyEventV2RequestHandler();
export type HttpApiHandler = LambdaHandler<typeof requestHandler>;
type Middleware = middleware.MiddlewareFn<typeof requestHandler>;

/** A route answered before the GraphQL server (a playground page, a health check): a response, or undefined to go on. */
export type HttpApiRoute = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2 | undefined>;

export interface HttpApiOptions {
  /** Routes tried first, before any check or authentication (the playground). */
  routes?: readonly HttpApiRoute[];
  /** Requests (body or query string) and documents larger than these get 413 `RequestTooLarge`. */
  maxRequestBytes?: number;
  maxQueryBytes?: number;
  /** Responses larger than this are replaced by one `ResponseTooLarge` error (LIM-10); the engine's `maxResponseBytes`. */
  maxResponseBytes?: number;
  /** The trusted-documents manifest and the authorization modes restricted to it. */
  trustedDocuments?: TrustedDocumentsOptions;
}

/** One event on its way through the middleware and into the server: the request's state until its context exists. */
interface Call {
  readonly request: EngineRequest;
  readonly requestId: string;
  readonly lambdaContext?: Context;
  readonly observer?: RequestObserver;
  readonly body: JsonBody;
  authorization?: RequestAuthorization;
  /** Set once the GraphQL server took the request (its observer heard the operation). */
  served: boolean;
}

/** The errors of a response answered before the server (401, 400, 413), read from its JSON body. */
function bodyErrors(result: APIGatewayProxyStructuredResultV2): { count: number; types: string[] } | undefined {
  if ((result.statusCode ?? 200) < 400 || typeof result.body !== 'string' || result.isBase64Encoded) return undefined;
  try {
    const errors = (JSON.parse(result.body) as { errors?: Array<{ errorType?: unknown }> }).errors;
    if (!Array.isArray(errors)) return undefined;
    return { count: errors.length, types: [...new Set(errors.map((error) => String(error?.errorType ?? 'Unknown')))] };
  } catch {
    return undefined;
  }
}

/** Builds the Lambda handler; call once per container (a server cannot back two handlers). */
export function createHttpApiHandler(engine: AppSyncEngine, options: HttpApiOptions = {}): HttpApiHandler {
  const { routes = [], maxResponseBytes = MAX_RESPONSE_BYTES, trustedDocuments } = options;
  const limits: RequestSizeLimits = {
    maxRequestBytes: options.maxRequestBytes ?? DEFAULT_REQUEST_SIZE_LIMITS.maxRequestBytes,
    maxQueryBytes: options.maxQueryBytes ?? DEFAULT_REQUEST_SIZE_LIMITS.maxQueryBytes,
  };
  const enforceResponseSize = limitResponseSize(maxResponseBytes);
  // Persisted-query errors are answered for every mode; only the restricted modes are held to the manifest.
  const checkTrustedDocuments = createTrustedDocumentsCheck(trustedDocuments ?? { documents: {}, modes: [] });
  // The integration hands each callback the event only: this links an event to its call, for the request's life.
  const calls = new WeakMap<object, Call>();
  const callOf = (event: object): Call => {
    const call = calls.get(event);
    if (!call) throw new Error('The event reached the server without passing the HTTP API handler');
    return call;
  };

  const steps: Middleware[] = [
    ...routes.map((route): Middleware => route),
    async (event) => {
      // CORS preflights carry no credentials; badRequest() answers them with 204, running nothing.
      if (event.requestContext?.http?.method === 'OPTIONS') return undefined;
      const call = callOf(event);
      try {
        call.authorization = await engine.authenticate(call.request);
        return undefined;
      } catch (error) {
        if (error instanceof AuthenticationError) return unauthorizedResponse(error.message);
        throw error;
      }
    },
    async (event) => badRequest(event, callOf(event).body, limits) ?? enforceResponseSize,
    async (event) => {
      const call = callOf(event);
      return checkTrustedDocuments(event, call.authorization?.mode, call.body);
    },
  ];
  // A step's unexpected failure becomes a masked JSON `InternalFailure` (HTTP 500), reported once:
  // the integration would answer it with the raw message as a plain-text 400.
  const guarded = steps.map((step): Middleware => async (event) => {
    try {
      return await step(event);
    } catch (error) {
      calls.get(event)?.observer?.onError?.({
        kind: 'beforeExecution',
        severity: 'error',
        message: 'Unexpected error before the GraphQL request ran',
        coordinate: null,
        operationName: null,
        error,
      });
      return jsonError(500, INTERNAL_ERROR_MESSAGE, INTERNAL_ERROR_TYPE, 'INTERNAL_SERVER_ERROR');
    }
  });

  const handler = startServerAndCreateLambdaHandler(engine.server, requestHandler, {
    middleware: guarded,
    context: async ({ event }) => {
      const call = callOf(event);
      if (!call.authorization) throw new Error('The request reached the server without being authenticated');
      call.served = true;
      return engine.createContext(call.request, call.authorization, call);
    },
  });

  return async (event, lambdaContext, callback) => {
    const request = engineRequestFromEvent(event);
    const requestId = lambdaContext?.awsRequestId ?? event.requestContext?.requestId ?? 'unknown';
    const observer = engine.begin(request, { requestId, lambdaContext });
    const call: Call = { request, requestId, lambdaContext, observer, body: jsonBodyOf(event), served: false };
    calls.set(event, call);
    let status = 500;
    let errors: { count: number; types: string[] } | undefined;
    try {
      // The integration always resolves to a result (never the callback style).
      const result = (await handler(event, lambdaContext, callback)) as APIGatewayProxyStructuredResultV2;
      status = result?.statusCode ?? 200;
      if (!call.served && result) errors = bodyErrors(result);
      return result;
    } finally {
      calls.delete(event);
      observer?.onRequestEnd?.({ status, ...(errors ? { errors } : {}) });
    }
  };
}
