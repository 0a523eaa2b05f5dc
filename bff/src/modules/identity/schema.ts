// Real-name and face-check shapes.
import { z } from '../../core/openapi';
import { SessionIssued } from '../auth/schema';

export const VerifyIdentityBody = z
  .object({
    name: z
      .string({ error: '请输入姓名' })
      .trim()
      .min(2, '请输入身份证上的姓名')
      .max(30, '姓名不能超过 30 个字')
      .regex(/^[\p{Script=Han}·•.]+$/u, '请输入身份证上的中文姓名'),
    // The checksum and date are checked by the ID-number rules so the message can name the problem.
    idNumber: z
      .string({ error: '请输入身份证号' })
      .max(40, '身份证号应为 18 位')
      .openapi({ example: '11010519491231002X' }),
  })
  .strict()
  .openapi('VerifyIdentityBody');

export const VerifyIdentityResult = SessionIssued;

export const StartFaceCheckBody = z.object({}).strict().openapi('StartFaceCheckBody');

export const FaceStatus = z.enum(['PENDING', 'PASS', 'FAIL', 'EXPIRED']);

export const FaceCheckStarted = z
  .object({
    faceCheckId: z.string(),
    status: z.literal('PENDING'),
    h5Url: z.string().openapi({ description: '人脸核验页面（H5 流程）' }),
    expiresAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('FaceCheckStarted');

export const FaceCheckParams = z.object({
  faceCheckId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/, '核验编号格式不正确')
    .openapi({ param: { name: 'faceCheckId', in: 'path' } }),
});

export const FaceCheckState = z
  .object({
    faceCheckId: z.string(),
    status: FaceStatus,
    token: z.string().optional().openapi({ description: '首次读到 PASS 时返回的新会话令牌（级别 FACE_CHECKED）' }),
    expiresAt: z.string().optional().openapi({ format: 'date-time' }),
    faceCheckedUntil: z.string().optional().openapi({ format: 'date-time' }),
    message: z.string().optional().openapi({ description: '给居民看的结果说明' }),
  })
  .openapi('FaceCheckState');
