// Process entry: configuration, database, seeding, HTTP listener, graceful shutdown.
// stdout carries exactly one line, `sandbox ready <url>`; logs go to stderr.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import mongoose from 'mongoose';
import { createApp } from './app';
import { Clock } from './core/clock';
import { FaultRegistry } from './core/faults';
import { createLogger } from './core/logger';
import { loadConfig } from './config';
import { createModels } from './models';
import { ensureSeeded } from './seed/store';

async function main(): Promise<void> {
  const config = loadConfig(process.argv.slice(2), process.env);
  const logger = createLogger(config.logLevel);
  // Its own connection, never mongoose's global default, so nothing else in a process can clash.
  const conn = await mongoose.createConnection(config.mongodbUri, { serverSelectionTimeoutMS: 10_000 }).asPromise();
  const models = createModels(conn);
  await Promise.all(Object.values(models).map((model) => model.init()));
  await ensureSeeded(models, config.seed, logger);

  const app = createApp({ config, clock: new Clock(), faults: new FaultRegistry(), models, logger });
  const server = http.createServer(app.callback());
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`sandbox ready http://${config.host}:${port}\n`);
  logger.info({ port, database: conn.name, seed: config.seed }, 'listening');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 8_000).unref();
    server.close();
    server.closeIdleConnections();
    await new Promise((resolve) => setTimeout(resolve, 50));
    server.closeAllConnections();
    await conn.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `sandbox failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
