// Supervision summary shapes.
import { z } from '../../core/openapi';
import { RectificationView } from '../questions/schema';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const SummaryQuery = z
  .object({ from: day.optional(), to: day.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['from'] });

const Satisfaction = z.object({
  key: z.string().nullable(),
  name: z.string().nullable(),
  ratings: z.number().int(),
  averageScore: z.number(),
  satisfiedRate: z.number().openapi({ description: '非常满意 + 满意 + 基本满意 的占比' }),
  badRatings: z.number().int(),
  indicators: z.record(z.string(), z.number()),
});

export const SupervisionSummary = z
  .object({
    period: z.object({ from: z.string(), to: z.string() }),
    now: z.string(),
    queries: z.object({
      asked: z.number().int(),
      answered: z.number().int(),
      answeredLate: z.number().int(),
      overdueNow: z.number().int(),
      overdue: z.array(
        z.object({
          questionId: z.string(),
          title: z.string(),
          firstReplyDueAt: z.string(),
          workingDaysLate: z.number().int(),
          assigneeName: z.string().nullable(),
        }),
      ),
    }),
    applications: z.object({ available: z.boolean(), pastTimeLimit: z.number().int(), note: z.string().nullable() }),
    rectifications: z.object({
      open: z.number().int(),
      overdue: z.number().int(),
      answeredInPeriod: z.number().int(),
      openCases: z.array(RectificationView),
    }),
    satisfaction: z.object({
      ratings: z.number().int(),
      byItem: z.array(Satisfaction),
      byHall: z.array(Satisfaction),
    }),
  })
  .openapi('SupervisionSummary');
