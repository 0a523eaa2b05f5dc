// The BFF's environment, parsed and checked once at start-up. A bad value stops the process
// with a message in Chinese and English naming the variable, instead of failing later.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LIST_REGISTRY_DEADLINE_MS, SHOW_CODE_TTL_SECONDS } from './modules/certificates/rules';

export const repoRoot = path.resolve(__dirname, '..', '..');

const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const count = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback);

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// / 应以 mongodb:// 开头')
    .optional(),
  PLATFORM_URL: z.url().default('http://127.0.0.1:4000'),
  PLATFORM_KEY: z.string().min(1).default('dev-platform-key'),
  PUBLIC_PLATFORM_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  STATIC_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.stringbool().default(false),
  CORS_ORIGINS: z.string().default('*'),
  WECHAT_APPID: z.string().min(1).default('wxbianminsandbox'),
  WECHAT_SECRET: z.string().min(1).default('sandbox-wechat-secret'),
  PII_KEY: z.string().min(1).optional(),
  // Sessions (seconds).
  SESSION_IDLE_SECONDS: seconds(30 * 60),
  SESSION_ABSOLUTE_SECONDS: seconds(7 * 24 * 3600),
  STAFF_SESSION_ABSOLUTE_SECONDS: seconds(12 * 3600),
  FACE_CHECKED_SECONDS: seconds(5 * 60),
  // Log-in and identity limits.
  SMS_CODE_TTL_SECONDS: seconds(5 * 60),
  SMS_RESEND_SECONDS: seconds(60),
  SMS_DAILY_LIMIT_PER_MOBILE: count(10),
  SMS_HOURLY_LIMIT_PER_IP: count(30),
  SMS_CODE_MAX_TRIES: count(5),
  LOGIN_LIMIT_PER_IP_PER_MINUTE: count(60),
  IDENTITY_DAILY_ATTEMPTS: count(5),
  // Platform calls (milliseconds).
  PLATFORM_CALL_TIMEOUT_MS: seconds(3000),
  PLATFORM_REQUEST_BUDGET_MS: seconds(8000),
  PLATFORM_BREAKER_RESET_MS: seconds(5000),
  READY_CHECK_TIMEOUT_MS: seconds(1500),
  BODY_LIMIT_BYTES: seconds(64 * 1024),
  // Certificates: how long a shown licence's verification code lives; how long a list waits for
  // the slowest registry before answering with what it has.
  SHOW_CODE_TTL_SECONDS: z.coerce.number().int().min(1).max(3600).default(SHOW_CODE_TTL_SECONDS),
  CERTIFICATE_LIST_DEADLINE_MS: z.coerce.number().int().min(100).max(30_000).default(LIST_REGISTRY_DEADLINE_MS),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  port: number;
  host: string;
  mongodbUri?: string;
  platform: {
    url: string;
    key: string;
    publicUrl?: string;
    callTimeoutMs: number;
    requestBudgetMs: number;
    breakerResetMs: number;
    readyTimeoutMs: number;
  };
  dataDir: string;
  staticDir?: string;
  logLevel: Env['LOG_LEVEL'];
  trustProxy: boolean;
  corsOrigins: '*' | string[];
  wechat: { appId: string; secret: string };
  piiKey: Buffer;
  sessions: { idleSeconds: number; absoluteSeconds: number; staffAbsoluteSeconds: number; faceCheckedSeconds: number };
  limits: {
    smsCodeTtlSeconds: number;
    smsResendSeconds: number;
    smsDailyPerMobile: number;
    smsHourlyPerIp: number;
    smsCodeMaxTries: number;
    loginPerIpPerMinute: number;
    identityDailyAttempts: number;
  };
  bodyLimitBytes: number;
  certificates: { showCodeTtlSeconds: number; listDeadlineMs: number };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads a 32-byte key written as 64 hex characters or as base64 / base64url. */
export function parseKey(text: string): Buffer | null {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  const buf = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return buf.length === 32 ? buf : null;
}

/** The development key: generated once into DATA_DIR/keys/pii.key and reused, so stored data stays readable. */
function devPiiKey(dataDir: string): Buffer {
  const file = path.join(dataDir, 'keys', 'pii.key');
  if (fs.existsSync(file)) {
    const key = parseKey(fs.readFileSync(file, 'utf8'));
    if (!key) throw new ConfigError(`开发密钥文件 ${file} 内容无效 / the dev key file ${file} is not a 32-byte key`);
    return key;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  try {
    fs.writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    // Another process wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return devPiiKey(dataDir);
    throw error;
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`环境变量配置有误 / invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(repoRoot, e.DATA_DIR);
  let piiKey: Buffer;
  if (e.PII_KEY) {
    const key = parseKey(e.PII_KEY);
    if (!key)
      throw new ConfigError(
        'PII_KEY 必须是 32 字节密钥（64 位十六进制或 base64）/ PII_KEY must be a 32-byte key (64 hex characters or base64)',
      );
    piiKey = key;
  } else {
    piiKey = devPiiKey(dataDir);
  }
  const defaultStatic = path.join(repoRoot, 'dist', 'h5');
  const staticDir = e.STATIC_DIR ? path.resolve(repoRoot, e.STATIC_DIR) : defaultStatic;
  return {
    port: e.PORT,
    host: e.HOST,
    mongodbUri: e.MONGODB_URI,
    platform: {
      url: e.PLATFORM_URL.replace(/\/+$/, ''),
      key: e.PLATFORM_KEY,
      publicUrl: e.PUBLIC_PLATFORM_URL,
      callTimeoutMs: e.PLATFORM_CALL_TIMEOUT_MS,
      requestBudgetMs: e.PLATFORM_REQUEST_BUDGET_MS,
      breakerResetMs: e.PLATFORM_BREAKER_RESET_MS,
      readyTimeoutMs: e.READY_CHECK_TIMEOUT_MS,
    },
    dataDir,
    staticDir: fs.existsSync(path.join(staticDir, 'index.html')) ? staticDir : undefined,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    corsOrigins:
      e.CORS_ORIGINS === '*'
        ? '*'
        : e.CORS_ORIGINS.split(',')
            .map((s) => s.trim())
            .filter(Boolean),
    wechat: { appId: e.WECHAT_APPID, secret: e.WECHAT_SECRET },
    piiKey,
    sessions: {
      idleSeconds: e.SESSION_IDLE_SECONDS,
      absoluteSeconds: e.SESSION_ABSOLUTE_SECONDS,
      staffAbsoluteSeconds: e.STAFF_SESSION_ABSOLUTE_SECONDS,
      faceCheckedSeconds: e.FACE_CHECKED_SECONDS,
    },
    limits: {
      smsCodeTtlSeconds: e.SMS_CODE_TTL_SECONDS,
      smsResendSeconds: e.SMS_RESEND_SECONDS,
      smsDailyPerMobile: e.SMS_DAILY_LIMIT_PER_MOBILE,
      smsHourlyPerIp: e.SMS_HOURLY_LIMIT_PER_IP,
      smsCodeMaxTries: e.SMS_CODE_MAX_TRIES,
      loginPerIpPerMinute: e.LOGIN_LIMIT_PER_IP_PER_MINUTE,
      identityDailyAttempts: e.IDENTITY_DAILY_ATTEMPTS,
    },
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    certificates: { showCodeTtlSeconds: e.SHOW_CODE_TTL_SECONDS, listDeadlineMs: e.CERTIFICATE_LIST_DEADLINE_MS },
  };
}
