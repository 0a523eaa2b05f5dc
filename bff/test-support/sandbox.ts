// Starts the platform sandbox as a child process for a test suite. Each start uses its own
// database (a random name on the given devdb/MongoDB URI) unless the URI names one.
import { randomBytes } from 'node:crypto';
import { startService } from '../../scripts/lib/spawn-service';

export interface SandboxOptions {
  mongodbUri: string;
  seed?: number;
  platformKey?: string;
  /** Extra environment (e.g. LOG_LEVEL, WECHAT_APPID). */
  env?: NodeJS.ProcessEnv;
}

export interface RunningSandbox {
  url: string;
  platformKey: string;
  /** The database URI the sandbox uses. */
  mongodbUri: string;
  stop(): Promise<number | null>;
}

/** Adds a database name to a URI that has none. */
function withDatabase(uri: string, db: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(\/[^?]*)?(\?.*)?$/.exec(uri);
  if (!match) throw new Error(`not a MongoDB URI: ${uri}`);
  const [, base, path, query = ''] = match;
  return path && path !== '/' ? uri : `${base}/${db}${query}`;
}

export async function startSandbox(opts: SandboxOptions): Promise<RunningSandbox> {
  const platformKey = opts.platformKey ?? `test-key-${randomBytes(12).toString('hex')}`;
  const mongodbUri = withDatabase(opts.mongodbUri, `platform_${randomBytes(6).toString('hex')}`);
  const args = ['--port', '0', '--mongodb-uri', mongodbUri, '--platform-key', platformKey];
  if (opts.seed !== undefined) args.push('--seed', String(opts.seed));
  const service = await startService({
    name: 'sandbox',
    entry: 'bff/sandbox/src/main.ts',
    args,
    env: { LOG_LEVEL: process.env.SANDBOX_LOG_LEVEL ?? 'warn', ...opts.env },
    readyTimeoutMs: 30_000,
    onLine: (line, stream) => {
      if (stream === 'stderr' && process.env.SANDBOX_LOG) process.stderr.write(`${line}\n`);
    },
  });
  return { url: service.url.replace(/\/$/, ''), platformKey, mongodbUri, stop: () => service.stop() };
}
