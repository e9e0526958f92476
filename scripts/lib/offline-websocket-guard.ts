/**
 * Loaded into serverless-offline's process (`node --import`, by offline.ts): its WebSocket API
 * treats the frames API Gateway refuses as API Gateway does, closing that connection only.
 *
 * serverless-offline 14 puts no 'error' listener on its `ws` sockets, so a protocol error on one
 * connection (a text frame that is not UTF-8, a bad frame header) is an uncaught exception that
 * stops serverless-offline, and with it the whole local stack. Here each socket gets a listener
 * (`ws` closes the socket itself: 1007 for bad UTF-8, 1002 for a bad frame), messages are held to
 * API Gateway's 128 KB message payload (1009), and binary frames, which API Gateway refuses, close
 * the connection with 1003 before they reach the function.
 */
import { WebSocketServer, type WebSocket } from 'ws';

/** API Gateway's WebSocket message payload quota, 128 KB (not adjustable). */
const MAX_MESSAGE_BYTES = 128 * 1024;

function guard(socket: WebSocket): void {
  socket.on('error', (error) => console.warn(`WebSocket connection closed on an invalid frame: ${error.message}`));
  const emit = socket.emit;
  socket.emit = function (this: WebSocket, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'message' && args[1] === true) {
      socket.close(1003, 'Binary frames are not supported');
      return false;
    }
    return emit.call(this, event, ...args);
  } as WebSocket['emit'];
}

const handleUpgrade = WebSocketServer.prototype.handleUpgrade;
WebSocketServer.prototype.handleUpgrade = function (this: WebSocketServer, ...args: Parameters<WebSocketServer['handleUpgrade']>) {
  this.options.maxPayload = MAX_MESSAGE_BYTES;
  return handleUpgrade.apply(this, args);
};

// Before serverless-offline's own 'connection' listener, which starts relaying the socket's messages.
const emit = WebSocketServer.prototype.emit;
WebSocketServer.prototype.emit = function (this: WebSocketServer, event: string | symbol, ...args: unknown[]): boolean {
  if (event === 'connection') guard(args[0] as WebSocket);
  return emit.call(this, event, ...args);
} as WebSocketServer['emit'];
