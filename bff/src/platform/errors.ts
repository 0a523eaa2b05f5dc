// Upstream failures in the contract's terms: the resident learns the service is unavailable,
// slow or answered badly, never the internals.
import { AppError } from '../core/errors';

export const platformErrors = {
  badGateway: (service: string, detail: string) =>
    withCause(new AppError(502, 'PLATFORM_BAD_GATEWAY', '相关服务返回异常，请稍后再试'), service, detail),
  unavailable: (service: string, detail: string) =>
    withCause(new AppError(503, 'PLATFORM_UNAVAILABLE', '相关服务暂时不可用，请稍后再试'), service, detail),
  timeout: (service: string, detail: string) =>
    withCause(new AppError(504, 'PLATFORM_TIMEOUT', '相关服务响应超时，请稍后再试'), service, detail),
};

/** Keeps the technical reason for the log (logged by the access log on 5xx), out of the response. */
function withCause(error: AppError, service: string, detail: string): AppError {
  Object.defineProperty(error, 'platformService', { value: service, enumerable: true });
  error.stack = `${error.name}: ${error.message} [${service}] ${detail}`;
  return error;
}

export function isPlatformFailure(error: unknown): boolean {
  return error instanceof AppError && error.code.startsWith('PLATFORM_');
}

/** The documented failures of any operation that calls the platform (for the OpenAPI route helper). */
export const PLATFORM_FAULT_ERRORS = [
  { status: 502, codes: ['PLATFORM_BAD_GATEWAY'] },
  { status: 503, codes: ['PLATFORM_UNAVAILABLE'] },
  { status: 504, codes: ['PLATFORM_TIMEOUT'] },
];
