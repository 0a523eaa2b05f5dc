// Parsing of request input with zod. Every failure becomes a 400 INVALID_REQUEST whose Chinese
// message names the failing field, so a caller can fix the call without reading our code.
import type { Context } from 'koa';
import { z } from 'zod';
import { SandboxError } from './errors';

// Chinese texts for zod's built-in checks (this process only talks to Chinese-speaking callers).
z.config(z.locales.zhCN());

function describe(error: z.ZodError, where: string): string {
  const [first] = error.issues;
  if (!first) return `${where}不正确`;
  const field = first.path.length ? first.path.join('.') : where;
  const more = error.issues.length > 1 ? `（另有 ${error.issues.length - 1} 处问题）` : '';
  return `${field}：${first.message}${more}`;
}

function parse<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new SandboxError(400, 'INVALID_REQUEST', `请求参数不正确：${describe(result.error, where)}`);
  }
  return result.data;
}

export const parseBody = <T extends z.ZodType>(ctx: Context, schema: T) =>
  parse(schema, (ctx.request as { body?: unknown }).body ?? {}, '请求体');
export const parseQuery = <T extends z.ZodType>(ctx: Context, schema: T) => parse(schema, ctx.query, '查询参数');
export const parseParams = <T extends z.ZodType>(ctx: Context, schema: T) =>
  parse(schema, (ctx as unknown as { params: unknown }).params, '路径参数');

/** Common field shapes, with messages a caller understands. */
export const fields = {
  mobile: z.string().regex(/^1[3-9]\d{9}$/, '应为 11 位中国大陆手机号'),
  name: z
    .string()
    .trim()
    .min(1, '不能为空')
    .max(30, '过长')
    .regex(/^[\u3400-\u9fff·•]+$/, '应为中文姓名'),
  idNumberText: z.string().trim().min(1, '不能为空').max(32, '过长'),
  token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '格式不正确'),
};
