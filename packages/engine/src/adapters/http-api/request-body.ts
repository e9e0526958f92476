/** A POST body as JSON, decoded and parsed at most once per request: the request checks and the trusted-documents check both read it. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** The body's JSON value, or null when the body is not JSON. */
export type JsonBody = () => { value: unknown } | null;

/** The body reader of one event; the first call parses, later ones return the same value. */
export function jsonBodyOf(event: APIGatewayProxyEventV2): JsonBody {
  let body: { value: unknown } | null | undefined;
  return () => {
    if (body !== undefined) return body;
    const text = event.isBase64Encoded && event.body ? Buffer.from(event.body, 'base64').toString('utf8') : (event.body ?? '');
    try {
      body = { value: JSON.parse(text) };
    } catch {
      body = null;
    }
    return body;
  };
}
