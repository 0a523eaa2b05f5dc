// Liveness, readiness and the API document. Readiness is 200 only while both the store and the
// platform answer; it says which one does not.
import type { Connection } from 'mongoose';
import { z, type Api } from '../../core/openapi';
import type { Platform } from '../../platform';

const Health = z.object({ ok: z.literal(true), platformUrl: z.string().optional() }).openapi('Health');
const CheckState = z.enum(['ok', 'unreachable']);
const Readiness = z
  .object({
    ok: z.boolean(),
    checks: z.object({ store: CheckState, platform: CheckState }),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  })
  .openapi('Readiness');

export interface HealthDeps {
  store: Connection;
  platform: Pick<Platform, 'isReachable'>;
  publicPlatformUrl?: string;
  readyTimeoutMs: number;
}

async function storeReachable(store: Connection, timeoutMs: number): Promise<boolean> {
  if (store.readyState !== 1 || !store.db) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([
      store.db.command({ ping: 1 }).then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export function registerHealthRoutes(api: Api, deps: HealthDeps): void {
  api.route({
    operationId: 'getHealth',
    method: 'get',
    path: '/api/healthz',
    summary: '存活检查',
    tags: ['运行状态'],
    auth: false,
    response: Health,
    handler: async () => ({
      ok: true as const,
      ...(deps.publicPlatformUrl ? { platformUrl: deps.publicPlatformUrl } : {}),
    }),
  });

  api.route({
    operationId: 'getReadiness',
    method: 'get',
    path: '/api/readyz',
    summary: '就绪检查（存储与平台均可达时为 200，否则 503）',
    tags: ['运行状态'],
    auth: false,
    response: Readiness,
    errors: [{ status: 503, codes: ['NOT_READY'] }],
    handler: async (ctx) => {
      const [store, platform] = await Promise.all([
        storeReachable(deps.store, deps.readyTimeoutMs),
        deps.platform.isReachable(),
      ]);
      const checks = { store: store ? 'ok' : 'unreachable', platform: platform ? 'ok' : 'unreachable' } as const;
      if (store && platform) return { ok: true, checks };
      ctx.state.status = 503;
      const failing = [!store && '存储', !platform && '政务平台'].filter(Boolean).join('、');
      return { ok: false, checks, error: { code: 'NOT_READY', message: `${failing}暂时无法访问` } };
    },
  });
}
