/**
 * How the WebSocket function's DynamoDB client differs from the HTTP function's
 * (`createDynamoDBClient(settings, REALTIME_DYNAMODB_CLIENT_OVERRIDES)`): it is sized for bursts.
 *
 * Clients open connections and subscribe in bursts (API Gateway admits 500 new connections a
 * second per account and region), and a process that serves many WebSocket events at once
 * (serverless-offline runs them all in one) shares one client between them. With the SDK's 50
 * sockets, calls queue, and a queued call spends its connect timeout (1 s) waiting: measured on
 * DynamoDB Local, 343 of 500 connections' writes at once failed so, and the retry quota they spent
 * (a timeout costs 10 of its 500 tokens) left them unretried. With 1,024 sockets and a larger,
 * faster-refilling quota, 500 connections at once through `npm start` all connected and subscribed,
 * and 1,000 subscribes at once on one connection were all answered without a timeout (256 sockets:
 * 654 of them timed out). On Lambda, where a container serves one event at a time, neither setting
 * changes anything but the fan-out's parallel calls.
 */
import type { ClientOverrides } from '../../data-sources/dynamodb/client';

export const REALTIME_DYNAMODB_CLIENT_OVERRIDES: Readonly<ClientOverrides> = Object.freeze({
  maxSockets: 1_024,
  retry: { quotaCapacity: 5_000, quotaRefillPerSecond: 500 },
});
