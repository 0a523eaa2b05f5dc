// The case-handling service: the destination's police take the application (one-stop: the
// resident never visits the origin), an examiner moves it through its states, and for a move
// from another city the origin's migration certificate is exchanged electronically and recorded
// on the timeline. Every change is a single conditional update on the case's version.
import { addWorkingDays, chinaDay, workingDaysBetween } from '../../../../src/rules/working-days';
import type { Deps } from '../../core/deps';
import { SandboxError } from '../../core/errors';
import { caseModels, type CaseDoc, type CaseEvent, type CaseMaterial, type CaseStatus, type Place } from './model';
import { FINAL_STATUSES, STATUS_TITLES, TRANSITIONS, type ExaminerAction } from './states';

export interface NewCase {
  externalRef: string;
  itemCode: string;
  itemName: string;
  category: string;
  timeLimitDays: number;
  applicant: { idNumber: string; name: string };
  origin: Place;
  destination: Place;
  materials: CaseMaterial[];
  consent: { at: string; services: string[]; statement: string };
  form: Record<string, unknown>;
}

export interface TransitionInput {
  action: ExaminerAction;
  items?: { materialKey: string | null; reason: string }[];
  reason?: string;
  actor?: string;
}

const caseNotFound = () => new SandboxError(404, 'CASE_NOT_FOUND', '未找到该办件');
const province = (divisionCode: string) => divisionCode.slice(0, 2);

export function createCaseService({ models, clock }: Deps) {
  const { Case, CaseCounter } = caseModels(models.Resident.db);

  async function nextNumber(prefix: string, now: Date): Promise<string> {
    const day = chinaDay(now).replace(/-/g, '');
    const counter = await CaseCounter.findOneAndUpdate(
      { _id: `${prefix}${day}` },
      { $inc: { value: 1 } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
    return `${prefix}${day}${String(counter!.value).padStart(6, '0')}`;
  }

  function event(doc: Pick<CaseDoc, 'events'>, partial: Omit<CaseEvent, 'no'>, offset = 0): CaseEvent {
    return { no: doc.events.length + 1 + offset, ...partial };
  }

  /** Applies `change` to the case read at `current` if nobody changed it meanwhile. */
  async function commit(current: CaseDoc, set: Partial<CaseDoc>, newEvents: CaseEvent[]): Promise<CaseDoc> {
    const updated = await Case.findOneAndUpdate(
      { _id: current._id, version: current.version },
      {
        $set: { ...set, updatedAt: clock.now(), version: current.version + 1 },
        $push: { events: { $each: newEvents } },
      },
      { returnDocument: 'after' },
    ).lean<CaseDoc>();
    if (!updated) throw new SandboxError(409, 'CASE_CHANGED', '该办件刚刚被他人处理，请刷新后再试');
    return updated;
  }

  async function load(caseId: string): Promise<CaseDoc> {
    const found = await Case.findById(caseId).lean<CaseDoc>();
    if (!found) throw caseNotFound();
    return found;
  }

  return {
    /** Takes an application. The same externalRef always gives the same case (safe to retry). */
    async create(input: NewCase): Promise<{ created: boolean; case: CaseDoc }> {
      const existing = await Case.findOne({ externalRef: input.externalRef }).lean<CaseDoc>();
      if (existing) return { created: false, case: existing };
      const now = clock.now();
      const crossCity = input.origin.divisionCode.slice(0, 4) !== input.destination.divisionCode.slice(0, 4);
      const crossProvince = province(input.origin.divisionCode) !== province(input.destination.divisionCode);
      const doc: CaseDoc = {
        _id: await nextNumber('QR', now),
        ...input,
        crossProvince,
        status: 'SUBMITTED',
        resumeStatus: null,
        corrections: [],
        rejectReason: null,
        migrationCertificate: null,
        movePermitNumber: null,
        submittedAt: now,
        acceptedAt: null,
        dueDate: null,
        pausedAt: null,
        decidedAt: null,
        completedAt: null,
        updatedAt: now,
        version: 1,
        events: [
          {
            no: 1,
            type: 'STATUS',
            status: 'SUBMITTED',
            at: now,
            title: STATUS_TITLES.SUBMITTED,
            detail: `${input.destination.policeStation}${crossProvince ? '（跨省通办：由迁入地受理，无需回迁出地）' : crossCity ? '（由迁入地受理，无需回迁出地）' : ''}`,
            actor: '申请人',
          },
        ],
      };
      try {
        await Case.create(doc);
        return { created: true, case: doc };
      } catch (error) {
        if ((error as { code?: number }).code === 11000) {
          const raced = await Case.findOne({ externalRef: input.externalRef }).lean<CaseDoc>();
          if (raced) return { created: false, case: raced };
        }
        throw error;
      }
    },

    get: load,

    async listForPerson(idNumber: string): Promise<CaseDoc[]> {
      return Case.find({ 'applicant.idNumber': idNumber }).sort({ submittedAt: -1 }).lean<CaseDoc[]>();
    },

    /** Cases changed since the given instant, oldest change first (a change feed for notifications). */
    async changesSince(since: Date, limit: number): Promise<CaseDoc[]> {
      return Case.find({ updatedAt: { $gte: since } })
        .sort({ updatedAt: 1, _id: 1 })
        .limit(limit)
        .lean<CaseDoc[]>();
    },

    async list(status?: CaseStatus): Promise<CaseDoc[]> {
      return Case.find(status ? { status } : {})
        .sort({ submittedAt: -1 })
        .limit(200)
        .lean<CaseDoc[]>();
    },

    /** An examiner's decision. */
    async transition(caseId: string, input: TransitionInput): Promise<CaseDoc> {
      const current = await load(caseId);
      const rule = TRANSITIONS[input.action];
      if (!rule.from.includes(current.status)) {
        throw new SandboxError(
          409,
          'TRANSITION_NOT_ALLOWED',
          `办件当前状态为“${STATUS_TITLES[current.status]}”，不能执行此操作`,
          { status: current.status },
        );
      }
      const now = clock.now();
      const actor = input.actor ?? `${current.destination.policeStation}审核人员`;
      const set: Partial<CaseDoc> = { status: rule.to };
      const events: CaseEvent[] = [];
      const push = (partial: Omit<CaseEvent, 'no'>) => events.push(event(current, partial, events.length));

      switch (input.action) {
        case 'accept': {
          set.acceptedAt = now;
          set.dueDate = addWorkingDays(now, current.timeLimitDays);
          push({
            type: 'STATUS',
            status: rule.to,
            at: now,
            title: STATUS_TITLES.ACCEPTED,
            detail: `承诺 ${current.timeLimitDays} 个工作日内办结，截止 ${set.dueDate}`,
            actor,
          });
          if (current.origin.divisionCode.slice(0, 4) !== current.destination.divisionCode.slice(0, 4)) {
            push({
              type: 'MIGRATION_CERT_REQUESTED',
              status: rule.to,
              at: now,
              title: '已向迁出地请求电子迁移证',
              detail: `迁入地已通过公安网向${current.origin.policeStation}发送迁移信息，${current.crossProvince ? '跨省通办，' : ''}申请人无需回迁出地办理`,
              actor: '户籍系统',
            });
          }
          break;
        }
        case 'review':
          push({ type: 'STATUS', status: rule.to, at: now, title: STATUS_TITLES.UNDER_REVIEW, detail: null, actor });
          break;
        case 'request-correction': {
          const items = input.items ?? [];
          if (items.length === 0)
            throw new SandboxError(400, 'INVALID_REQUEST', '请求参数不正确：items：请列出需要补正的内容');
          set.corrections = items;
          set.resumeStatus = current.status === 'SUBMITTED' ? 'SUBMITTED' : 'UNDER_REVIEW';
          set.pausedAt = now;
          push({
            type: 'STATUS',
            status: rule.to,
            at: now,
            title: STATUS_TITLES.NEEDS_CORRECTION,
            detail: items.map((i) => i.reason).join('；'),
            actor,
            items,
          });
          break;
        }
        case 'approve': {
          set.decidedAt = now;
          set.movePermitNumber = await nextNumber('ZQ', now);
          push({
            type: 'STATUS',
            status: rule.to,
            at: now,
            title: STATUS_TITLES.APPROVED,
            detail: `准迁证编号 ${set.movePermitNumber}`,
            actor,
          });
          if (current.origin.divisionCode.slice(0, 4) !== current.destination.divisionCode.slice(0, 4)) {
            const number = await nextNumber('QYZ', now);
            set.migrationCertificate = { number, issuedBy: current.origin.policeStation, exchangedAt: now };
            push({
              type: 'MIGRATION_CERT_RECEIVED',
              status: rule.to,
              at: now,
              title: '已收到迁出地电子迁移证',
              detail: `${current.origin.policeStation}签发电子迁移证 ${number}，原户籍已迁出`,
              actor: '户籍系统',
            });
          }
          break;
        }
        case 'complete':
          set.completedAt = now;
          push({
            type: 'STATUS',
            status: rule.to,
            at: now,
            title: STATUS_TITLES.COMPLETED,
            detail: `已在${current.destination.address}登记户口`,
            actor,
          });
          break;
        case 'reject': {
          const reason = input.reason?.trim();
          if (!reason)
            throw new SandboxError(400, 'INVALID_REQUEST', '请求参数不正确：reason：请说明不予受理或驳回的理由');
          set.rejectReason = reason;
          set.decidedAt = now;
          push({ type: 'STATUS', status: rule.to, at: now, title: STATUS_TITLES.REJECTED, detail: reason, actor });
          break;
        }
      }
      return commit(current, set, events);
    },

    /** The resident's corrected materials; the time limit resumes, extended by the time spent. */
    async submitCorrection(
      caseId: string,
      input: { idNumber: string; materials: CaseMaterial[]; note?: string },
    ): Promise<CaseDoc> {
      const current = await load(caseId);
      if (current.applicant.idNumber !== input.idNumber) throw caseNotFound();
      if (current.status !== 'NEEDS_CORRECTION') {
        throw new SandboxError(409, 'NOT_AWAITING_CORRECTION', '该办件当前不需要补正', { status: current.status });
      }
      const now = clock.now();
      const byKey = new Map(current.materials.map((mat) => [mat.key, mat]));
      for (const mat of input.materials) byKey.set(mat.key, mat);
      const resume = current.resumeStatus ?? 'UNDER_REVIEW';
      const paused = current.pausedAt ? workingDaysBetween(current.pausedAt, now) : 0;
      const set: Partial<CaseDoc> = {
        status: resume,
        materials: [...byKey.values()],
        corrections: [],
        resumeStatus: null,
        pausedAt: null,
        ...(current.dueDate && paused > 0 ? { dueDate: addWorkingDays(current.dueDate, paused) } : {}),
      };
      const events = [
        event(current, {
          type: 'CORRECTION_SUBMITTED',
          status: resume,
          at: now,
          title: '已提交补正材料',
          detail: [input.materials.map((mat) => mat.name).join('、'), input.note].filter(Boolean).join('；') || null,
          actor: '申请人',
        }),
        event(
          current,
          { type: 'STATUS', status: resume, at: now, title: STATUS_TITLES[resume], detail: null, actor: '户籍系统' },
          1,
        ),
      ];
      return commit(current, set, events);
    },

    isFinal: (status: CaseStatus) => FINAL_STATUSES.includes(status),
  };
}
