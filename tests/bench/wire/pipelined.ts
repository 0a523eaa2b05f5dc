// A lean, pipelined MongoDB load generator, for measuring a server's own throughput (the idea of
// redis-benchmark -P). Through the official driver every operation costs the client one socket
// write, one read and the driver's bookkeeping; on a small machine that client then saturates
// before the server does, and the figure measures the client. Here each connection keeps `depth`
// requests outstanding (MongoDB answers the messages of one connection in order), tops them up with
// ONE socket write per batch of replies, and decodes replies by their length header.
// Every reply is checked (`ok: 1`, plus the caller's `verify`): a wrong answer fails the run.
// It speaks plain OP_MSG after a `hello`, which devdb and a real mongod without auth both accept.
import net from 'node:net';
import type { Document } from 'bson';
import { decodeOpMsg, encodeOpMsg, FrameReader } from './op-msg';

export interface PipelinedRun {
  /** `mongodb://host:port[/...]`; the first host is used. */
  uri: string;
  db: string;
  connections: number;
  /** Requests kept outstanding on each connection. */
  depth: number;
  total: number;
  /** The command for operation `i` (without `$db`). */
  command: (i: number) => Document;
  /** Throws when the reply to operation `i` is not the expected one (`ok: 1` is always checked). */
  verify?: (reply: Document, i: number) => void;
}

export interface PipelinedResult {
  opsPerSec: number;
  /** 99th percentile from request written to reply decoded; includes the wait behind the pipeline. */
  p99Ms: number;
}

export async function runPipelined(run: PipelinedRun): Promise<PipelinedResult> {
  const address = parseAddress(run.uri);
  const sockets = await Promise.all(Array.from({ length: run.connections }, () => connect(address)));
  try {
    // The handshake a driver would send first; its reply also proves the server speaks OP_MSG.
    await Promise.all(
      sockets.map((socket) => {
        let hellos = 1;
        const take = () => (hellos-- > 0 ? 0 : undefined);
        return pump(socket, { db: 'admin', depth: 1, command: () => ({ hello: 1 }) }, take, () => undefined);
      }),
    );

    let issued = 0;
    const take = () => (issued < run.total ? issued++ : undefined);
    const latenciesMs = new Float64Array(run.total);
    let done = 0;
    const started = process.hrtime.bigint();
    await Promise.all(sockets.map((socket) => pump(socket, run, take, (ms) => (latenciesMs[done++] = ms))));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    latenciesMs.sort();
    return {
      opsPerSec: Math.round(run.total / seconds),
      p99Ms: Math.round(latenciesMs[Math.min(run.total - 1, Math.floor(run.total * 0.99))] * 100) / 100,
    };
  } finally {
    for (const socket of sockets) socket.destroy();
  }
}

/** A `verify` for finds: the first batch holds exactly `count` documents. */
export function expectFirstBatch(count: number, check?: (docs: Document[], i: number) => void) {
  return (reply: Document, i: number): void => {
    const docs = reply.cursor?.firstBatch;
    if (!Array.isArray(docs) || docs.length !== count)
      throw new Error(`operation ${i}: expected ${count} document(s), got ${JSON.stringify(reply).slice(0, 200)}`);
    check?.(docs, i);
  };
}

type Workload = Pick<PipelinedRun, 'db' | 'depth' | 'command' | 'verify'>;

let nextRequestId = 1;

/**
 * Drives one connection until `take` has no more operations and every reply is in; rejects on
 * the first wrong reply, socket error or close.
 */
function pump(
  socket: net.Socket,
  work: Workload,
  take: () => number | undefined,
  record: (latencyMs: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const outstanding = new Map<number, { index: number; sentAt: bigint }>();
    const reader = new FrameReader();

    const detach = () => {
      socket.off('data', onData);
      socket.off('error', onError);
      socket.off('close', onClose);
    };
    const fail = (error: Error) => {
      detach();
      socket.destroy();
      reject(error);
    };
    const onError = (error: Error) => fail(error);
    const onClose = () => fail(new Error('the server closed the connection'));

    // Tops the pipeline up to `depth`, all new requests in one write (one syscall).
    const refill = () => {
      const batch: Buffer[] = [];
      const sentAt = process.hrtime.bigint();
      while (outstanding.size < work.depth) {
        const index = take();
        if (index === undefined) break;
        const requestId = nextRequestId++;
        outstanding.set(requestId, { index, sentAt });
        batch.push(encodeOpMsg(requestId, { ...work.command(index), $db: work.db }));
      }
      if (batch.length) socket.write(batch.length === 1 ? batch[0] : Buffer.concat(batch));
      else if (outstanding.size === 0) {
        detach();
        resolve();
      }
    };

    function onData(chunk: Buffer): void {
      try {
        for (const frame of reader.push(chunk)) {
          const { responseTo, body } = decodeOpMsg(frame);
          const request = outstanding.get(responseTo);
          if (!request) throw new Error(`reply to request ${responseTo}, which is not outstanding`);
          outstanding.delete(responseTo);
          if (body.ok !== 1)
            throw new Error(`operation ${request.index} failed: ${body.errmsg ?? JSON.stringify(body).slice(0, 200)}`);
          work.verify?.(body, request.index);
          record(Number(process.hrtime.bigint() - request.sentAt) / 1e6);
        }
      } catch (error) {
        fail(error as Error);
        return;
      }
      refill();
    }

    socket.on('data', onData);
    socket.on('error', onError);
    socket.on('close', onClose);
    refill();
  });
}

interface Address {
  host: string;
  port: number;
}

function parseAddress(uri: string): Address {
  const match = /^mongodb:\/\/(?:([^@/]*)@)?([^,/?]+)/.exec(uri);
  if (!match) throw new Error(`pipelined client needs a mongodb://host:port URI, got ${uri}`);
  if (match[1]) throw new Error('pipelined client does not authenticate: use a server without auth');
  const url = new URL(`http://${match[2]}`);
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 27017) };
}

function connect(address: Address): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(address);
    socket.setNoDelay(true);
    // Between two runs nobody else listens: a late reset must not crash the bench as an unhandled 'error'.
    socket.on('error', () => undefined);
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve(socket);
    });
  });
}
