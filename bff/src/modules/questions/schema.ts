// Query shapes: what residents and staff send and receive.
import { z } from '../../core/openapi';

const objectId = (name: string) =>
  z
    .string()
    .regex(/^[0-9a-f]{24}$/, '编号格式不正确')
    .openapi({ param: { name, in: 'path' } });

export const QuestionParams = z.object({ questionId: objectId('questionId') });

export const Subject = z
  .object({
    type: z.enum(['item', 'application', 'appointment']).openapi({ description: '事项 / 我的申请 / 我的预约' }),
    id: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确'),
  })
  .openapi('QuestionSubjectRef');

export const AskQuestionBody = z
  .object({
    text: z
      .string({ error: '请输入您的问题' })
      .trim()
      .min(5, '请把问题写得具体一些（至少 5 个字）')
      .max(1000, '问题不能超过 1000 个字'),
    subject: Subject.optional(),
  })
  .strict()
  .openapi('AskQuestionBody');

export const ReplyBody = z
  .object({
    text: z.string().trim().min(1, '请输入回复内容').max(2000, '回复不能超过 2000 个字').optional(),
    cannedId: z
      .string()
      .max(40)
      .optional()
      .openapi({ description: '常用回复编号；占位符 {name}、{item} 由服务端替换' }),
    internal: z.boolean().default(false).openapi({ description: '内部备注：居民永远看不到（仅工作人员）' }),
  })
  .strict()
  .refine((b) => b.text !== undefined || b.cannedId !== undefined, { message: '请输入回复内容', path: ['text'] })
  .openapi('ReplyBody');

export const AssignBody = z
  .object({
    mode: z
      .enum(['take', 'colleague', 'auto'])
      .openapi({ description: 'take 认领；colleague 转给同事；auto 本厅在岗人员轮流分派' }),
    staffId: z
      .string()
      .regex(/^S\d{7}$/, '工作人员编号格式不正确')
      .optional(),
  })
  .strict()
  .refine((b) => b.mode !== 'colleague' || b.staffId, { message: '请选择要转交的同事', path: ['staffId'] })
  .openapi('AssignBody');

export const EmptyBody = z.object({}).strict().openapi('EmptyBody');

const SubjectView = z.object({
  type: z.enum(['item', 'application', 'appointment']),
  id: z.string(),
  label: z.string(),
  verified: z.boolean(),
});

export const MessageView = z
  .object({
    messageId: z.string(),
    author: z.enum(['resident', 'staff']),
    kind: z.enum(['message', 'note']),
    text: z.string(),
    staffName: z.string().nullable(),
    at: z.string(),
  })
  .openapi('ThreadMessage');

const RatingBrief = z.object({ ratingId: z.string(), level: z.string(), levelText: z.string(), ratedAt: z.string() });

export const RectificationView = z
  .object({
    rectificationId: z.string(),
    serviceRef: z.object({ type: z.string(), id: z.string() }),
    serviceLabel: z.string(),
    level: z.string(),
    levelText: z.string(),
    comment: z.string().nullable(),
    itemName: z.string().nullable(),
    hallId: z.string().nullable(),
    openedAt: z.string(),
    dueDay: z.string(),
    dueAt: z.string(),
    overdue: z.boolean(),
    status: z.enum(['OPEN', 'ANSWERED']),
    statusText: z.string(),
    answer: z.object({ text: z.string(), staffName: z.string(), at: z.string() }).nullable(),
  })
  .openapi('Rectification');

/** What every view of a thread starts with. */
const questionHead = {
  questionId: z.string(),
  title: z.string(),
  status: z.enum(['OPEN', 'ANSWERED', 'CLOSED']),
  statusText: z.string(),
  subject: SubjectView.nullable(),
  createdAt: z.string(),
  lastActivityAt: z.string(),
};

export const QuestionView = z
  .object({
    ...questionHead,
    firstReplyDueAt: z.string(),
    firstReplyDueDay: z.string(),
    firstRepliedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    messages: z.array(MessageView),
    canRate: z.boolean(),
    rating: RatingBrief.nullable(),
    rectification: RectificationView.nullable(),
    // Staff view only.
    residentNameMasked: z.string().nullable().optional(),
    assignee: z.object({ staffId: z.string(), name: z.string().nullable() }).nullable().optional(),
    overdue: z.boolean().optional(),
    workingDaysLate: z.number().int().optional(),
  })
  .openapi('Question');

export const QuestionSummary = z
  .object({
    ...questionHead,
    messageCount: z.number().int(),
    canRate: z.boolean(),
  })
  .openapi('QuestionSummary');

export const MyQuestions = z.object({ questions: z.array(QuestionSummary) }).openapi('MyQuestions');

export const InboxQuery = z.object({
  filter: z.enum(['unassigned', 'mine', 'waiting', 'overdue', 'open']).default('mine'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).max(2000).default(0),
});

export const InboxItem = z
  .object({
    questionId: z.string(),
    title: z.string(),
    status: z.enum(['OPEN', 'ANSWERED', 'CLOSED']),
    statusText: z.string(),
    subject: SubjectView.nullable(),
    residentNameMasked: z.string().nullable(),
    assignee: z.object({ staffId: z.string(), name: z.string().nullable() }).nullable(),
    createdAt: z.string(),
    lastActivityAt: z.string(),
    firstReplyDueAt: z.string(),
    firstRepliedAt: z.string().nullable(),
    overdue: z.boolean(),
    workingDaysLate: z.number().int(),
    messageCount: z.number().int(),
  })
  .openapi('InboxItem');

export const InboxPage = z
  .object({
    filter: z.string(),
    items: z.array(InboxItem),
    offset: z.number().int(),
    hasMore: z.boolean(),
    now: z.string().openapi({ description: '判断超时所用的时间' }),
  })
  .openapi('InboxPage');

export const FaqQuery = z.object({
  q: z.string().trim().min(2, '请至少输入 2 个字').max(200, '内容过长'),
  itemCode: z.string().max(20).optional(),
});

export const FaqSuggestions = z
  .object({
    entries: z.array(
      z.object({
        faqId: z.string(),
        itemCode: z.string(),
        itemName: z.string(),
        question: z.string(),
        answer: z.string(),
      }),
    ),
  })
  .openapi('FaqSuggestions');

export const QuestionTopics = z
  .object({ items: z.array(z.object({ code: z.string(), name: z.string(), department: z.string() })) })
  .openapi('QuestionTopics');

export const CannedAnswers = z
  .object({ answers: z.array(z.object({ cannedId: z.string(), title: z.string(), text: z.string() })) })
  .openapi('CannedAnswers');
