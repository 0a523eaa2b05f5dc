// Acting for a resident under a proxy grant (代办). A guide's request carrying the header
// `X-Assist-Grant: <grantId>` runs as the resident (with the resident's level) when, and only
// when, the operation has declared itself actable and says which service item it acts on.
// Everything else is refused before the handler runs: fail closed. Every attempt under a grant,
// refused or done, is written to the grant's action record through the GrantAuthority.
import type { Context, Middleware, Next } from 'koa';
import { AppError } from './errors';
import { type Api, z } from './openapi';
import type { AuthSession } from './principal';
import type { SignIn } from './auth';

export const ASSIST_GRANT_HEADER = 'X-Assist-Grant';
const GRANT_ID = /^ag_[A-Za-z0-9_-]{16,40}$/;

/** What a feature route says about acting under a grant. */
export interface ActableOperation {
  /** Shown in the resident's 代办记录, e.g. 预约办事. */
  label: string;
  /**
   * The service item code the request acts on. `null` only for reads of a list that `narrow`
   * cuts down to the granted items; an item operation that cannot name its item is refused.
   */
  item(ctx: Context): string | null | Promise<string | null>;
  /** Keeps only what the grant covers in a list answer. */
  narrow?(body: unknown, items: readonly string[]): unknown;
  /** The id of what was created or touched, for the record. */
  target?(ctx: Context, body: unknown): string | null | undefined;
}

/** The live grant a guide acts under, as the acting check needs it. */
export interface ActingGrant {
  grantId: string;
  items: readonly string[];
  /** The resident as the effective principal for this request. */
  resident: AuthSession;
}

export interface ActionEntry {
  grantId: string;
  operationId: string;
  operationName: string;
  itemCode: string | null;
  targetId: string | null;
  result: 'OK' | 'REFUSED' | 'FAILED';
  errorCode: string | null;
}

/** Implemented by the assist module: opens a grant for a guide (or refuses) and records actions. */
export interface GrantAuthority {
  /** Refuses (throwing the right code, recording the refusal) unless the grant is a live 代办 of this guide. */
  openForActing(grantId: string, guide: AuthSession, operation: { id: string; label: string }): Promise<ActingGrant>;
  record(entry: ActionEntry): Promise<void>;
}

const declared = new WeakMap<Api, Map<string, ActableOperation>>();

export const itemNotGranted = (message = '该事项不在居民授权的代办范围内') =>
  new AppError(403, 'ASSIST_ITEM_NOT_GRANTED', message);

/**
 * Declares an operation actable under a grant (call right after `api.route`), and documents the
 * header on it in OpenAPI as the reusable parameter `AssistGrantHeader`.
 */
export function actableUnderGrant(api: Api, operationId: string, operation: ActableOperation): void {
  const map = declared.get(api) ?? new Map<string, ActableOperation>();
  declared.set(api, map);
  map.set(operationId, operation);
  const header = assistHeaderParameter(api);
  for (const definition of api.registry.definitions) {
    if (definition.type === 'route' && definition.route.operationId === operationId) {
      const route = definition.route;
      const existing = route.request?.headers;
      const headers = Array.isArray(existing) ? existing : existing ? [existing] : [];
      route.request = { ...route.request, headers: [...headers, header] };
      const codes =
        'ASSIST_ITEM_NOT_GRANTED | ASSIST_GRANT_EXPIRED | ASSIST_GRANT_REVOKED | ASSIST_MODE_NOT_PROXY | FORBIDDEN';
      route.description = [
        route.description,
        `可由社区帮办员凭代办授权代居民办理（请求头 ${ASSIST_GRANT_HEADER}；拒绝时：${codes}）`,
      ]
        .filter(Boolean)
        .join('\n');
    }
  }
}

export function actableOperation(api: Api, operationId: string | undefined): ActableOperation | undefined {
  return operationId ? declared.get(api)?.get(operationId) : undefined;
}

const headerSchemas = new WeakMap<Api, ReturnType<typeof makeHeaderParameter>>();

function makeHeaderParameter() {
  return z
    .string()
    .regex(GRANT_ID)
    .optional()
    .openapi('AssistGrantHeader', {
      param: { name: ASSIST_GRANT_HEADER, in: 'header' },
      description:
        '代办授权编号（帮办员会话专用）：带上后本次请求以授权居民的身份和实名级别办理，仅限授权中的事项与期限，' +
        '每次办理都记入居民可见的代办记录',
      example: 'ag_3f6c1a2e9d7b4c58a1b2',
    });
}

function assistHeaderParameter(api: Api) {
  let schema = headerSchemas.get(api);
  if (!schema) {
    schema = makeHeaderParameter();
    api.registry.registerParameter('AssistGrantHeader', schema);
    headerSchemas.set(api, schema);
  }
  return schema;
}

/** The operation id of the matched route (the route helper names every route by it). */
function operationIdOf(ctx: Context): string | undefined {
  const c = ctx as Context & { routerName?: string; _matchedRouteName?: string };
  return c.routerName ?? c._matchedRouteName;
}

/**
 * Wraps authentication: after the guide's session is known, a request with the header is
 * switched to the resident under the grant before the level and role guards run, so those guards
 * judge the resident. The outcome of the handler is recorded under the grant.
 */
export function actingAuthentication(
  signIn: SignIn,
  grants: GrantAuthority,
  operationOf: (operationId: string | undefined) => ActableOperation | undefined,
): Middleware {
  return async function authenticateOrAct(ctx: Context, next: Next) {
    await signIn(ctx);
    const grantId = ctx.get(ASSIST_GRANT_HEADER).trim();
    if (!grantId) return next();
    if (!GRANT_ID.test(grantId)) throw new AppError(400, 'ASSIST_GRANT_INVALID', '代办授权编号格式不正确');
    const operationId = operationIdOf(ctx) ?? 'unknown';
    const operation = operationOf(operationId);
    const guide = ctx.state.session as AuthSession;
    if (!operation) {
      throw new AppError(403, 'ASSIST_NOT_ALLOWED', '该操作不能代办，请由居民本人办理');
    }
    const grant = await grants.openForActing(grantId, guide, { id: operationId, label: operation.label });
    ctx.state.session = grant.resident;
    ctx.state.acting = { grantId, guideSession: guide };

    const base = { grantId, operationId, operationName: operation.label };
    let item: string | null;
    try {
      item = await operation.item(ctx);
    } catch (error) {
      await grants.record({ ...base, itemCode: null, targetId: null, result: 'FAILED', errorCode: codeOf(error) });
      throw error;
    }
    const listRead = item === null && operation.narrow !== undefined;
    if (!listRead && (item === null || !grant.items.includes(item))) {
      const refusal = itemNotGranted();
      await grants.record({
        ...base,
        itemCode: item,
        targetId: targetOf(operation, ctx, undefined),
        result: 'REFUSED',
        errorCode: refusal.code,
      });
      throw refusal;
    }
    try {
      await next();
    } catch (error) {
      const refused = error instanceof AppError && error.status < 500;
      await grants.record({
        ...base,
        itemCode: item,
        targetId: targetOf(operation, ctx, undefined),
        result: refused ? 'REFUSED' : 'FAILED',
        errorCode: codeOf(error),
      });
      throw error;
    }
    if (operation.narrow) ctx.body = operation.narrow(ctx.body, grant.items);
    await grants.record({
      ...base,
      itemCode: item,
      targetId: targetOf(operation, ctx, ctx.body),
      result: 'OK',
      errorCode: null,
    });
  };
}

function targetOf(operation: ActableOperation, ctx: Context, body: unknown): string | null {
  try {
    return operation.target?.(ctx, body) ?? null;
  } catch {
    return null;
  }
}

function codeOf(error: unknown): string {
  return error instanceof AppError ? error.code : 'INTERNAL_ERROR';
}

// ---- declarations for the common shapes of feature operations -----------------------------

type Fields = Record<string, unknown> | undefined;

/** An operation whose body names the service item (`itemCode`); the answer's `targetField` is recorded. */
export function actsOnBodyItem(label: string, targetField?: string, itemField = 'itemCode'): ActableOperation {
  return {
    label,
    item: (ctx) => {
      const value = (ctx.request.body as Fields)?.[itemField];
      return typeof value === 'string' ? value : null;
    },
    target: (_ctx, body) => (targetField ? stringField(body, targetField) : null),
  };
}

/** An operation on an existing record whose item is looked up (as the resident) before it runs. */
export function actsOnLookedUpItem(
  label: string,
  lookup: (ctx: Context) => Promise<string | null | undefined>,
  targetParam: string,
): ActableOperation {
  return {
    label,
    // A record that cannot be found names no item and so is refused under a grant.
    item: async (ctx) => (await lookup(ctx)) ?? null,
    target: (ctx) => stringField((ctx as Context & { params?: unknown }).params, targetParam),
  };
}

/** A read of a list: allowed under a live grant, cut down to the granted items. */
export function readsGrantedItems(label: string, listField: string, itemField = 'itemCode'): ActableOperation {
  return {
    label,
    item: () => null,
    narrow: (body, items) => {
      const list = (body as Fields)?.[listField];
      if (!Array.isArray(list)) return body;
      const kept = list.filter((entry) => items.includes(stringField(entry, itemField) ?? ''));
      return { ...(body as object), [listField]: kept };
    },
  };
}

function stringField(value: unknown, field: string): string | null {
  const v = (value as Fields)?.[field];
  return typeof v === 'string' ? v : null;
}
