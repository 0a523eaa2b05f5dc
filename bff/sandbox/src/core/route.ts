// One place to declare an operation: its OpenAPI entry and its Koa handler come from the same
// zod schemas, so the document cannot drift from what the code accepts.
import type { RouteConfig, OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type Router from '@koa/router';
import type { Context } from 'koa';
import type { z } from 'zod';
import { errorResponses } from './openapi';
import { parseBody, parseParams, parseQuery } from './validation';

type AnyObject = z.ZodObject<z.ZodRawShape>;

export interface OperationSpec<
  B extends z.ZodType | undefined,
  Q extends AnyObject | undefined,
  P extends AnyObject | undefined,
> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI-style path, e.g. /v1/identity/face/sessions/{token} */
  path: string;
  operationId: string;
  summary: string;
  tags: string[];
  /** Sandbox helpers need no platform key. */
  public?: boolean;
  body?: B;
  query?: Q;
  params?: P;
  responses: RouteConfig['responses'];
  /** Statuses (beyond the standard ones) this operation can refuse with. */
  errors?: Record<number, string>;
  /** Parse input in the handler instead (WeChat answers malformed calls in its own shape). */
  rawInput?: boolean;
}

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface OperationInput<B, Q, P> {
  body: Out<B>;
  query: Out<Q>;
  params: Out<P>;
}

export interface RouteTarget {
  router: Router;
  registry: OpenAPIRegistry;
}

export function defineOperation<
  B extends z.ZodType | undefined = undefined,
  Q extends AnyObject | undefined = undefined,
  P extends AnyObject | undefined = undefined,
>(
  target: RouteTarget,
  spec: OperationSpec<B, Q, P>,
  handler: (ctx: Context, input: OperationInput<B, Q, P>) => Promise<void> | void,
): void {
  const request: RouteConfig['request'] = {};
  if (spec.body) request.body = { required: true, content: { 'application/json': { schema: spec.body } } };
  if (spec.query) request.query = spec.query;
  if (spec.params) request.params = spec.params;
  const standard = errorResponses(spec.errors);
  if (spec.public) {
    delete standard[401];
    delete standard[503];
  }
  target.registry.registerPath({
    method: spec.method,
    path: spec.path,
    operationId: spec.operationId,
    summary: spec.summary,
    tags: spec.tags,
    security: spec.public ? [] : [{ platformKey: [] }],
    request,
    responses: { ...standard, ...spec.responses },
  });

  const koaPath = spec.path.replace(/\{(\w+)\}/g, ':$1');
  target.router[spec.method](koaPath, async (ctx) => {
    const input = spec.rawInput
      ? ({ body: undefined, query: undefined, params: undefined } as OperationInput<B, Q, P>)
      : ({
          params: spec.params ? parseParams(ctx, spec.params) : undefined,
          query: spec.query ? parseQuery(ctx, spec.query) : undefined,
          body: spec.body ? parseBody(ctx, spec.body) : undefined,
        } as OperationInput<B, Q, P>);
    await handler(ctx, input);
  });
}

/** A JSON response entry for `responses`. */
export const json = (description: string, schema: z.ZodType) => ({
  description,
  content: { 'application/json': { schema } },
});
