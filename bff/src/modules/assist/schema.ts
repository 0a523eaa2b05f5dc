// Request and response shapes of the assist operations (zod, also the OpenAPI document).
import { z } from '../../core/openapi';
import { ASSIST_MODES, MAX_DURATION_MINUTES, MAX_ITEMS, MIN_DURATION_MINUTES } from './rules';

const itemCode = z.string().regex(/^[A-Z0-9-]{2,20}$/, '事项编码格式不正确');
const Item = z.object({ code: z.string(), name: z.string() });
const Mode = z
  .enum(ASSIST_MODES)
  .openapi({ description: 'ASSIST 帮办：居民本人办理、帮办员协助；PROXY 代办：帮办员代为办理' });
const Guide = z.object({ staffId: z.string(), name: z.string() });

export const CreateRequestBody = z
  .object({
    items: z
      .array(itemCode)
      .min(1, '请至少选择一个事项')
      .max(MAX_ITEMS, `一次最多授权 ${MAX_ITEMS} 个事项`)
      .openapi({ example: ['SFZ-HL'] }),
    mode: Mode,
    durationMinutes: z
      .number({ error: '请选择授权时长' })
      .int()
      .min(MIN_DURATION_MINUTES, `授权时长至少 ${MIN_DURATION_MINUTES} 分钟`)
      .max(MAX_DURATION_MINUTES, `授权时长最长 ${MAX_DURATION_MINUTES / 60} 小时`),
  })
  .strict()
  .openapi('CreateAssistRequestBody');

export const AssistRequestView = z
  .object({
    requestId: z.string(),
    code: z.string().openapi({ description: '8 位授权码（居民输入或扫码）' }),
    qrText: z.string().openapi({ description: '二维码内容' }),
    status: z.enum(['OPEN', 'GRANTED', 'EXPIRED']),
    mode: Mode,
    modeName: z.string(),
    items: z.array(Item),
    durationMinutes: z.number(),
    guide: Guide,
    expiresAt: z.string().openapi({ format: 'date-time', description: '授权码失效时间' }),
    grantId: z.string().nullable(),
    smsSentTo: z.string().nullable(),
  })
  .openapi('AssistRequest');

export const RequestParams = z.object({
  requestId: z.string().regex(/^ar_[A-Za-z0-9_-]{10,30}$/, '授权请求编号格式不正确'),
});
export const CodeParams = z.object({
  code: z.string().max(40).openapi({ description: '8 位授权码或二维码内容' }),
});
export const GrantParams = z.object({ grantId: z.string().regex(/^ag_[A-Za-z0-9_-]{16,40}$/, '授权编号格式不正确') });

export const RequestPreview = z
  .object({
    requestId: z.string(),
    guide: Guide,
    items: z.array(Item),
    mode: Mode,
    durationMinutes: z.number(),
    expiresAt: z.string(),
  })
  .openapi('AssistRequestPreview');

export const GrantBody = z
  .object({ code: z.string({ error: '请输入授权码' }).max(40).openapi({ description: '8 位授权码或二维码内容' }) })
  .strict()
  .openapi('GrantAssistBody');

export const SendSmsBody = z
  .object({ mobile: z.string().regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号') })
  .strict()
  .openapi('SendAssistSmsBody');
export const SmsSent = z.object({ sentTo: z.string(), expiresInSeconds: z.number(), sendsLeft: z.number() });
export const SmsGrantBody = z
  .object({ code: z.string().regex(/^\d{6}$/, '请输入 6 位短信授权码') })
  .strict()
  .openapi('GrantAssistBySmsBody');

export const ActionView = z
  .object({
    actionId: z.string(),
    operationId: z.string(),
    operationName: z.string(),
    itemCode: z.string().nullable(),
    targetId: z.string().nullable(),
    result: z.enum(['OK', 'REFUSED', 'FAILED']),
    resultName: z.string(),
    errorCode: z.string().nullable(),
    guide: Guide,
    at: z.string(),
  })
  .openapi('AssistAction');

export const GrantView = z
  .object({
    grantId: z.string(),
    mode: Mode,
    modeName: z.string(),
    items: z.array(Item),
    state: z.enum(['ACTIVE', 'EXPIRED', 'REVOKED']),
    stateName: z.string(),
    resident: z.object({ nameMasked: z.string(), idNumberMasked: z.string().nullable() }),
    guide: Guide,
    consentMethod: z.enum(['QR', 'SMS']),
    grantedAt: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    hasLetter: z.boolean(),
    actions: z.array(ActionView).openapi({ description: '代办记录：此授权下的每一次办理（含被拒绝的）' }),
  })
  .openapi('AssistGrant');

export const MyGrants = z.object({ grants: z.array(GrantView) }).openapi('MyAssistGrants');

export const GuideGrantsQuery = z.object({
  staffId: z.string().max(20).optional().openapi({ description: '督办人员按帮办员工号筛选' }),
  state: z.enum(['OPEN', 'PAST']).optional(),
});
export const GuideGrants = z
  .object({
    grants: z.array(GrantView),
    byGuide: z.array(z.object({ staffId: z.string(), name: z.string(), active: z.number(), total: z.number() })),
  })
  .openapi('GuideAssistGrants');

export const LetterView = z
  .object({
    grantId: z.string(),
    title: z.string(),
    letterNo: z.string(),
    principal: z.object({ nameMasked: z.string(), idNumberMasked: z.string() }),
    agent: z.object({ name: z.string(), staffId: z.string(), role: z.string() }),
    items: z.array(Item),
    validFrom: z.string(),
    validUntil: z.string(),
    consentMethod: z.enum(['QR', 'SMS']),
    state: z.enum(['ACTIVE', 'EXPIRED', 'REVOKED']),
    stateName: z.string(),
    revokedAt: z.string().nullable(),
    paragraphs: z.array(z.string()),
  })
  .openapi('AssistLetter');
