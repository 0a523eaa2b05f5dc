// Uploads for materials no service holds. The file is the raw request body (not base64 JSON:
// a 5 MB photo would be 6.7 MB of JSON and the JSON body limit stays small for every other
// call). Type comes from the Content-Type and must agree with the file's first bytes.
import { createHash } from 'node:crypto';
import type { Context } from 'koa';
import { AppError } from '../../core/errors';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const UPLOAD_TYPES: Readonly<Record<string, { ext: string; magic: number[] }>> = {
  'image/jpeg': { ext: 'jpg', magic: [0xff, 0xd8, 0xff] },
  'image/png': { ext: 'png', magic: [0x89, 0x50, 0x4e, 0x47] },
  'application/pdf': { ext: 'pdf', magic: [0x25, 0x50, 0x44, 0x46] },
};

const tooLarge = () => new AppError(413, 'UPLOAD_TOO_LARGE', '文件不能超过 5 MB，请压缩或重新拍照后再上传');

/** Reads and checks the body; nothing is kept when a check fails. */
export async function readUpload(ctx: Context): Promise<{ mimeType: string; data: Buffer; sha256: string }> {
  const mimeType = (ctx.get('content-type') || '').split(';')[0].trim().toLowerCase();
  const type = UPLOAD_TYPES[mimeType];
  if (!type) throw new AppError(415, 'UPLOAD_TYPE_NOT_ALLOWED', '只能上传 jpg、png 图片或 pdf 文件');
  const declared = Number(ctx.get('content-length') || '0');
  if (declared > MAX_UPLOAD_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > MAX_UPLOAD_BYTES) {
      ctx.req.destroy();
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  const data = Buffer.concat(chunks);
  if (data.length === 0) throw new AppError(400, 'UPLOAD_EMPTY', '没有收到文件内容，请重新选择文件');
  if (!type.magic.every((byte, i) => data[i] === byte))
    throw new AppError(415, 'UPLOAD_TYPE_MISMATCH', '文件内容与类型不符，请上传 jpg、png 或 pdf 文件');
  return { mimeType, data, sha256: createHash('sha256').update(data).digest('hex') };
}
