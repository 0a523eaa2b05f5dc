// 好差评: one rating per finished service by the person served; a bad rating opens a
// rectification case due in 15 working days, which staff answer and the resident receives.
import { Types } from 'mongoose';
import type { CallOptions } from '../../core/budget';
import { AppError } from '../../core/errors';
import type { AuthSession } from '../../core/principal';
import type { StaffClient } from '../../platform/staff';
import type { AccountService } from '../accounts/service';
import type { FeedbackClock } from '../questions/clock';
import type { Notifier } from '../questions/notify';
import { presentRectification } from '../questions/presenters';
import type { RatingDoc, RatingModels, RectificationDoc } from './model';
import {
  LEVEL_SCORE,
  LEVEL_TEXT,
  isBad,
  rectificationDue,
  type Indicator,
  type RatingLevel,
  type ServiceType,
} from './rules';
import type { RatableSource } from './sources';

export interface RatingServiceDeps {
  models: RatingModels;
  sources: Record<ServiceType, RatableSource>;
  accounts: AccountService;
  staff: StaffClient;
  notifier: Notifier;
  clock: FeedbackClock;
}

export interface RateInput {
  serviceRef: { type: ServiceType; id: string };
  level: RatingLevel;
  indicators: Record<Indicator, number>;
  comment?: string;
}

const DUPLICATE_KEY = 11000;

export class RatingService {
  private indexesReady: Promise<unknown> | null = null;

  constructor(private readonly deps: RatingServiceDeps) {}

  /** The unique indexes are what make "once" true: they must exist before the first rating. */
  private ready() {
    this.indexesReady ??= Promise.all([this.deps.models.ratings.init(), this.deps.models.rectifications.init()]);
    return this.indexesReady;
  }

  async rate(session: AuthSession, input: RateInput) {
    await this.ready();
    const service = await this.deps.sources[input.serviceRef.type](session, input.serviceRef.id);
    const now = this.deps.clock.now();
    const bad = isBad(input.level);
    const rating: RatingDoc = {
      _id: new Types.ObjectId(),
      serviceRef: input.serviceRef,
      residentId: new Types.ObjectId(session.userId),
      level: input.level,
      score: LEVEL_SCORE[input.level],
      indicators: input.indicators,
      comment: input.comment || null,
      itemCode: service.itemCode,
      itemName: service.itemName,
      hallId: service.hallId,
      ratedAt: now,
      rectificationId: bad ? new Types.ObjectId() : null,
    };
    try {
      await this.deps.models.ratings.create(rating);
    } catch (error) {
      if ((error as { code?: number }).code === DUPLICATE_KEY)
        throw new AppError(409, 'ALREADY_RATED', '该服务您已评价过，每项服务只能评价一次');
      throw error;
    }
    let rectification: RectificationDoc | null = null;
    if (bad) {
      const due = rectificationDue(now);
      rectification = {
        _id: rating.rectificationId!,
        ratingId: rating._id,
        residentId: rating.residentId,
        serviceRef: input.serviceRef,
        serviceLabel: service.label,
        level: input.level,
        comment: rating.comment,
        itemCode: service.itemCode,
        itemName: service.itemName,
        hallId: service.hallId,
        openedAt: now,
        dueDay: due.day,
        dueAt: due.at,
        status: 'OPEN',
        answer: null,
      };
      try {
        await this.deps.models.rectifications.create(rectification);
      } catch (error) {
        // No transactions: undo the rating so the resident can rate again rather than leave a
        // bad rating without its case.
        await this.deps.models.ratings.deleteOne({ _id: rating._id });
        throw error;
      }
    }
    return {
      ratingId: String(rating._id),
      serviceRef: input.serviceRef,
      level: rating.level,
      levelText: LEVEL_TEXT[rating.level],
      ratedAt: now.toISOString(),
      rectification: rectification ? presentRectification(rectification, now) : null,
    };
  }

  /** Residents: their own cases; staff and supervisors: every case, the most urgent first. */
  async list(session: AuthSession, query: { status: 'OPEN' | 'ANSWERED' | 'ALL'; limit: number }) {
    const filter: Record<string, unknown> = {};
    if (query.status !== 'ALL') filter.status = query.status;
    const now = this.deps.clock.now();
    if (session.role === 'resident') {
      filter.residentId = new Types.ObjectId(session.userId);
      const docs = await this.deps.models.rectifications.find(filter).sort({ openedAt: -1 }).limit(query.limit).lean();
      return { rectifications: docs.map((d) => presentRectification(d, now)) };
    }
    const docs = await this.deps.models.rectifications
      .find(filter)
      .sort({ status: -1, dueAt: 1, _id: 1 })
      .limit(query.limit)
      .lean();
    return { rectifications: docs.map((d) => presentRectification(d, now)) };
  }

  async answer(session: AuthSession, rectificationId: string, text: string, call: CallOptions = {}) {
    const account = await this.deps.accounts.get(session.userId);
    const member = account.mobile ? await this.deps.staff.byMobile(account.mobile) : null;
    if (!member || member.role !== 'staff') throw new AppError(403, 'FORBIDDEN', '仅限工作人员使用');
    const now = this.deps.clock.now();
    const answered = await this.deps.models.rectifications
      .findOneAndUpdate(
        { _id: new Types.ObjectId(rectificationId), status: 'OPEN' },
        { $set: { status: 'ANSWERED', answer: { text, staffId: member.staffId, staffName: member.name, at: now } } },
        { returnDocument: 'after' },
      )
      .lean();
    if (!answered) {
      const exists = await this.deps.models.rectifications.exists({ _id: new Types.ObjectId(rectificationId) });
      if (!exists) throw new AppError(404, 'RECTIFICATION_NOT_FOUND', '未找到该整改事项');
      throw new AppError(409, 'ALREADY_ANSWERED', '该整改事项已答复');
    }
    await this.deps.notifier.send(
      {
        key: `rectification:${rectificationId}`,
        userId: answered.residentId,
        title: '您的评价已有整改答复',
        text: `【便民】您对“${answered.serviceLabel.slice(0, 40)}”的评价已有整改答复，请打开便民“我要问”查看。`,
        page: `pages/ask/index?rectificationId=${rectificationId}`,
      },
      call,
    );
    return presentRectification(answered, now);
  }
}
