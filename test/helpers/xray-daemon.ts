/**
 * A stand-in for the X-Ray daemon: a UDP socket receiving what the X-Ray SDK sends to
 * AWS_XRAY_DAEMON_ADDRESS, one segment document per datagram (`{"format":"json","version":1}`, a
 * newline, then the document). In Lambda the SDK sends each subsegment on its own as soon as it
 * and its children are closed.
 */
import { createSocket } from 'node:dgram';
import type { AddressInfo } from 'node:net';

/** A (sub)segment document as the daemon receives it. */
export interface SegmentDocument {
  id: string;
  name: string;
  trace_id: string;
  parent_id?: string;
  type?: string;
  start_time: number;
  end_time?: number;
  annotations?: Record<string, string | number | boolean>;
  error?: boolean;
  fault?: boolean;
  throttle?: boolean;
  cause?: unknown;
}

export interface XRayDaemon {
  /** `host:port`, the value of AWS_XRAY_DAEMON_ADDRESS. */
  address: string;
  documents: SegmentDocument[];
  /** The first document received (now or later) that `matches`. */
  next(matches: (document: SegmentDocument) => boolean): Promise<SegmentDocument>;
  close(): Promise<void>;
}

const HEADER = '{"format":"json","version":1}\n';

export async function startXRayDaemon(): Promise<XRayDaemon> {
  const socket = createSocket('udp4');
  const documents: SegmentDocument[] = [];
  const waiting = new Set<{ matches: (document: SegmentDocument) => boolean; resolve: (document: SegmentDocument) => void }>();
  socket.on('message', (message) => {
    const text = message.toString('utf8');
    if (!text.startsWith(HEADER)) throw new Error(`Not an X-Ray daemon datagram: ${text.slice(0, 80)}`);
    const document = JSON.parse(text.slice(HEADER.length)) as SegmentDocument;
    documents.push(document);
    for (const waiter of waiting) {
      if (!waiter.matches(document)) continue;
      waiting.delete(waiter);
      waiter.resolve(document);
    }
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    documents,
    next(matches) {
      const received = documents.find(matches);
      if (received) return Promise.resolve(received);
      return new Promise((resolve) => waiting.add({ matches, resolve }));
    },
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}

let traces = 0;

/** A fresh `_X_AMZN_TRACE_ID` value as Lambda sets it per invocation: the trace, the function's segment, sampled. */
export function lambdaTraceHeader(sampled = true): { header: string; traceId: string; parentId: string } {
  traces += 1;
  const traceId = `1-${Math.floor(Date.now() / 1000).toString(16)}-${traces.toString(16).padStart(24, '0')}`;
  const parentId = traces.toString(16).padStart(16, 'a');
  return { header: `Root=${traceId};Parent=${parentId};Sampled=${sampled ? 1 : 0}`, traceId, parentId };
}
