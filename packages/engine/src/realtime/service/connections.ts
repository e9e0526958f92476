/**
 * Messages to WebSocket clients through API Gateway's Management API (PostToConnection,
 * DeleteConnection). A connection that is gone (`GoneException`, HTTP 410) is reported, not thrown:
 * the caller cleans its records up.
 */
import { ApiGatewayManagementApiClient, DeleteConnectionCommand, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';

export interface ConnectionApi {
  /** Sends one message; 'gone' when the client has disconnected. */
  post(connectionId: string, message: string): Promise<'sent' | 'gone'>;
  /** Closes the connection (API Gateway sends no close code of ours; see the protocol notes). */
  close(connectionId: string): Promise<void>;
}

const isGone = (error: unknown) => (error as Error).name === 'GoneException' || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 410;

const clients = new Map<string, ApiGatewayManagementApiClient>();

/**
 * The Management API of one WebSocket API stage: `https://<api-id>.execute-api.<region>.amazonaws.com/<stage>`
 * deployed, serverless-offline's `http://localhost:<websocket port>` locally. One client per endpoint
 * and container, so its connections outlive requests.
 */
export function createConnectionApi(endpoint: string, client?: ApiGatewayManagementApiClient): ConnectionApi {
  let api = client ?? clients.get(endpoint);
  if (!api) {
    api = new ApiGatewayManagementApiClient({ endpoint, maxAttempts: 3 });
    clients.set(endpoint, api);
  }
  const management = api;
  return {
    async post(connectionId, message) {
      try {
        await management.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: new TextEncoder().encode(message) }));
        return 'sent';
      } catch (error) {
        if (isGone(error)) return 'gone';
        throw error;
      }
    },
    async close(connectionId) {
      try {
        await management.send(new DeleteConnectionCommand({ ConnectionId: connectionId }));
      } catch (error) {
        if (!isGone(error)) throw error;
      }
    },
  };
}

/** The Management API endpoint of the stage an event came through. */
export function endpointOf(requestContext: { domainName?: string; stage?: string }): string {
  const { domainName = 'localhost', stage = '' } = requestContext;
  return `https://${domainName}/${stage}`;
}
