// TCP server and message framing. Each connection reads length-prefixed messages and handles
// them one after another (the driver waits for each reply anyway); state is shared by all
// connections. A malformed or oversized message closes only its own connection.
import net from 'node:net';
import type { Document } from 'bson';
import { runCommand } from './commands';
import type { CommandContext, ConnectionInfo } from './commands/context';
import { CursorRegistry } from './cursors';
import type { Journal } from './storage/journal';
import type { Store } from './storage/store';
import { expireDocuments } from './storage/ttl';
import { COMPRESSOR_NOOP, unwrapCompressed, wrapCompressed } from './wire/op-compressed';
import { encodeOpMsg, parseOpMsg } from './wire/op-msg';
import { encodeOpReply, parseOpQuery } from './wire/op-query';
import { HEADER_BYTES, MAX_MESSAGE_SIZE_BYTES, OP_COMPRESSED, OP_MSG, OP_QUERY, ProtocolError } from './wire/opcodes';

/** The driver may exceed maxMessageSizeBytes by a command envelope; MongoDB allows 16 KiB more. */
const MAX_FRAME_BYTES = MAX_MESSAGE_SIZE_BYTES + 16 * 1024;

export interface ServerOptions {
  host: string;
  port: number;
  store: Store;
  journal: Journal | null;
  ttlIntervalMs: number;
  cursorTimeoutMs: number;
  log: (line: string) => void;
}

export class DevdbServer {
  private readonly server = net.createServer((socket) => this.accept(socket));
  private readonly sockets = new Set<net.Socket>();
  private readonly cursors: CursorRegistry;
  private readonly startedAt = Date.now();
  private timer: NodeJS.Timeout | null = null;
  private nextConnectionId = 1;
  private nextRequestId = 1;

  constructor(private readonly options: ServerOptions) {
    this.cursors = new CursorRegistry(options.cursorTimeoutMs);
  }

  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, () => {
        this.server.off('error', reject);
        this.timer = setInterval(() => this.housekeeping(), this.options.ttlIntervalMs);
        this.timer.unref();
        resolve((this.server.address() as net.AddressInfo).port);
      });
    });
  }

  private housekeeping(): void {
    try {
      const removed = expireDocuments(this.options.store);
      if (removed && this.options.journal) void this.options.journal.flush();
      this.cursors.sweep();
    } catch (error) {
      this.options.log(`devdb: TTL pass failed: ${(error as Error).message}`);
    }
  }

  /** Stops accepting, lets in-flight replies go out, closes client sockets. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.end();
    setTimeout(() => this.sockets.forEach((socket) => socket.destroy()), 500).unref();
    await closed;
  }

  private accept(socket: net.Socket): void {
    socket.setNoDelay(true);
    this.sockets.add(socket);
    const connection: ConnectionInfo = {
      id: this.nextConnectionId++,
      remote: `${socket.remoteAddress}:${socket.remotePort}`,
      compression: [],
    };
    let chunks: Buffer[] = [];
    let buffered = 0;
    let expected = -1;
    const queue: Buffer[] = [];
    let busy = false;

    const fail = (reason: string) => {
      this.options.log(`devdb: closing connection ${connection.id} from ${connection.remote}: ${reason}`);
      queue.length = 0;
      socket.destroy();
    };

    // A client that pipelines sends many messages in one chunk. Their replies go out corked, in
    // order, with one writev instead of one write syscall each (syscalls are the expensive part
    // here). A batch is what had arrived when it started: a reply waits at most for the rest of its
    // own batch, never for requests that come later.
    const drain = async () => {
      if (busy) return;
      busy = true;
      let corked = false;
      try {
        while (queue.length && !socket.destroyed) {
          const batch = queue.splice(0);
          corked = batch.length > 1;
          if (corked) socket.cork();
          for (const message of batch) {
            const reply = await this.handle(message, connection);
            if (reply && !socket.destroyed) socket.write(reply);
          }
          if (corked) socket.uncork();
          corked = false;
        }
      } catch (error) {
        // The replies already answered still go out before the connection closes.
        if (corked) socket.uncork();
        fail(error instanceof ProtocolError ? error.message : `malformed message (${(error as Error).message})`);
      } finally {
        busy = false;
      }
    };

    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      buffered += chunk.length;
      while (true) {
        if (expected < 0) {
          if (buffered < 4) break;
          const head = chunks[0].length >= 4 ? chunks[0] : Buffer.concat(chunks);
          expected = head.readInt32LE(0);
          if (expected < HEADER_BYTES || expected > MAX_FRAME_BYTES) {
            fail(
              `message length ${expected} outside ${HEADER_BYTES}..${MAX_FRAME_BYTES} bytes (maxMessageSizeBytes ${MAX_MESSAGE_SIZE_BYTES})`,
            );
            return;
          }
        }
        if (buffered < expected) break;
        const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, buffered);
        queue.push(all.subarray(0, expected));
        const rest = all.subarray(expected);
        chunks = rest.length ? [rest] : [];
        buffered = rest.length;
        expected = -1;
      }
      void drain();
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.sockets.delete(socket));
  }

  /** Handles one framed message; returns the encoded reply, or null when none is expected. */
  private async handle(message: Buffer, connection: ConnectionInfo): Promise<Buffer | null> {
    const requestId = message.readInt32LE(4);
    let opCode = message.readInt32LE(12);
    let body = message.subarray(HEADER_BYTES);
    let compressor = COMPRESSOR_NOOP;
    let compressed = false;
    if (opCode === OP_COMPRESSED) {
      ({ opCode, body, compressor } = unwrapCompressed(body));
      compressed = true;
    }

    let command: Document;
    let db: string;
    let moreToCome = false;
    if (opCode === OP_MSG) {
      ({ command, moreToCome } = parseOpMsg(body));
      db = typeof command.$db === 'string' ? command.$db : 'admin';
    } else if (opCode === OP_QUERY) {
      const query = parseOpQuery(body);
      if (!query.collection.endsWith('.$cmd'))
        throw new ProtocolError(`legacy OP_QUERY on ${query.collection} is not supported`);
      command = query.command;
      db = query.collection.slice(0, -'.$cmd'.length);
    } else {
      throw new ProtocolError(`unsupported opcode ${opCode}`);
    }

    const context: CommandContext = {
      store: this.options.store,
      cursors: this.cursors,
      db,
      connection,
      startedAt: this.startedAt,
    };
    const journal = this.options.journal;
    const before = journal?.recordCount ?? 0;
    const reply = runCommand(command, context);
    const writeConcern = command.writeConcern as Document | undefined;
    const unacknowledged = moreToCome || writeConcern?.w === 0;
    // A command that changed anything replies only once its journal records are on disk.
    if (journal && journal.recordCount !== before) {
      const flushed = journal.flush();
      if (!unacknowledged) await flushed;
    }
    if (moreToCome) return null;

    const responseId = this.nextRequestId++;
    const encoded =
      opCode === OP_QUERY ? encodeOpReply(responseId, requestId, reply) : encodeOpMsg(responseId, requestId, reply);
    return compressed ? wrapCompressed(encoded, compressor) : encoded;
  }
}
