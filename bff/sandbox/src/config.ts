// The sandbox's settings: command-line flags first, then the environment, then defaults.
import { z } from 'zod';

export const DEFAULT_SEED = 20261123;
export const DEFAULT_DATABASE = 'bianmin_platform';

const configSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  mongodbUri: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// URI'),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  platformKey: z.string().min(8, 'the platform key must have at least 8 characters'),
  wechatAppId: z.string().min(1),
  wechatSecret: z.string().min(1),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
});

export type SandboxConfig = z.infer<typeof configSchema>;

function readFlags(argv: string[]): Record<string, string> {
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}`);
    const eq = arg.indexOf('=');
    if (eq > 0) {
      flags[arg.slice(2, eq)] = arg.slice(eq + 1);
    } else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error(`${arg} needs a value`);
      flags[arg.slice(2)] = value;
      i += 1;
    }
  }
  return flags;
}

/** Puts the default database name on a URI that names none. */
export function withDefaultDatabase(uri: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(\/[^?]*)?(\?.*)?$/.exec(uri);
  if (!match) return uri;
  const [, base, path, query = ''] = match;
  if (path && path !== '/') return uri;
  return `${base}/${DEFAULT_DATABASE}${query}`;
}

export function loadConfig(argv: string[], env: NodeJS.ProcessEnv): SandboxConfig {
  const flags = readFlags(argv);
  const known = new Set(['port', 'host', 'mongodb-uri', 'seed', 'platform-key']);
  for (const name of Object.keys(flags)) {
    if (!known.has(name)) throw new Error(`unknown flag --${name}`);
  }
  const parsed = configSchema.safeParse({
    port: flags.port ?? env.SANDBOX_PORT ?? 0,
    host: flags.host ?? env.SANDBOX_HOST ?? '127.0.0.1',
    mongodbUri: flags['mongodb-uri'] ?? env.MONGODB_URI,
    seed: flags.seed ?? env.SANDBOX_SEED ?? DEFAULT_SEED,
    platformKey: flags['platform-key'] ?? env.PLATFORM_KEY ?? 'dev-platform-key',
    wechatAppId: env.WECHAT_APPID ?? 'wxbianminsandbox',
    wechatSecret: env.WECHAT_SECRET ?? 'sandbox-wechat-secret',
    logLevel: env.LOG_LEVEL ?? 'info',
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid sandbox configuration: ${problems.join('; ')}`);
  }
  return { ...parsed.data, mongodbUri: withDefaultDatabase(parsed.data.mongodbUri) };
}
