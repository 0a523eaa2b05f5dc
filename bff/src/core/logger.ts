// pino, JSON, one line per event. Personal data never reaches a log: known secret fields are
// removed by path, and strings that look like ID numbers or bearer tokens are masked wherever
// they appear in error messages (a platform or driver error may quote its input).
import pino, { type DestinationStream, type Logger } from 'pino';
import { maskIdNumber } from '../rules/masking';

export type { Logger };

const REDACTED_PATHS = [
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'idNumber',
  '*.idNumber',
  'name',
  '*.name',
  'code',
  '*.code',
  'smsCode',
  '*.smsCode',
  'sessionKey',
  '*.sessionKey',
  'session_key',
  '*.session_key',
  'faceResult',
  '*.faceResult',
  'faceToken',
  '*.faceToken',
];

const ID_NUMBER_LIKE = /(?<![0-9A-Za-z])(\d{17}[\dXx])(?![0-9A-Za-z])/g;
const BEARER_LIKE = /(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi;

/** Masks ID-number-looking runs and bearer tokens inside free text. */
export function scrub(text: string): string {
  return text.replace(ID_NUMBER_LIKE, (m) => maskIdNumber(m)).replace(BEARER_LIKE, '$1[REDACTED]');
}

function serializeError(error: unknown) {
  if (!(error instanceof Error)) return { message: scrub(String(error)) };
  const out: Record<string, unknown> = {
    type: error.name,
    message: scrub(error.message),
    stack: error.stack ? scrub(error.stack) : undefined,
  };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') out.errorCode = code;
  return out;
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'bff' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
      serializers: { err: serializeError, error: serializeError },
    },
    destination ?? pino.destination({ fd: 1, sync: false }),
  );
}
