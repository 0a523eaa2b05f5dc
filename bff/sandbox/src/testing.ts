/* eslint-disable @typescript-eslint/no-explicit-any -- JSON replies over HTTP, checked field by field by the assertions */
// Small HTTP helpers for the sandbox's own test suites.
export interface Reply {
  status: number;
  body: any;
  text: string;
  headers: Headers;
}

export function client(baseUrl: string, platformKey: string) {
  async function call(
    method: string,
    path: string,
    options: { body?: unknown; raw?: string; key?: string | null; headers?: Record<string, string> } = {},
  ): Promise<Reply> {
    const headers: Record<string, string> = { ...options.headers };
    const key = options.key === undefined ? platformKey : options.key;
    if (key !== null) headers['X-Platform-Key'] = key;
    let payload: string | undefined;
    if (options.raw !== undefined) payload = options.raw;
    else if (options.body !== undefined) payload = JSON.stringify(options.body);
    if (payload !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body: payload });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    return { status: response.status, body, text, headers: response.headers };
  }
  return {
    call,
    get: (path: string, options?: Parameters<typeof call>[2]) => call('GET', path, options),
    post: (path: string, body?: unknown, options?: Parameters<typeof call>[2]) =>
      call('POST', path, { ...options, body }),
    del: (path: string, options?: Parameters<typeof call>[2]) => call('DELETE', path, options),
  };
}

export type Client = ReturnType<typeof client>;

/** A Chinese error in the platform shape. */
export function expectError(reply: Reply, status: number, code: string): void {
  expect({ status: reply.status, code: reply.body?.error?.code }).toEqual({ status, code });
  expect(reply.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
}
