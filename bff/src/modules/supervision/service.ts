// What supervisors watch (domain brief): queries past their first-reply target, applications
// past their time limit, rectification cases, and satisfaction by item and by hall over a
// period. Counts and groupings are aggregation pipelines run by the store.
import dayjs from 'dayjs';
import type { HallsClient } from '../../platform/halls';
import type { Logger } from '../../core/logger';
import { ZONE } from '../../core/time';
import type { MoveService } from '../moves/service';
import type { FeedbackClock } from '../questions/clock';
import type { QuestionModels } from '../questions/model';
import { presentRectification } from '../questions/presenters';
import { workingDaysLate } from '../questions/rules';
import type { RatingModels } from '../ratings/model';
import { INDICATORS } from '../ratings/rules';

export interface SupervisionDeps {
  questions: QuestionModels['questions'];
  ratings: RatingModels;
  /** Household-move applications: the ones past their time limit. */
  moves: Pick<MoveService, 'countPastTimeLimit'>;
  halls: HallsClient;
  clock: FeedbackClock;
  logger: Logger;
}

const DEFAULT_PERIOD_DAYS = 30;
const round = (n: number) => Math.round(n * 100) / 100;

interface Group {
  _id: string | null;
  name: string | null;
  ratings: number;
  scoreSum: number;
  satisfied: number;
  bad: number;
  [indicator: string]: unknown;
}

export class SupervisionService {
  constructor(private readonly deps: SupervisionDeps) {}

  async summary(query: { from?: string; to?: string }) {
    const now = this.deps.clock.now();
    const today = dayjs(now).tz(ZONE);
    const to = query.to ?? today.format('YYYY-MM-DD');
    const from =
      query.from ??
      dayjs
        .tz(to, ZONE)
        .subtract(DEFAULT_PERIOD_DAYS - 1, 'day')
        .format('YYYY-MM-DD');
    const start = dayjs.tz(from, ZONE).startOf('day').toDate();
    const end = dayjs.tz(to, ZONE).add(1, 'day').startOf('day').toDate();
    const { questions, ratings } = this.deps;

    const [queryCounts] = await questions.aggregate<{ asked: number; answered: number; answeredLate: number }>([
      { $match: { createdAt: { $gte: start, $lt: end } } },
      {
        $group: {
          _id: null,
          asked: { $sum: 1 },
          answered: { $sum: { $cond: [{ $ifNull: ['$firstRepliedAt', false] }, 1, 0] } },
          answeredLate: {
            $sum: {
              $cond: [
                { $and: [{ $ifNull: ['$firstRepliedAt', false] }, { $gt: ['$firstRepliedAt', '$firstReplyDueAt'] }] },
                1,
                0,
              ],
            },
          },
        },
      },
    ]);
    const overdueFilter = { inbox: 'AWAITING_FIRST_REPLY', firstReplyDueAt: { $lt: now } };
    const [overdueNow, overdueList] = await Promise.all([
      questions.countDocuments(overdueFilter),
      questions
        .find(overdueFilter, { title: 1, firstReplyDueAt: 1, firstReplyDueDay: 1, assigneeName: 1 })
        .sort({ firstReplyDueAt: 1 })
        .limit(20)
        .lean(),
    ]);

    const [openCount, overdueCases, answeredInPeriod, openCases] = await Promise.all([
      ratings.rectifications.countDocuments({ status: 'OPEN' }),
      ratings.rectifications.countDocuments({ status: 'OPEN', dueAt: { $lt: now } }),
      ratings.rectifications.countDocuments({ status: 'ANSWERED', 'answer.at': { $gte: start, $lt: end } }),
      ratings.rectifications.find({ status: 'OPEN' }).sort({ dueAt: 1 }).limit(20).lean(),
    ]);

    const [byItem, byHall] = await Promise.all([
      this.satisfaction('itemCode', 'itemName', start, end),
      this.satisfaction('hallId', null, start, end),
    ]);
    const hallNames = await this.hallNames();
    const applications = await this.applicationsPastTimeLimit(now);

    return {
      period: { from, to },
      now: now.toISOString(),
      queries: {
        asked: queryCounts?.asked ?? 0,
        answered: queryCounts?.answered ?? 0,
        answeredLate: queryCounts?.answeredLate ?? 0,
        overdueNow,
        overdue: overdueList.map((q) => ({
          questionId: String(q._id),
          title: q.title,
          firstReplyDueAt: new Date(q.firstReplyDueAt).toISOString(),
          workingDaysLate: workingDaysLate(q.firstReplyDueDay, now),
          assigneeName: q.assigneeName ?? null,
        })),
      },
      applications,
      rectifications: {
        open: openCount,
        overdue: overdueCases,
        answeredInPeriod,
        openCases: openCases.map((r) => presentRectification(r, now)),
      },
      satisfaction: {
        ratings: byItem.reduce((n, g) => n + g.ratings, 0),
        byItem,
        byHall: byHall.map((g) => ({ ...g, name: g.key ? (hallNames.get(g.key) ?? g.key) : '线上咨询（未分厅）' })),
      },
    };
  }

  private async satisfaction(key: 'itemCode' | 'hallId', nameField: 'itemName' | null, start: Date, end: Date) {
    const groups = await this.deps.ratings.ratings.aggregate<Group>([
      { $match: { ratedAt: { $gte: start, $lt: end } } },
      {
        $group: {
          _id: `$${key}`,
          name: { $first: nameField ? `$${nameField}` : null },
          ratings: { $sum: 1 },
          scoreSum: { $sum: '$score' },
          satisfied: { $sum: { $cond: [{ $gte: ['$score', 3] }, 1, 0] } },
          bad: { $sum: { $cond: [{ $lte: ['$score', 2] }, 1, 0] } },
          ...Object.fromEntries(INDICATORS.map((k) => [k, { $avg: `$indicators.${k}` }])),
        },
      },
      { $sort: { ratings: -1, _id: 1 } },
    ]);
    return groups.map((g) => ({
      key: g._id ?? null,
      name: g.name ?? (nameField ? '未关联事项' : null),
      ratings: g.ratings,
      averageScore: round(g.scoreSum / g.ratings),
      satisfiedRate: round(g.satisfied / g.ratings),
      badRatings: g.bad,
      indicators: Object.fromEntries(INDICATORS.map((k) => [k, round(Number(g[k] ?? 0))])),
    }));
  }

  /** Counted now, not over the period: an overdue application is overdue whenever it was filed. */
  private async applicationsPastTimeLimit(now: Date) {
    try {
      return { available: true, pastTimeLimit: await this.deps.moves.countPastTimeLimit(now), note: null };
    } catch (error) {
      // The rest of the summary is still worth showing while the case service is down.
      this.deps.logger.warn({ err: error }, 'supervision: applications past time limit unavailable');
      return { available: false, pastTimeLimit: 0, note: '办件系统暂时无法查询，超期办件暂未统计' };
    }
  }

  private async hallNames(): Promise<Map<string, string>> {
    try {
      return new Map((await this.deps.halls.listHalls({})).map((h) => [h.hallId, h.name]));
    } catch {
      return new Map(); // names are a nicety: the ids still identify the halls
    }
  }
}
