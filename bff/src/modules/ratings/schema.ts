// 好差评 and rectification shapes.
import { z } from '../../core/openapi';
import { RectificationView } from '../questions/schema';
import { INDICATORS, LEVELS, SERVICE_TYPES } from './rules';

const score = z.number({ error: '请为每项指标打分（1-5 分）' }).int().min(1, '最低 1 分').max(5, '最高 5 分');

export const RateServiceBody = z
  .object({
    serviceRef: z
      .object({
        type: z
          .enum(SERVICE_TYPES)
          .openapi({ description: 'question 咨询 / appointment 已签到的预约 / application 已办结的申请' }),
        id: z
          .string()
          .trim()
          .min(1)
          .max(64)
          .regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确'),
      })
      .strict(),
    level: z.enum(LEVELS, { error: '请选择评价等级' }).openapi({
      description: '非常满意 / 满意 / 基本满意 / 不满意 / 非常不满意',
    }),
    indicators: z
      .object(
        Object.fromEntries(INDICATORS.map((k) => [k, score])) as Record<(typeof INDICATORS)[number], typeof score>,
      )
      .strict(),
    comment: z.string().trim().max(500, '评价内容不能超过 500 个字').optional(),
  })
  .strict()
  .openapi('RateServiceBody');

export const RatingResult = z
  .object({
    ratingId: z.string(),
    serviceRef: z.object({ type: z.string(), id: z.string() }),
    level: z.string(),
    levelText: z.string(),
    ratedAt: z.string(),
    rectification: RectificationView.nullable(),
  })
  .openapi('RatingResult');

export const RectificationQuery = z.object({
  status: z.enum(['OPEN', 'ANSWERED', 'ALL']).default('ALL'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const RectificationList = z.object({ rectifications: z.array(RectificationView) }).openapi('RectificationList');

export const RectificationParams = z.object({
  rectificationId: z
    .string()
    .regex(/^[0-9a-f]{24}$/, '编号格式不正确')
    .openapi({ param: { name: 'rectificationId', in: 'path' } }),
});

export const AnswerRectificationBody = z
  .object({
    text: z
      .string({ error: '请输入整改答复' })
      .trim()
      .min(5, '整改答复至少 5 个字')
      .max(2000, '整改答复不能超过 2000 个字'),
  })
  .strict()
  .openapi('AnswerRectificationBody');
