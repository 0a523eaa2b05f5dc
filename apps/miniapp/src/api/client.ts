// The one way the app talks to the BFF: base URL per build, bearer token, the contract's error
// shape turned into ApiError plus a Chinese toast or dialog, network failures into a 重试 prompt,
// and a rotated token (level raised) saved as soon as a response carries it.
import Taro from '@tarojs/taro';
import { messages } from '@/messages/zh-CN';
import { ApiError, NetworkError, isApiErrorBody } from './errors';
import { askToRetry, showError } from './feedback';
import { clearToken, getToken, setToken } from './session';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  data?: unknown;
  /**
   * Error codes the calling page shows itself (beside a field, in the page): no toast for these.
   * `true` means the page shows every error itself.
   */
  quiet?: boolean | readonly string[];
  /** Do not offer 重试 on a network failure (background polling). */
  noRetryPrompt?: boolean;
  /** Send the bearer token (default). Log-in calls do not: their 401s are about the code, not a session. */
  auth?: boolean;
  timeoutMs?: number;
  /** Extra request headers, e.g. an Idempotency-Key that makes a retried tap safe. */
  headers?: Record<string, string>;
}

/** Statuses that mean "the platform behind the BFF is slow or down": worth a 重试. */
const RETRYABLE_STATUSES = new Set([502, 503, 504]);
const DEFAULT_TIMEOUT_MS = 15_000;

export function apiBase(): string {
  return typeof BIANMIN_API_BASE === 'string' ? BIANMIN_API_BASE : '/api';
}

function isQuiet(options: RequestOptions, code: string): boolean {
  if (options.quiet === true) return true;
  return Array.isArray(options.quiet) && options.quiet.includes(code);
}

function toApiError(status: number, body: unknown): ApiError {
  if (isApiErrorBody(body)) return new ApiError(status, body.error, body.requestId);
  // A proxy's HTML page or an empty body: still an error the resident can read.
  const message = status >= 500 ? messages.network.serviceBusy : messages.network.unknown;
  return new ApiError(status, { code: status >= 500 ? 'SERVICE_UNAVAILABLE' : 'UNEXPECTED_RESPONSE', message });
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  for (;;) {
    const token = options.auth === false ? null : getToken();
    const header: Record<string, string> = { 'Content-Type': 'application/json' };
    if (token) header.Authorization = `Bearer ${token}`;
    Object.assign(header, options.headers);

    let response: Taro.request.SuccessCallbackResult<Record<string, unknown> | string>;
    try {
      response = await Taro.request({
        url: `${apiBase()}${path}`,
        method,
        data: options.data as Record<string, unknown> | undefined,
        header,
        timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        dataType: 'json',
      });
    } catch {
      if (!options.noRetryPrompt && (await askToRetry())) continue;
      throw new NetworkError(messages.network.unstable);
    }

    const { statusCode, data } = response;
    if (statusCode >= 200 && statusCode < 300) {
      const fresh = (data as { token?: unknown } | null)?.token;
      if (typeof fresh === 'string' && fresh) setToken(fresh);
      return data as T;
    }

    const error = toApiError(statusCode, data);
    if (statusCode === 401) {
      // Expired, revoked or forged: the token is useless from now on.
      if (token) clearToken();
      if (!isQuiet(options, error.code)) showError(token ? messages.network.sessionExpired : error.message);
      throw error;
    }
    if (RETRYABLE_STATUSES.has(statusCode) && !options.noRetryPrompt) {
      if (await askToRetry(error.message)) continue;
      throw error;
    }
    if (!isQuiet(options, error.code)) showError(error.message);
    throw error;
  }
}
