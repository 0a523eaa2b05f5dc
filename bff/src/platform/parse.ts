// Upstream answers are checked with zod too: a shape we do not expect is the platform's fault (502).
import type { z, ZodType } from 'zod';
import { platformErrors } from './errors';
import type { PlatformResponse } from './http';

export function parseAnswer<T extends ZodType>(service: string, what: string, schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body);
  if (!result.success)
    throw platformErrors.badGateway(
      service,
      `${what}: unexpected answer shape (${result.error.issues[0]?.path.join('.')})`,
    );
  return result.data;
}

export function unexpectedStatus(service: string, what: string, res: PlatformResponse): Error {
  const code = (res.body as { error?: { code?: unknown } } | undefined)?.error?.code;
  return platformErrors.badGateway(
    service,
    `${what}: unexpected status ${res.status}${typeof code === 'string' ? ` ${code}` : ''}`,
  );
}
