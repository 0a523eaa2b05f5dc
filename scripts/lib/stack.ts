// Starts the whole product the way `npm start` does: devdb (unless a MongoDB URI is given),
// the platform sandbox (unless a platform URL is given) and the BFF serving the H5 build.
// The browser suite and the benchmarks use the same function on free ports.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { startService, type RunningService } from './spawn-service';

export interface StackOptions {
  /** Port for the BFF; 0 picks a free one. */
  port: number;
  /** Durable local state; when absent devdb keeps everything in memory. */
  dataDir?: string;
  mongodbUri?: string;
  platformUrl?: string;
  platformKey?: string;
  sandboxPort?: number;
  staticDir?: string;
  logLevel?: string;
  /** Extra environment for the BFF (lifetimes, limits in tests). */
  bffEnv?: NodeJS.ProcessEnv;
  onLine?: (service: string, line: string) => void;
}

export interface Stack {
  url: string;
  apiUrl: string;
  /** Set only when this stack started the sandbox. */
  sandboxUrl?: string;
  mongodbUri: string;
  platformKey: string;
  services: RunningService[];
  stop(): Promise<void>;
}

/** Puts a database name on a MongoDB URI that has none. */
export function withDatabase(uri: string, db: string): string {
  const url = new URL(uri);
  if (url.pathname && url.pathname !== '/') return uri;
  url.pathname = `/${db}`;
  return url.toString();
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const services: RunningService[] = [];
  const logLevel = options.logLevel ?? process.env.LOG_LEVEL ?? 'info';
  const forward = (name: string) => (line: string) => options.onLine?.(name, line);
  const stop = async () => {
    for (const service of [...services].reverse()) await service.stop();
  };
  try {
    let mongoBase = options.mongodbUri;
    if (!mongoBase) {
      const store = options.dataDir ? ['--dbpath', path.join(options.dataDir, 'devdb')] : ['--memory'];
      const devdb = await startService({
        name: 'devdb',
        entry: 'bff/devdb/src/main.ts',
        args: ['--port', '0', ...store],
        env: { LOG_LEVEL: logLevel },
        onLine: forward('devdb'),
      });
      services.push(devdb);
      mongoBase = devdb.url;
    }

    let platformUrl = options.platformUrl;
    const platformKey = options.platformKey ?? process.env.PLATFORM_KEY ?? randomBytes(24).toString('base64url');
    let sandboxUrl: string | undefined;
    if (!platformUrl) {
      const sandbox = await startService({
        name: 'sandbox',
        entry: 'bff/sandbox/src/main.ts',
        args: [
          '--port',
          String(options.sandboxPort ?? 0),
          '--mongodb-uri',
          withDatabase(mongoBase, 'bianmin_platform'),
          '--platform-key',
          platformKey,
        ],
        env: { LOG_LEVEL: logLevel, PLATFORM_KEY: platformKey },
        onLine: forward('sandbox'),
      });
      services.push(sandbox);
      platformUrl = sandboxUrl = sandbox.url;
    }

    const mongodbUri = withDatabase(mongoBase, 'bianmin');
    const bff = await startService({
      name: 'bff',
      entry: 'bff/src/server.ts',
      env: {
        ...options.bffEnv,
        PORT: String(options.port),
        MONGODB_URI: mongodbUri,
        PLATFORM_URL: platformUrl,
        PLATFORM_KEY: platformKey,
        ...(sandboxUrl ? { PUBLIC_PLATFORM_URL: sandboxUrl } : {}),
        ...(options.dataDir ? { DATA_DIR: options.dataDir } : {}),
        ...(options.staticDir ? { STATIC_DIR: options.staticDir } : {}),
        LOG_LEVEL: logLevel,
      },
      onLine: forward('bff'),
    });
    services.push(bff);
    const url = bff.url.replace(/\/$/, '');
    return { url, apiUrl: `${url}/api`, sandboxUrl, mongodbUri, platformKey, services, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
