// SMS templates the gateway knows, with the parameters each needs and its rendered text.
import { z } from 'zod';

const SIGNATURE = '【便民服务】';
const code = z.string().regex(/^\d{4,8}$/, '验证码应为 4 至 8 位数字');
const minutes = z
  .string()
  .regex(/^\d{1,3}$/, '有效分钟数应为数字')
  .default('5');

export const smsSendSchema = z.discriminatedUnion(
  'templateId',
  [
    z.object({
      mobile: z.string(),
      templateId: z.literal('LOGIN_CODE'),
      params: z.object({ code, minutes }).strict(),
    }),
    z.object({
      mobile: z.string(),
      templateId: z.literal('ASSIST_GRANT_CODE'),
      params: z
        .object({ code, minutes, guideName: z.string().max(20).optional(), items: z.string().max(60).optional() })
        .strict(),
    }),
    z.object({
      mobile: z.string(),
      templateId: z.literal('NOTICE'),
      params: z.object({ text: z.string().trim().min(1, '通知内容不能为空').max(300, '通知内容最多 300 字') }).strict(),
    }),
  ],
  { message: 'templateId 应为 LOGIN_CODE、ASSIST_GRANT_CODE 或 NOTICE' },
);

export type SmsSendInput = z.infer<typeof smsSendSchema>;

export function renderSms(input: SmsSendInput): { text: string; code: string | null } {
  switch (input.templateId) {
    case 'LOGIN_CODE':
      return {
        text: `${SIGNATURE}您的登录验证码为 ${input.params.code}，${input.params.minutes} 分钟内有效。请勿将验证码告诉他人。`,
        code: input.params.code,
      };
    case 'ASSIST_GRANT_CODE': {
      const who = input.params.guideName ? `帮办员${input.params.guideName}` : '帮办员';
      const what = input.params.items ? `办理“${input.params.items}”` : '代为办理事项';
      return {
        text: `${SIGNATURE}您正在授权${who}${what}，授权码 ${input.params.code}，${input.params.minutes} 分钟内有效。如非本人操作，请忽略本短信。`,
        code: input.params.code,
      };
    }
    case 'NOTICE':
      return { text: `${SIGNATURE}${input.params.text}`, code: null };
  }
}
