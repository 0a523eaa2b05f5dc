// Request and response shapes of the certificate operations (zod; OpenAPI is generated from them).
import { z } from '../../core/openapi';
import { CERTIFICATE_TYPES } from './rules';

const STATUSES = ['NORMAL', 'MORTGAGED', 'SEALED', 'OBJECTION', 'VALID', 'EXPIRED', 'REVOKED'] as const;
const TrustLevel = z
  .enum(['A', 'B', 'C', 'D'])
  .openapi({ description: '电子材料可信等级：A 发证机关签发带电子印章，B 窗口核验，C 用户上传，D 用户承诺' });

export const CertificateParams = z.object({
  certificateId: z
    .string()
    .min(1)
    .max(40, '证照编号格式不正确')
    .openapi({
      param: { name: 'certificateId', in: 'path' },
      example: 're_T9000001',
      description: '证照编号（列表中的 id）',
    }),
});

export const GetCertificateQuery = z.object({
  reveal: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .openapi({ description: 'true：显示本人完整信息（需会话已完成人脸核验，FACE_CHECKED）' }),
});

const common = {
  type: z.enum(CERTIFICATE_TYPES),
  typeName: z.string().openapi({ example: '不动产权证书' }),
  title: z.string(),
  number: z.string().openapi({ description: '证书 / 证照编号；身份证号类编号按规则脱敏' }),
  issuer: z.string(),
  status: z.enum(STATUSES),
  statusText: z.string().openapi({ example: '抵押' }),
  needsAttention: z.boolean().openapi({ description: '查封、异议、过期、注销等需要留意的状态' }),
  trustLevel: TrustLevel,
  trustLevelText: z.string(),
};

export const CertificateSummary = z
  .object({
    id: z.string().openapi({ example: 're_T9000001' }),
    ...common,
    subtitle: z.string().openapi({ description: '房产坐落或证照有效期' }),
    relation: z.enum(['OWNER', 'CO_OWNER', 'HOLDER']).openapi({ description: '单独所有 / 共有 / 持证人' }),
    share: z.string().nullable(),
  })
  .openapi('CertificateSummary');

export const CertificateList = z
  .object({
    items: z.array(CertificateSummary),
    partial: z.boolean().openapi({ description: '有登记系统未能应答时为 true，缺少的部分见 notices' }),
    notices: z.array(z.object({ service: z.enum(['realestate', 'licence']), message: z.string() })),
  })
  .openapi('CertificateList');

export const CertificateField = z
  .object({
    key: z.string(),
    label: z.string(),
    value: z.string(),
    masked: z.boolean(),
    section: z.enum(['basic', 'parties', 'mortgage', 'seal', 'objection', 'details']),
  })
  .openapi('CertificateField');

export const CertificateDetail = CertificateSummary.extend({
  revealed: z.boolean(),
  fields: z.array(CertificateField),
}).openapi('CertificateDetail');

export const CreateShowCodeBody = z.object({}).strict().openapi('CreateShowCodeBody');

export const ShowCode = z
  .object({
    code: z.string().openapi({ description: '一次性亮证码（二维码内容的一部分）' }),
    pin: z
      .string()
      .regex(/^\d{6}$/)
      .openapi({ description: '6 位数字核验码，可代替扫码' }),
    qrPayload: z.string().openapi({ example: 'BMSC1:...' }),
    qrImage: z.string().openapi({ description: '二维码图片（data:image/svg+xml;base64）' }),
    createdAt: z.string().openapi({ format: 'date-time' }),
    expiresAt: z.string().openapi({ format: 'date-time' }),
    ttlSeconds: z.number().int(),
    certificate: CertificateSummary,
  })
  .openapi('ShowCode');

export const VerifyShowCodeBody = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^(BMSC1:)?[A-Za-z0-9_-]{32}$/, '亮证码格式不正确')
      .optional()
      .openapi({ description: '扫码得到的内容（BMSC1:...）或其中的亮证码' }),
    pin: z
      .string()
      .trim()
      .regex(/^\d{6}$/, '核验码为 6 位数字')
      .optional(),
  })
  .strict()
  .refine((b) => (b.code === undefined) !== (b.pin === undefined), {
    message: '请扫描二维码或输入 6 位核验码（二选一）',
    path: ['pin'],
  })
  .openapi('VerifyShowCodeBody');

export const ShowCodeVerification = z
  .object({
    authentic: z.boolean(),
    authenticity: z.enum(['AUTHENTIC', 'EXPIRED', 'REVOKED', 'NOT_IN_REGISTRY']),
    authenticityText: z.string(),
    checkedAt: z.string().openapi({ format: 'date-time' }),
    certificate: z.object({ ...common, fields: z.array(CertificateField) }).nullable(),
  })
  .openapi('ShowCodeVerification');

export const AccessQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(30),
  before: z.iso.datetime({ offset: true }).optional().openapi({ description: '上一页最后一条的 at（翻页）' }),
});

export const AccessRecords = z
  .object({
    entries: z.array(
      z.object({
        id: z.string(),
        at: z.string().openapi({ format: 'date-time' }),
        action: z.enum(['LIST', 'VIEW', 'REVEAL', 'SHOW_CODE_CREATED', 'VERIFIED', 'VERIFY_REFUSED', 'NOT_FOUND']),
        actionText: z.string(),
        certificateId: z.string().nullable(),
        certificateTitle: z.string().nullable(),
        actor: z.string().openapi({ description: '“本人”或脱敏后的姓名 / 手机号' }),
        relation: z.enum(['SELF', 'CO_OWNER', 'VERIFIER']),
      }),
    ),
    nextBefore: z.string().nullable(),
  })
  .openapi('CertificateAccessRecords');
