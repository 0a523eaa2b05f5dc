// Handshake and diagnostic commands. The hello reply describes a standalone server: no setName
// or topologyVersion (the driver would then treat it as a replica set or start streaming
// monitoring), and logicalSessionTimeoutMinutes so the driver attaches sessions.
import os from 'node:os';
import type { Document } from 'bson';
import { MAX_BSON_OBJECT_SIZE, MAX_MESSAGE_SIZE_BYTES, MAX_WRITE_BATCH_SIZE } from '../wire/opcodes';
import type { CommandContext, CommandHandler } from './context';

const VERSION = '7.0.0';

function hello(command: Document, context: CommandContext): Document {
  const offered = Array.isArray(command.compression) ? (command.compression as unknown[]) : [];
  if (offered.length) context.connection.compression = offered.includes('zlib') ? ['zlib'] : [];
  const reply: Document = {
    helloOk: true,
    isWritablePrimary: true,
    ismaster: true,
    maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
    maxMessageSizeBytes: MAX_MESSAGE_SIZE_BYTES,
    maxWriteBatchSize: MAX_WRITE_BATCH_SIZE,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: context.connection.id,
    minWireVersion: 0,
    maxWireVersion: 21,
    readOnly: false,
    ok: 1,
  };
  if (context.connection.compression.length) reply.compression = context.connection.compression;
  return reply;
}

const buildInfo: CommandHandler = () => ({
  version: VERSION,
  gitVersion: 'devdb',
  versionArray: [7, 0, 0, 0],
  bits: 64,
  maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
  storageEngines: ['devdb'],
  javascriptEngine: 'none',
  ok: 1,
});

export const serverInfoCommands: Record<string, CommandHandler> = {
  hello,
  ismaster: hello,
  isMaster: hello,
  ping: () => ({ ok: 1 }),
  buildInfo,
  buildinfo: buildInfo,
  getParameter: (command) => {
    const reply: Document = { ok: 1 };
    if (command.featureCompatibilityVersion) reply.featureCompatibilityVersion = { version: '7.0' };
    return reply;
  },
  hostInfo: () => ({
    system: { hostname: os.hostname(), numCores: os.cpus().length, memSizeMB: Math.round(os.totalmem() / 2 ** 20) },
    os: { type: os.type(), name: os.platform(), version: os.release() },
    ok: 1,
  }),
  serverStatus: (_command, context) => ({
    host: os.hostname(),
    version: VERSION,
    process: 'devdb',
    pid: process.pid,
    uptime: Math.floor((Date.now() - context.startedAt) / 1000),
    localTime: new Date(),
    connections: { current: 1 },
    metrics: { cursor: { open: { total: context.cursors.size } } },
    ok: 1,
  }),
  getLog: (command) =>
    command.getLog === '*' ? { names: ['global'], ok: 1 } : { totalLinesWritten: 0, log: [], ok: 1 },
  connectionStatus: () => ({ authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] }, ok: 1 }),
  whatsmyuri: (_command, context) => ({ you: context.connection.remote, ok: 1 }),
  getCmdLineOpts: () => ({ argv: process.argv.slice(2), parsed: {}, ok: 1 }),
  endSessions: () => ({ ok: 1 }),
  killSessions: () => ({ ok: 1 }),
  refreshSessions: () => ({ ok: 1 }),
  startSession: () => ({ id: { id: null }, timeoutMinutes: 30, ok: 1 }),
  getFreeMonitoringStatus: () => ({ state: 'disabled', ok: 1 }),
  logout: () => ({ ok: 1 }),
};
