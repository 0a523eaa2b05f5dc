// The shared base of every platform client: one undici pool for the platform gateway, a
// timeout per call that never exceeds what is left of the request's budget, retries only for
// idempotent GETs, and a circuit breaker per service. Answers below 500 (including 4xx business
// answers) resolve normally and never count against the breaker; 5xx, resets, refusals and
// timeouts do.
import CircuitBreaker from 'opossum';
import { Pool } from 'undici';
import type { Logger } from '../core/logger';
import { AppError } from '../core/errors';
import { platformErrors } from './errors';

export interface PlatformHttpOptions {
  baseUrl: string;
  key: string;
  callTimeoutMs: number;
  /** Bound for one request() (retries included) when the caller gives no deadline. */
  requestBudgetMs: number;
  breakerResetMs: number;
  logger: Logger;
  /** Connections kept to the gateway. */
  connections?: number;
}

export interface PlatformRequest {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  /** Overrides the per-call timeout (still capped by the request budget). */
  timeoutMs?: number;
  /** The incoming request's deadline (epoch ms, `ctx.state.deadline`); retries and timeouts stay within it. */
  deadline?: number;
}

export interface PlatformResponse<T = unknown> {
  status: number;
  body: T;
}

/** Minimum worth starting a call with; below it we answer 504 at once. */
const MIN_CALL_MS = 50;
const GET_RETRIES = 2;

class UpstreamFailure extends Error {
  constructor(
    readonly kind: 'status' | 'timeout' | 'unavailable' | 'malformed',
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export class PlatformHttp {
  private readonly pool: Pool;
  /** A gateway may sit under a path (https://gw.example/platform): every request is prefixed with it. */
  private readonly prefix: string;
  private readonly breakers = new Map<string, CircuitBreaker<[() => Promise<PlatformResponse>], PlatformResponse>>();

  constructor(private readonly options: PlatformHttpOptions) {
    const base = new URL(options.baseUrl);
    this.prefix = base.pathname.replace(/\/+$/, '');
    this.pool = new Pool(base.origin, {
      connections: options.connections ?? 32,
      keepAliveTimeout: 10_000,
      connectTimeout: Math.min(options.callTimeoutMs, 2000),
    });
  }

  async request<T = unknown>(service: string, req: PlatformRequest): Promise<PlatformResponse<T>> {
    const attempts = req.method === 'GET' ? GET_RETRIES + 1 : 1;
    const deadline = req.deadline ?? Date.now() + this.options.requestBudgetMs;
    let lastError: unknown;
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await delay(50 * attempt);
      const left = deadline - Date.now();
      if (left < MIN_CALL_MS) break;
      const timeoutMs = Math.min(req.timeoutMs ?? this.options.callTimeoutMs, left);
      try {
        return (await this.breaker(service).fire(() => this.once(req, timeoutMs))) as PlatformResponse<T>;
      } catch (error) {
        lastError = error;
        if (isOpenBreaker(error) || (error instanceof UpstreamFailure && error.kind === 'malformed')) break;
      }
    }
    throw this.toAppError(service, req, lastError);
  }

  /**
   * A plain GET for readiness checks: no breaker, no retries. `keyed` sends the platform key;
   * `accept` lists the statuses that mean "up" (a keyed look-up of nobody answers 404).
   */
  async probe(path: string, timeoutMs: number, options: { keyed?: boolean; accept?: number[] } = {}): Promise<boolean> {
    const accept = options.accept ?? [200];
    try {
      const res = await this.pool.request({
        method: 'GET',
        path: this.prefix + path,
        headers: options.keyed
          ? { 'x-platform-key': this.options.key, accept: 'application/json' }
          : { accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      await res.body.dump();
      return accept.includes(res.statusCode);
    } catch {
      return false;
    }
  }

  breakerState(service: string): 'closed' | 'open' | 'half-open' {
    const b = this.breakers.get(service);
    if (!b) return 'closed';
    return b.opened ? 'open' : b.halfOpen ? 'half-open' : 'closed';
  }

  async close(): Promise<void> {
    for (const b of this.breakers.values()) b.shutdown();
    this.breakers.clear();
    await this.pool.close();
  }

  private breaker(service: string) {
    let b = this.breakers.get(service);
    if (!b) {
      b = new CircuitBreaker((call: () => Promise<PlatformResponse>) => call(), {
        name: service,
        timeout: false, // each call carries its own timeout from the budget
        errorThresholdPercentage: 50,
        volumeThreshold: 5,
        rollingCountTimeout: 10_000,
        resetTimeout: this.options.breakerResetMs,
      });
      b.on('open', () => this.options.logger.warn({ service }, 'platform circuit opened'));
      b.on('close', () => this.options.logger.info({ service }, 'platform circuit closed'));
      this.breakers.set(service, b);
    }
    return b;
  }

  private async once(req: PlatformRequest, timeoutMs: number): Promise<PlatformResponse> {
    const search = req.query
      ? new URLSearchParams(
          Object.entries(req.query).filter((e): e is [string, string] => e[1] !== undefined),
        ).toString()
      : '';
    const path = this.prefix + (search ? `${req.path}?${search}` : req.path);
    let res;
    try {
      res = await this.pool.request({
        method: req.method,
        path,
        headers: {
          'x-platform-key': this.options.key,
          accept: 'application/json',
          ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: req.body !== undefined ? JSON.stringify(req.body) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
    } catch (error) {
      throw classifyNetworkError(error, timeoutMs);
    }
    let text: string;
    try {
      text = await res.body.text();
    } catch (error) {
      throw classifyNetworkError(error, timeoutMs);
    }
    if (res.statusCode >= 500)
      throw new UpstreamFailure('status', `upstream answered ${res.statusCode}`, res.statusCode);
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      throw new UpstreamFailure('malformed', `upstream answered ${res.statusCode} with a body that is not JSON`);
    }
    return { status: res.statusCode, body };
  }

  private toAppError(service: string, req: PlatformRequest, error: unknown): AppError {
    const what = `${req.method} ${req.path}`;
    if (error === undefined) return platformErrors.timeout(service, `${what}: request budget exhausted`);
    if (isOpenBreaker(error)) return platformErrors.unavailable(service, `${what}: circuit open`);
    if (error instanceof UpstreamFailure) {
      if (error.kind === 'timeout') return platformErrors.timeout(service, `${what}: ${error.message}`);
      if (error.kind === 'unavailable' || error.status === 503)
        return platformErrors.unavailable(service, `${what}: ${error.message}`);
      return platformErrors.badGateway(service, `${what}: ${error.message}`);
    }
    return platformErrors.badGateway(service, `${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function isOpenBreaker(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'EOPENBREAKER';
}

const TIMEOUT_CODES = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'ETIMEDOUT',
]);

function classifyNetworkError(error: unknown, timeoutMs: number): UpstreamFailure {
  const e = error as { name?: string; code?: string; message?: string; cause?: { code?: string } };
  const code = e.code ?? e.cause?.code ?? '';
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || TIMEOUT_CODES.has(code)) {
    return new UpstreamFailure('timeout', `no answer within ${timeoutMs} ms`);
  }
  return new UpstreamFailure('unavailable', `${code || e.name || 'network error'}: ${e.message ?? ''}`);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
