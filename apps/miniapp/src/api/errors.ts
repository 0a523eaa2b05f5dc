// Typed errors of the BFF client. The BFF answers every failure as
// {"error":{"code","message", ...extra},"requestId"}; ApiError carries all of it to the page, so a
// page can put the message beside the field it concerns (e.g. ID_NUMBER_INVALID) and use the extras
// (retryAfterSeconds, remainingAttempts, fields).

export interface ApiErrorBody {
  code: string;
  message: string;
  retryAfterSeconds?: number;
  remainingAttempts?: number;
  fields?: Record<string, string> | Array<{ path?: string; field?: string; message: string }>;
  [extra: string]: unknown;
}

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly requestId?: string;
  readonly details: ApiErrorBody;

  constructor(status: number, body: ApiErrorBody, requestId?: string) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.status = status;
    this.requestId = requestId;
    this.details = body;
  }

  get retryAfterSeconds(): number | undefined {
    return typeof this.details.retryAfterSeconds === 'number' ? this.details.retryAfterSeconds : undefined;
  }

  get remainingAttempts(): number | undefined {
    return typeof this.details.remainingAttempts === 'number' ? this.details.remainingAttempts : undefined;
  }

  /** The server's message for one input field, when it named one. */
  fieldMessage(field: string): string | undefined {
    const fields = this.details.fields;
    if (!fields) return undefined;
    if (Array.isArray(fields)) {
      const hit = fields.find((f) => f.field === field || f.path === field);
      return hit?.message;
    }
    return fields[field];
  }
}

/** The request never got an answer (offline, DNS, timeout, connection reset), and the resident chose not to retry. */
export class NetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkError';
  }
}

export function isApiErrorBody(value: unknown): value is { error: ApiErrorBody; requestId?: string } {
  if (!value || typeof value !== 'object') return false;
  const error = (value as { error?: unknown }).error;
  return (
    !!error &&
    typeof error === 'object' &&
    typeof (error as ApiErrorBody).code === 'string' &&
    typeof (error as ApiErrorBody).message === 'string'
  );
}
