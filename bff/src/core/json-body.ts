// JSON request bodies, parsed only for operations that declare one, with the size limit and the
// parser's failures answered in the contract's shape (413 / 415 / 400 with Chinese messages).
import { bodyParser } from '@koa/bodyparser';
import type { Context } from 'koa';
import { AppError } from './errors';

const done = async () => {};

/** A step that sets `ctx.request.body` from a JSON body of at most `limitBytes`. */
export function jsonBodyParser(limitBytes: number): (ctx: Context) => Promise<void> {
  const parse = bodyParser({
    enableTypes: ['json'],
    jsonLimit: limitBytes,
    onError: (error) => {
      const status = (error as { status?: number }).status;
      if (status === 413)
        throw new AppError(413, 'PAYLOAD_TOO_LARGE', `提交的内容过大（上限 ${Math.round(limitBytes / 1024)} KB）`);
      if (status === 415) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '不支持的内容编码');
      throw new AppError(400, 'INVALID_JSON', '提交的内容不是有效的 JSON');
    },
  });
  return async (ctx) => {
    await parse(ctx, done);
  };
}
