// Fault injection for reliability tests: added latency, error answers and connection resets,
// per service or for all ('*'). Faults live in the process (they shape traffic, not data) and
// apply to /v1 calls only, before authentication, as a failing gateway would.
import type { Context, Next } from 'koa';
import { z } from 'zod';
import { SERVICE_NAMES, serviceOfPath, type ServiceName } from './services';
import { sendError } from './errors';

export const faultSchema = z
  .object({
    service: z.enum([...SERVICE_NAMES, '*'], { message: `service 应为 ${SERVICE_NAMES.join('、')} 或 *` }),
    latencyMs: z.number().int().min(0).max(60_000).optional(),
    errorRate: z.number().min(0).max(1).optional(),
    resetRate: z.number().min(0).max(1).optional(),
  })
  .strict();

export type FaultInput = z.infer<typeof faultSchema>;
export interface Fault {
  latencyMs: number;
  errorRate: number;
  resetRate: number;
}
type FaultTarget = ServiceName | '*';

export class FaultRegistry {
  private readonly faults = new Map<FaultTarget, Partial<Fault>>();

  /** Sets the given fields for a service, keeping fields set earlier and not named now. */
  set(input: FaultInput): void {
    const { service, ...fields } = input;
    const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    this.faults.set(service, { ...this.faults.get(service), ...defined });
  }

  clear(service?: FaultTarget): void {
    if (service) this.faults.delete(service);
    else this.faults.clear();
  }

  list(): Record<string, Partial<Fault>> {
    return Object.fromEntries(this.faults);
  }

  /** A service's own settings win over the '*' settings, field by field. */
  effective(service: ServiceName): Fault {
    const merged = { ...this.faults.get('*'), ...this.faults.get(service) };
    return { latencyMs: merged.latencyMs ?? 0, errorRate: merged.errorRate ?? 0, resetRate: merged.resetRate ?? 0 };
  }

  middleware(random: () => number = Math.random) {
    return async (ctx: Context, next: Next): Promise<void> => {
      const service = serviceOfPath(ctx.path);
      if (!service || this.faults.size === 0) return next();
      const fault = this.effective(service);
      if (fault.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
      if (fault.resetRate > 0 && random() < fault.resetRate) {
        ctx.respond = false;
        ctx.req.socket.destroy();
        return;
      }
      if (fault.errorRate > 0 && random() < fault.errorRate) {
        sendError(ctx, 503, 'SANDBOX_FAULT', '平台服务暂时不可用（模拟故障）', { service });
        return;
      }
      await next();
    };
  }
}
