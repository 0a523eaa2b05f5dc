// zod at the boundary. Failures become 400 VALIDATION_FAILED with every failing field named
// and explained in Chinese (zod's zh-CN messages unless a schema gives its own).
import { z, type ZodType } from 'zod';
import { AppError } from './errors';

const zhCN = z.locales.zhCN().localeError;

export interface FieldProblem {
  path: string;
  message: string;
}

export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/** Parses `input` or throws the contract's 400; `where` names the part of the request. */
export function parseOrThrow<T extends ZodType>(
  schema: T,
  input: unknown,
  where: 'body' | 'params' | 'query',
): z.output<T> {
  const result = schema.safeParse(input, { error: zhCN });
  if (result.success) return result.data;
  const fields = fieldProblems(result.error).map((f) => ({ ...f, path: `${where}.${f.path}` }));
  const first = fields[0];
  const message = first ? `填写的内容有误：${first.message}` : '填写的内容有误';
  throw new AppError(400, 'VALIDATION_FAILED', message, { fields });
}
