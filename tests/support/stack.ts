// The browser suite's stack: devdb in memory, the sandbox and the BFF serving the H5 build,
// all on free ports, stopped by the suite itself.
import { h5Dir } from '../../scripts/lib/h5-build';
import { startStack, type Stack } from '../../scripts/lib/stack';

export type { Stack };

export function startTestStack(bffEnv: NodeJS.ProcessEnv = {}): Promise<Stack> {
  // The run's own copy of the H5 build, made by the suite's global setup.
  const staticDir = process.env.BIANMIN_TEST_H5_DIR ?? h5Dir;
  return startStack({ port: 0, staticDir, logLevel: 'warn', bffEnv });
}

export async function json<T = unknown>(url: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers ?? {}) },
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}
