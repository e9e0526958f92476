/** A POST body as JSON, decoded and parsed once per request: the request checks and the trusted-documents check both read it. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

const parsed = new WeakMap<object, { value: unknown } | null>();

/** The body's JSON value, or null when the body is not JSON. */
export function jsonBody(event: APIGatewayProxyEventV2): { value: unknown } | null {
  let body = parsed.get(event);
  if (body === undefined) {
    const text = event.isBase64Encoded && event.body ? Buffer.from(event.body, 'base64').toString('utf8') : (event.body ?? '');
    try {
      body = { value: JSON.parse(text) };
    } catch {
      body = null;
    }
    parsed.set(event, body);
  }
  return body;
}
