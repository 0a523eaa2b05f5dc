// Request and response shapes of log-in and session operations (zod; OpenAPI is generated from them).
import { z } from '../../core/openapi';
import { LEVELS, ROLES } from '../../core/principal';

export const Mobile = z
  .string({ error: '请输入手机号' })
  .trim()
  .regex(/^1[3-9]\d{9}$/, '请输入正确的 11 位手机号')
  .openapi({ example: '13800001234', description: '中国大陆 11 位手机号' });

export const Device = z
  .string({ error: '设备名称应为文字' })
  .trim()
  .max(100, '设备名称不能超过 100 个字符')
  .optional()
  .openapi({ description: '设备名称（用于“在其他设备退出”）', example: 'iPhone 15 · 微信' });

export const PublicUser = z
  .object({
    id: z.string(),
    role: z.enum(ROLES),
    level: z.enum(LEVELS),
    mobileMasked: z.string().nullable().openapi({ example: '138****1234' }),
    nameMasked: z.string().nullable().openapi({ example: '张*' }),
    idNumberMasked: z.string().nullable().openapi({ example: '110***********123X' }),
    realNameVerifiedAt: z.string().optional().openapi({ format: 'date-time' }),
  })
  .openapi('User');

export const SessionIssued = z
  .object({
    token: z.string().openapi({ description: '会话令牌，以 Authorization: Bearer <token> 发送' }),
    expiresAt: z.string().openapi({ format: 'date-time', description: '当前有效期（闲置会顺延，不超过绝对有效期）' }),
    user: PublicUser,
  })
  .openapi('SessionIssued');

export const RequestSmsCodeBody = z.object({ mobile: Mobile }).strict().openapi('RequestSmsCodeBody');
export const SmsCodeSent = z
  .object({
    sentTo: z.string().openapi({ example: '138****1234' }),
    expiresInSeconds: z.number().int(),
    resendAfterSeconds: z.number().int(),
  })
  .openapi('SmsCodeSent');

export const LoginWithSmsBody = z
  .object({
    mobile: Mobile,
    code: z
      .string({ error: '请输入验证码' })
      .trim()
      .regex(/^\d{6}$/, '验证码为 6 位数字'),
    device: Device,
  })
  .strict()
  .openapi('LoginWithSmsBody');

export const LoginWithWechatBody = z
  .object({
    code: z.string({ error: '缺少微信登录凭证' }).trim().min(1, '缺少微信登录凭证').max(128, '微信登录凭证格式不正确'),
    device: Device,
  })
  .strict()
  .openapi('LoginWithWechatBody');

export const Me = z
  .object({
    user: PublicUser,
    session: z.object({
      level: z.enum(LEVELS),
      role: z.enum(ROLES),
      expiresAt: z.string().openapi({ format: 'date-time' }),
      faceCheckedUntil: z
        .string()
        .optional()
        .openapi({ format: 'date-time', description: '人脸核验有效期（仅在有效期内出现）' }),
    }),
  })
  .openapi('Me');

export const LogoutBody = z
  .object({ allDevices: z.boolean({ error: 'allDevices 应为 true 或 false' }).optional() })
  .strict()
  .openapi('LogoutBody');
export const LoggedOut = z.object({ loggedOut: z.number().int() }).openapi('LoggedOut');
