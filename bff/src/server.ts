// The BFF process: configuration, store, platform clients, listen; on SIGTERM / SIGINT stop
// accepting, let in-flight requests finish, close the store and exit 0.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './core/logger';
import { createJobs } from './jobs';
import { createPlatform } from './platform';
import { ensureIndexes, openStore } from './store';

const DRAIN_TIMEOUT_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.mongodbUri) throw new ConfigError('缺少 MONGODB_URI（存储地址）/ MONGODB_URI is required');
  const logger = createLogger(config.logLevel);
  const store = await openStore(config.mongodbUri);
  const platform = createPlatform(config, logger);
  const app = createApp({ config, store, logger, platform });
  await ensureIndexes(store);
  const jobs = createJobs({ store, platform, logger });

  const server = http.createServer(app.callback());
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`bianmin ready http://localhost:${port}\n`);
  logger.info({ port, platform: config.platform.url, static: config.staticDir ?? null }, 'listening');
  for (const job of jobs) job.start();

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.warn('in-flight requests did not finish in time; closing anyway');
      server.closeAllConnections();
    }, DRAIN_TIMEOUT_MS);
    force.unref();
    // Stop accepting. Keep-alive sockets are closed as soon as they are idle: at once for idle
    // ones, right after their answer for busy ones (checked until the server has closed).
    const sweeper = setInterval(() => server.closeIdleConnections(), 50);
    server.close(async () => {
      clearTimeout(force);
      clearInterval(sweeper);
      let code = 0;
      try {
        await Promise.all(jobs.map((job) => job.stop()));
        await platform.close();
        await store.close();
        logger.info('stopped');
      } catch (error) {
        code = 1;
        logger.error({ err: error }, 'shutdown failed');
      }
      logger.flush(() => process.exit(code));
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`bianmin BFF failed to start / 启动失败: ${message}\n`);
  process.exit(1);
});
