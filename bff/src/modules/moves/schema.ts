// Household-move shapes: eligibility, drafts, uploads, submission, and the application view
// shared with the applications module.
import { z } from '../../core/openapi';

export const CATEGORIES = ['PROPERTY', 'SPOUSE', 'ELDERLY_PARENT', 'CHILD', 'TALENT', 'EMPLOYMENT'] as const;
export const Category = z
  .enum(CATEGORIES)
  .openapi({ description: '购房落户 | 夫妻投靠 | 父母投靠子女 | 子女投靠父母 | 人才/毕业生落户 | 就业落户' });

const Relative = z
  .object({
    name: z
      .string()
      .trim()
      .min(2, '请输入被投靠人姓名')
      .max(30)
      .regex(/^[\p{Script=Han}·•]+$/u, '请输入被投靠人的中文姓名'),
    idNumber: z.string().trim().max(40, '身份证号应为 18 位'),
  })
  .strict();

export const EligibilityBody = z
  .object({
    category: Category,
    titleId: z.string().max(40).optional(),
    relative: Relative.optional(),
    destinationCity: z.string().max(10).optional(),
  })
  .strict()
  .openapi('MoveEligibilityBody');

const Trust = z
  .enum(['A', 'B', 'C', 'D'])
  .openapi({ description: 'A 部门签发带电子印章；B 窗口核验；C 本人上传；D 本人承诺' });

export const MaterialView = z
  .object({
    key: z.string(),
    name: z.string(),
    source: z.string(),
    sourceName: z.string(),
    mode: z
      .enum(['fetch', 'upload'])
      .openapi({ description: 'fetch: 由部门提供（已为您自动获取）；upload: 需本人上传' }),
    note: z.string(),
    available: z.boolean().openapi({ description: '可自动获取的材料是否已在部门查到；上传材料是否已上传' }),
    trustLevel: Trust.nullable(),
    issuer: z.string().nullable(),
    reference: z.string().nullable(),
    fileName: z.string().nullable(),
    size: z.number().int().nullable(),
  })
  .openapi('MoveMaterial');

export const EligibilityResult = z
  .object({
    category: Category,
    itemCode: z.string(),
    itemName: z.string(),
    eligible: z.boolean(),
    failing: z.string().nullable().openapi({ description: '第一条不符合的条件（中文）' }),
    checks: z.array(z.object({ key: z.string(), passed: z.boolean(), message: z.string() })),
    destination: z.object({ city: z.string(), address: z.string() }).nullable(),
    titles: z
      .array(z.object({ titleId: z.string(), certificateNumber: z.string(), location: z.string(), status: z.string() }))
      .optional(),
    materials: z.array(MaterialView),
    timeLimitDays: z.number().int(),
  })
  .openapi('MoveEligibilityResult');

export const MoveFormInput = z
  .object({
    titleId: z.string().max(40).optional(),
    relative: Relative.optional(),
    destinationCity: z.string().max(10).optional(),
    contactMobile: z
      .string()
      .regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号')
      .optional(),
    promise: z.boolean().optional(),
  })
  .strict();

export const CreateApplicationBody = z
  .object({ category: Category, form: MoveFormInput.optional(), step: z.number().int().min(1).max(6).optional() })
  .strict()
  .openapi('CreateMoveApplicationBody');

export const UpdateApplicationBody = z
  .object({
    version: z
      .number()
      .int()
      .min(1)
      .openapi({ description: '读到的版本；已被其他设备修改时返回 409 VERSION_CONFLICT' }),
    form: MoveFormInput.optional(),
    step: z.number().int().min(1).max(6).optional(),
  })
  .strict()
  .openapi('UpdateMoveApplicationBody');

export const SubmitBody = z
  .object({
    consent: z.boolean().openapi({ description: '同意由户籍、不动产、电子证照、社保等部门提供本人材料' }),
    note: z.string().max(200).optional(),
  })
  .strict()
  .openapi('SubmitMoveApplicationBody');

export const ApplicationParams = z.object({
  applicationId: z
    .string()
    .regex(/^MA[A-Za-z0-9_-]{16,40}$/, '申请编号格式不正确')
    .openapi({ param: { name: 'applicationId', in: 'path' } }),
});

export const UploadParams = ApplicationParams.extend({
  materialKey: z
    .string()
    .regex(/^[A-Z_]{2,40}$/, '材料编码格式不正确')
    .openapi({ param: { name: 'materialKey', in: 'path' } }),
});

const TimelineEntry = z.object({
  at: z.string(),
  status: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  actor: z.string(),
  items: z.array(z.object({ materialKey: z.string().nullable(), reason: z.string() })).optional(),
});

export const Deadline = z
  .object({
    timeLimitDays: z.number().int().openapi({ description: '承诺时限（工作日）' }),
    dueDate: z.string().nullable().openapi({ description: '办结截止日（受理后确定）' }),
    estimated: z.boolean().openapi({ description: 'true：尚未受理，按提交日估算' }),
    remainingWorkingDays: z.number().int().nullable(),
    overdue: z.boolean(),
    paused: z.boolean().openapi({ description: '补正期间暂停计时' }),
  })
  .openapi('MoveDeadline');

export const ApplicationView = z
  .object({
    applicationId: z.string(),
    category: Category,
    categoryName: z.string(),
    itemCode: z.string(),
    itemName: z.string(),
    status: z.enum([
      'DRAFT',
      'SUBMITTING',
      'SUBMITTED',
      'ACCEPTED',
      'UNDER_REVIEW',
      'NEEDS_CORRECTION',
      'APPROVED',
      'COMPLETED',
      'REJECTED',
    ]),
    statusText: z.string(),
    version: z.number().int(),
    step: z.number().int(),
    form: z.object({
      titleId: z.string().optional(),
      relativeName: z.string().optional(),
      relativeIdNumberMasked: z.string().optional(),
      destinationCity: z.string().optional(),
      contactMobile: z.string().optional(),
      promise: z.boolean().optional(),
    }),
    materials: z.array(MaterialView),
    missing: z.array(z.object({ key: z.string(), message: z.string() })).openapi({ description: '提交前还缺少的内容' }),
    uploadsDeleted: z
      .object({ at: z.string(), afterDays: z.number().int() })
      .nullable()
      .openapi({ description: '草稿超过 afterDays 天未更新，已上传的材料于 at 删除（重新上传后为空）' }),
    caseId: z.string().nullable().openapi({ description: '办件编号（提交后）' }),
    crossProvince: z.boolean().nullable(),
    destination: z.object({ city: z.string(), address: z.string() }).nullable(),
    timeline: z.array(TimelineEntry),
    deadline: Deadline.nullable(),
    corrections: z.array(
      z.object({ materialKey: z.string().nullable(), materialName: z.string().nullable(), reason: z.string() }),
    ),
    rejectReason: z.string().nullable(),
    nextStep: z.string(),
    followAt: z.string().openapi({ description: '在哪里查看进度' }),
    consent: z.object({ at: z.string(), services: z.array(z.string()) }).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    submittedAt: z.string().nullable(),
  })
  .openapi('MoveApplication');

export const ApplicationList = z
  .object({
    applications: z.array(
      ApplicationView.pick({
        applicationId: true,
        category: true,
        categoryName: true,
        itemCode: true,
        itemName: true,
        status: true,
        statusText: true,
        caseId: true,
        deadline: true,
        nextStep: true,
        updatedAt: true,
        submittedAt: true,
      }),
    ),
  })
  .openapi('MoveApplicationList');
