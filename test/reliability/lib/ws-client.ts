/**
 * A graphql-transport-ws client as bare as the protocol: Node's WebSocket, every message kept, and
 * frames sent as given (a hostile client's, too). The suite counts what each subscribe got back.
 */
import { createConnection } from 'node:net';

export interface ProtocolMessage {
  type: string;
  id?: string;
  payload?: any;
}

export interface WsClient {
  socket: WebSocket;
  messages: ProtocolMessage[];
  /** Settles with the close code once the connection is closed, by either side. */
  closed: Promise<number>;
  send(message: ProtocolMessage | string): void;
  /** Resolves with the first message of this type (already received or to come). */
  next(type: string, timeoutMs?: number): Promise<ProtocolMessage>;
  subscribe(id: string, query: string, variables?: Record<string, unknown>): void;
  close(): Promise<number>;
}

/** Opens a connection with the graphql-transport-ws subprotocol; rejects when it is refused. */
export async function openWsClient(url: string): Promise<WsClient> {
  const socket = new WebSocket(url, 'graphql-transport-ws');
  const messages: ProtocolMessage[] = [];
  const waiting = new Set<() => void>();
  socket.addEventListener('message', (event) => {
    messages.push(JSON.parse(String(event.data)) as ProtocolMessage);
    for (const wake of waiting) wake();
  });
  const closed = new Promise<number>((resolve) => socket.addEventListener('close', (event) => resolve(event.code), { once: true }));
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error('the connection was refused')), { once: true });
  });
  const client: WsClient = {
    socket,
    messages,
    closed,
    send: (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
    next(type, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find((message) => message.type === type);
          if (!found) return;
          done();
          resolve(found);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no ${type} message within ${timeoutMs} ms (got ${messages.map((message) => message.type).join(', ') || 'nothing'})`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiting.delete(check);
        };
        waiting.add(check);
        check();
      });
    },
    subscribe: (id, query, variables) => client.send({ type: 'subscribe', id, payload: { query, ...(variables ? { variables } : {}) } }),
    close() {
      socket.close(1000);
      return closed;
    },
  };
  return client;
}

/** Opens a connection and completes connection_init with these credentials. */
export async function initialisedWsClient(url: string, credentials: Record<string, string>): Promise<WsClient> {
  const client = await openWsClient(url);
  client.send({ type: 'connection_init', payload: credentials });
  await client.next('connection_ack');
  return client;
}

/**
 * Sends one raw, masked WebSocket frame on a connection of its own (what a browser's API cannot:
 * invalid UTF-8 in a text frame) and resolves with what the server did: the close code it sent, or
 * `'closed'` when it only closed the socket.
 */
export function sendRawFrame(url: string, opcode: number, payload: Buffer): Promise<number | 'closed'> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = createConnection(Number(port), hostname);
    let upgraded = false;
    let received = Buffer.alloc(0);
    socket.on('error', reject);
    socket.on('connect', () =>
      socket.write(
        [
          'GET / HTTP/1.1',
          `Host: ${hostname}:${port}`,
          'Upgrade: websocket',
          'Connection: Upgrade',
          `Sec-WebSocket-Key: ${Buffer.from('reliability-key!').toString('base64')}`,
          'Sec-WebSocket-Version: 13',
          'Sec-WebSocket-Protocol: graphql-transport-ws',
          '',
          '',
        ].join('\r\n'),
      ),
    );
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (!upgraded) {
        const end = received.indexOf('\r\n\r\n');
        if (end < 0) return;
        if (!received.subarray(0, end).toString().startsWith('HTTP/1.1 101')) return reject(new Error(`not upgraded: ${received.subarray(0, end).toString()}`));
        upgraded = true;
        received = received.subarray(end + 4);
        const mask = Buffer.from([0x12, 0x34, 0x56, 0x78]);
        const masked = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!));
        const length = payload.length < 126 ? Buffer.from([0x80 | payload.length]) : Buffer.from([0x80 | 126, payload.length >> 8, payload.length & 0xff]);
        socket.write(Buffer.concat([Buffer.from([0x80 | opcode]), length, mask, masked]));
      }
      // A close frame from the server: opcode 8, its first two payload bytes the code.
      if (upgraded && received.length >= 4 && (received[0]! & 0x0f) === 8) {
        resolve(received.readUInt16BE(2));
        socket.destroy();
      }
    });
    socket.on('close', () => resolve('closed'));
  });
}
