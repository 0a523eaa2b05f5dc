// The route helper: one definition registers the OpenAPI path (operationId, schemas, security)
// and mounts the Koa route with the same zod schemas, so the document cannot drift from the code.
import Router from '@koa/router';
import {
  extendZodWithOpenApi,
  OpenAPIRegistry,
  OpenApiGeneratorV31,
  type ResponseConfig,
} from '@asteasolutions/zod-to-openapi';
import type { Context, Middleware } from 'koa';
import { z, type ZodObject, type ZodType } from 'zod';
import { parseOrThrow } from './validation';
import type { AuthRequirement } from './auth';

extendZodWithOpenApi(z);
export { z };

export const ErrorResponse = z
  .object({
    error: z
      .object({
        code: z.string().openapi({ example: 'VALIDATION_FAILED' }),
        message: z.string().openapi({ example: '填写的内容有误' }),
        retryAfterSeconds: z.number().int().optional(),
        remainingAttempts: z.number().int().optional(),
        requiredLevel: z.string().optional(),
        fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      })
      .catchall(z.unknown()),
    requestId: z.string().optional(),
  })
  .openapi('ErrorResponse');

export interface DocumentedError {
  status: number;
  codes: string[];
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

type Infer<T> = T extends ZodType ? z.output<T> : undefined;

export interface RouteDefinition<
  B extends ZodType | undefined,
  P extends ZodObject | undefined,
  Q extends ZodObject | undefined,
  R extends ZodType,
> {
  operationId: string;
  method: Method;
  /** OpenAPI style, e.g. `/api/identity/face-checks/{faceCheckId}`. */
  path: string;
  summary: string;
  tags: string[];
  /** `false` for public operations. */
  auth: AuthRequirement | false;
  body?: B;
  params?: P;
  query?: Q;
  response: R;
  successStatus?: number;
  errors?: DocumentedError[];
  handler: (ctx: Context, input: { body: Infer<B>; params: Infer<P>; query: Infer<Q> }) => Promise<z.input<R>>;
}

/** The steps a route runs before its handler, in this order. */
export interface RouteSteps {
  /** Sets `ctx.request.body` from a JSON body; run only for operations that declare a body. */
  parseJsonBody(ctx: Context): Promise<void>;
  /** Sets `ctx.state.session` (or throws 401), then runs the rest of the route. */
  authenticate: Middleware;
  /** Throws 401 / 403 unless the session meets the operation's requirement. */
  authorize(ctx: Context, requirement: AuthRequirement): void;
}

export class Api {
  readonly registry = new OpenAPIRegistry();
  /** Routes registered directly (the document itself) and the 405 / 501 answers for all routes. */
  readonly router = new Router();
  /**
   * Operations grouped by the first segment after /api/ (`/api/moves/...` → `moves`), one router
   * per group: a request is matched against its own group's few routes instead of all of them
   * (@koa/router tests every route's pattern on every request).
   */
  private readonly groups = new Map<string, Router>();
  private readonly operationIds = new Set<string>();

  constructor(private readonly steps: RouteSteps) {
    this.registry.registerComponent('securitySchemes', 'bearerAuth', {
      type: 'http',
      scheme: 'bearer',
      description: '登录后获得的会话令牌 / the session token returned by a log-in operation',
    });
    this.registry.register('ErrorResponse', ErrorResponse);
  }

  route<
    B extends ZodType | undefined,
    P extends ZodObject | undefined,
    Q extends ZodObject | undefined,
    R extends ZodType,
  >(def: RouteDefinition<B, P, Q, R>): void {
    if (this.operationIds.has(def.operationId)) throw new Error(`duplicate operationId ${def.operationId}`);
    this.operationIds.add(def.operationId);
    this.registry.registerPath({
      operationId: def.operationId,
      method: def.method,
      path: def.path,
      summary: def.summary,
      tags: def.tags,
      security: def.auth ? [{ bearerAuth: [] }] : [],
      request: {
        ...(def.params ? { params: def.params } : {}),
        ...(def.query ? { query: def.query } : {}),
        ...(def.body ? { body: { required: true, content: { 'application/json': { schema: def.body } } } } : {}),
      },
      responses: {
        [String(def.successStatus ?? 200)]: {
          description: 'OK',
          content: { 'application/json': { schema: def.response } },
        },
        ...errorResponses(def),
      },
    });

    const koaPath = def.path.replace(/\{(\w+)\}/g, ':$1');
    const { auth } = def;
    const { parseJsonBody, authenticate, authorize } = this.steps;
    const respond = async (ctx: Context) => {
      if (auth) authorize(ctx, auth);
      const input = {
        body: (def.body ? parseOrThrow(def.body, ctx.request.body ?? {}, 'body') : undefined) as Infer<B>,
        params: (def.params
          ? parseOrThrow(def.params, (ctx as unknown as { params: unknown }).params, 'params')
          : undefined) as Infer<P>,
        query: (def.query ? parseOrThrow(def.query, ctx.query, 'query') : undefined) as Infer<Q>,
      };
      const result = await def.handler(ctx, input);
      ctx.body = result;
      // A handler may choose another status (readiness answers 503 with its normal body).
      ctx.status = (ctx.state.status as number | undefined) ?? def.successStatus ?? 200;
    };
    // One middleware per route that runs its steps itself: every layer of a route would be one
    // more dispatch and promise on every request. The body is parsed before authentication
    // because acting under a grant may read the service item from it.
    const handle: Middleware = async (ctx) => {
      if (def.body) await parseJsonBody(ctx);
      if (auth) await authenticate(ctx, () => respond(ctx));
      else await respond(ctx);
    };
    this.groupOf(def.path)[def.method](def.operationId, koaPath, handle as Parameters<Router['get']>[2]);
  }

  /** The middleware that dispatches a request to its group's router (after every route is registered). */
  routes(): Middleware {
    const ungrouped = this.router.routes() as unknown as Middleware;
    const dispatchers = new Map(
      [...this.groups].map(([group, router]) => [group, router.routes() as unknown as Middleware]),
    );
    return function dispatchByGroup(ctx, next) {
      return (dispatchers.get(groupOfPath(ctx.path)) ?? ungrouped)(ctx, next);
    };
  }

  private groupOf(path: string): Router {
    const group = groupOfPath(path);
    if (!group || /[{:]/.test(group)) throw new Error(`route ${path} needs a fixed first segment after /api/`);
    let router = this.groups.get(group);
    if (!router) this.groups.set(group, (router = new Router()));
    return router;
  }

  document(info: { title: string; version: string; description?: string }) {
    return new OpenApiGeneratorV31(this.registry.definitions).generateDocument({
      openapi: '3.1.0',
      info,
      servers: [{ url: '/' }],
    });
  }
}

/** `/api/moves/applications` → `moves`; '' for paths outside /api/. */
function groupOfPath(path: string): string {
  if (!path.startsWith('/api/')) return '';
  const end = path.indexOf('/', 5);
  return end === -1 ? path.slice(5) : path.slice(5, end);
}

function errorResponses(
  def: RouteDefinition<ZodType | undefined, ZodObject | undefined, ZodObject | undefined, ZodType>,
) {
  const byStatus = new Map<number, Set<string>>();
  const add = (status: number, ...codes: string[]) => {
    const set = byStatus.get(status) ?? new Set<string>();
    codes.forEach((c) => set.add(c));
    byStatus.set(status, set);
  };
  if (def.body || def.params || def.query) add(400, 'VALIDATION_FAILED');
  if (def.body) {
    add(400, 'INVALID_JSON');
    add(413, 'PAYLOAD_TOO_LARGE');
  }
  if (def.auth) {
    add(401, 'UNAUTHENTICATED', 'SESSION_EXPIRED');
    if (def.auth.level || def.auth.roles) add(403, 'LEVEL_REQUIRED', 'FORBIDDEN');
  }
  for (const e of def.errors ?? []) add(e.status, ...e.codes);
  add(500, 'INTERNAL_ERROR');
  const out: Record<string, ResponseConfig> = {};
  for (const [status, codes] of [...byStatus].sort((a, b) => a[0] - b[0])) {
    out[String(status)] = {
      description: [...codes].join(' | '),
      content: { 'application/json': { schema: ErrorResponse } },
    };
  }
  return out;
}
