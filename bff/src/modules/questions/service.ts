// Query threads: residents ask and follow up; staff take, hand over or auto-assign, answer
// (free text or a canned answer), add internal notes, close and reopen. Every change is one
// conditional update of the thread guarded by its version (no transactions needed).
import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import type { CallOptions } from '../../core/budget';
import { AppError } from '../../core/errors';
import type { AuthSession } from '../../core/principal';
import type { Platform } from '../../platform';
import type { FaqClient } from '../../platform/faq';
import type { HallsClient } from '../../platform/halls';
import type { StaffRosterClient } from '../../platform/staff-roster';
import type { AccountService } from '../accounts/service';
import type { RatingModels } from '../ratings/model';
import type { FeedbackClock } from './clock';
import type { QuestionDoc, QuestionModels, SubjectType, ThreadMessage } from './model';
import type { Notifier } from './notify';
import { INBOX_ITEM_FIELDS, presentInboxItem, presentQuestion, type InboxItemDoc, type Viewer } from './presenters';
import {
  CANNED_ANSWERS,
  MAX_MESSAGES,
  TITLE_LENGTH,
  firstReplyDue,
  inboxTags,
  renderCanned,
  type InboxFilter,
  type QuestionStatus,
} from './rules';

export interface QuestionServiceDeps {
  models: QuestionModels;
  ratings: RatingModels;
  accounts: AccountService;
  platform: Pick<Platform, 'staff'>;
  faq: FaqClient;
  roster: StaffRosterClient;
  halls: HallsClient;
  notifier: Notifier;
  clock: FeedbackClock;
}

interface StaffMember {
  staffId: string;
  name: string;
  hallId: string | null;
}

type Change = {
  set?: Partial<
    Pick<
      QuestionDoc,
      'status' | 'assigneeStaffId' | 'assigneeName' | 'hallId' | 'firstRepliedAt' | 'closedAt' | 'lastActivityAt'
    >
  >;
  push?: ThreadMessage;
};

const notFound = () => new AppError(404, 'QUESTION_NOT_FOUND', '未找到该咨询');
const closed = () => new AppError(409, 'QUESTION_CLOSED', '该咨询已结束，如有新问题请重新提问');
const newMessageId = () => randomBytes(8).toString('hex');

export class QuestionService {
  constructor(private readonly deps: QuestionServiceDeps) {}

  private now() {
    return this.deps.clock.now();
  }

  // ---- resident -------------------------------------------------------------------------

  async ask(
    session: AuthSession,
    body: { text: string; subject?: { type: SubjectType; id: string } },
    call: CallOptions,
  ) {
    const subject = body.subject ? await this.resolveSubject(session, body.subject, call) : null;
    const now = this.now();
    const due = firstReplyDue(now);
    const state = { status: 'OPEN' as QuestionStatus, assigneeStaffId: null, firstRepliedAt: null };
    const doc = await this.deps.models.questions.create({
      residentId: new Types.ObjectId(session.userId),
      residentNameMasked: session.user.nameMasked ?? null,
      subject: subject?.ref ?? null,
      itemCode: subject?.itemCode ?? null,
      itemName: subject?.itemName ?? null,
      title: body.text.replace(/\s+/g, ' ').slice(0, TITLE_LENGTH),
      ...state,
      assigneeName: null,
      hallId: null,
      createdAt: now,
      firstReplyDueDay: due.day,
      firstReplyDueAt: due.at,
      lastActivityAt: now,
      closedAt: null,
      inbox: inboxTags(state),
      messages: [{ messageId: newMessageId(), author: 'resident', kind: 'message', text: body.text, at: now }],
      messageCount: 1,
      version: 0,
    });
    return presentQuestion(doc.toObject(), 'resident', now, null, null);
  }

  /**
   * A reference to what the question is about. Items are checked against the catalogue and
   * appointments against the resident's own bookings at the hall service. Applications are
   * stored as given (verified: false) until the applications module offers an ownership check.
   */
  private async resolveSubject(session: AuthSession, ref: { type: SubjectType; id: string }, call: CallOptions) {
    if (ref.type === 'item') {
      const item = (await this.deps.faq.items(call)).find((i) => i.code === ref.id);
      if (!item) throw new AppError(404, 'SUBJECT_NOT_FOUND', '未找到该办事事项');
      return { ref: { ...ref, label: item.name, verified: true }, itemCode: item.code, itemName: item.name };
    }
    if (ref.type === 'appointment') {
      const appointment = (await this.deps.halls.listAppointments(await this.idNumberOf(session))).find(
        (a) => a.appointmentId === ref.id,
      );
      if (!appointment) throw new AppError(404, 'SUBJECT_NOT_FOUND', '未找到您的这条预约');
      return {
        ref: {
          ...ref,
          label: `预约：${appointment.itemName} ${appointment.date} ${appointment.start}`,
          verified: true,
        },
        itemCode: appointment.itemCode,
        itemName: appointment.itemName,
      };
    }
    return { ref: { ...ref, label: `我的申请 ${ref.id}`, verified: false }, itemCode: null, itemName: null };
  }

  async listMine(session: AuthSession) {
    const docs = await this.deps.models.questions
      .find({ residentId: new Types.ObjectId(session.userId) }, { messages: 0 })
      .sort({ lastActivityAt: -1, _id: -1 })
      .limit(100)
      .lean<Omit<QuestionDoc, 'messages'>[]>();
    const rated = new Set(
      (
        await this.deps.ratings.ratings
          .find(
            { 'serviceRef.type': 'question', 'serviceRef.id': { $in: docs.map((d) => String(d._id)) } },
            { serviceRef: 1 },
          )
          .lean()
      ).map((r) => r.serviceRef.id),
    );
    return {
      questions: docs.map((d) => ({
        questionId: String(d._id),
        title: d.title,
        status: d.status,
        statusText: presentInboxItem(d, this.now()).statusText,
        subject: d.subject ?? null,
        createdAt: new Date(d.createdAt).toISOString(),
        lastActivityAt: new Date(d.lastActivityAt).toISOString(),
        messageCount: d.messageCount,
        canRate: d.status === 'CLOSED' && !rated.has(String(d._id)),
      })),
    };
  }

  // ---- both sides -----------------------------------------------------------------------

  async get(session: AuthSession, questionId: string) {
    const doc = await this.load(questionId);
    const viewer = this.viewerOf(session, doc);
    return this.view(doc, viewer);
  }

  async reply(
    session: AuthSession,
    questionId: string,
    body: { text?: string; cannedId?: string; internal: boolean },
    call: CallOptions,
  ) {
    if (session.role === 'resident') return this.residentReply(session, questionId, body);
    const me = await this.staffMember(session, call);
    let text = body.text ?? '';
    let cannedId: string | undefined;
    const now = this.now();
    const messageId = newMessageId();
    const updated = await this.change(questionId, (doc) => {
      if (doc.status === 'CLOSED') throw closed();
      if (doc.assigneeStaffId && doc.assigneeStaffId !== me.staffId)
        throw new AppError(409, 'ASSIGNED_TO_OTHER', `该咨询已由${doc.assigneeName ?? '其他同事'}处理`);
      if (body.cannedId) {
        const canned = CANNED_ANSWERS.find((c) => c.cannedId === body.cannedId);
        if (!canned) throw new AppError(404, 'CANNED_ANSWER_NOT_FOUND', '未找到该常用回复');
        cannedId = canned.cannedId;
        const rendered = renderCanned(canned.text, {
          name: doc.residentNameMasked,
          item: doc.itemName ?? doc.subject?.label ?? null,
        });
        text = body.text ? `${rendered}\n${body.text}` : rendered;
      }
      const message: ThreadMessage = {
        messageId,
        author: 'staff',
        kind: body.internal ? 'note' : 'message',
        text,
        staffId: me.staffId,
        staffName: me.name,
        ...(cannedId ? { cannedId } : {}),
        at: now,
      };
      if (body.internal) return { push: message };
      return {
        push: message,
        set: {
          status: 'ANSWERED',
          firstRepliedAt: doc.firstRepliedAt ?? now,
          lastActivityAt: now,
          ...(doc.assigneeStaffId ? {} : { assigneeStaffId: me.staffId, assigneeName: me.name, hallId: me.hallId }),
        },
      };
    });
    if (!body.internal) {
      await this.deps.notifier.send(
        {
          key: `question:${questionId}:${messageId}`,
          userId: updated.residentId,
          title: '您的咨询有了新回复',
          text: `【便民】您咨询的“${updated.title}”已有工作人员回复，请打开便民查看。`,
          page: `pages/ask/index?questionId=${questionId}`,
        },
        call,
      );
    }
    return this.view(updated, 'staff');
  }

  private async residentReply(
    session: AuthSession,
    questionId: string,
    body: { text?: string; cannedId?: string; internal: boolean },
  ) {
    if (body.cannedId || body.internal || !body.text)
      throw new AppError(400, 'VALIDATION_FAILED', '请输入补充内容', {
        fields: [{ path: 'text', message: '请输入补充内容' }],
      });
    const now = this.now();
    const updated = await this.change(questionId, (doc) => {
      this.viewerOf(session, doc);
      if (doc.status === 'CLOSED') throw closed();
      return {
        push: { messageId: newMessageId(), author: 'resident', kind: 'message', text: body.text!, at: now },
        set: { status: 'OPEN', lastActivityAt: now },
      };
    });
    return this.view(updated, 'resident');
  }

  async close(session: AuthSession, questionId: string) {
    const now = this.now();
    const updated = await this.change(questionId, (doc) => {
      this.viewerOf(session, doc);
      if (doc.status === 'CLOSED') return {};
      return { set: { status: 'CLOSED', closedAt: now, lastActivityAt: now } };
    });
    return this.view(updated, session.role === 'resident' ? 'resident' : 'staff');
  }

  async reopen(session: AuthSession, questionId: string) {
    await this.staffIdOf(session);
    const now = this.now();
    const updated = await this.change(questionId, (doc) => {
      if (doc.status !== 'CLOSED') return {};
      return { set: { status: 'OPEN', closedAt: null, lastActivityAt: now } };
    });
    return this.view(updated, 'staff');
  }

  // ---- staff ----------------------------------------------------------------------------

  async inbox(session: AuthSession, query: { filter: InboxFilter; limit: number; offset: number }) {
    const now = this.now();
    let filter: Record<string, unknown>;
    let sort: Record<string, 1 | -1>;
    switch (query.filter) {
      case 'unassigned':
        // Oldest first: whoever has waited longest is served first.
        filter = { inbox: 'UNASSIGNED' };
        sort = { lastActivityAt: 1, _id: 1 };
        break;
      case 'mine':
        filter = { inbox: `MINE:${await this.staffIdOf(session)}` };
        sort = { lastActivityAt: -1, _id: -1 };
        break;
      case 'waiting':
        filter = { inbox: 'WAITING' };
        sort = { lastActivityAt: -1, _id: -1 };
        break;
      case 'overdue':
        filter = { inbox: 'AWAITING_FIRST_REPLY', firstReplyDueAt: { $lt: now } };
        sort = { firstReplyDueAt: 1, _id: 1 };
        break;
      default:
        filter = { inbox: 'OPEN' };
        sort = { lastActivityAt: -1, _id: -1 };
    }
    const docs = await this.deps.models.questions
      .find(filter, INBOX_ITEM_FIELDS)
      .sort(sort)
      .skip(query.offset)
      .limit(query.limit + 1)
      .lean<InboxItemDoc[]>();
    return {
      filter: query.filter,
      items: docs.slice(0, query.limit).map((d) => presentInboxItem(d, now)),
      offset: query.offset,
      hasMore: docs.length > query.limit,
      now: now.toISOString(),
    };
  }

  async assign(
    session: AuthSession,
    questionId: string,
    body: { mode: 'take' | 'colleague' | 'auto'; staffId?: string },
    call: CallOptions,
  ) {
    const me = await this.staffMember(session, call);
    let target: StaffMember;
    if (body.mode === 'take') target = me;
    else if (body.mode === 'colleague') target = await this.colleague(body.staffId!, call);
    else target = await this.nextOnDuty(me, call);

    const updated = await this.change(questionId, (doc) => {
      if (doc.status === 'CLOSED') throw closed();
      if (doc.assigneeStaffId === target.staffId) return {};
      const handingOver = body.mode === 'colleague' && doc.assigneeStaffId === me.staffId;
      if (doc.assigneeStaffId && !handingOver)
        throw new AppError(409, 'ALREADY_ASSIGNED', `该咨询已由${doc.assigneeName ?? '其他同事'}处理`);
      return {
        set: { assigneeStaffId: target.staffId, assigneeName: target.name, hallId: target.hallId },
        push: {
          messageId: newMessageId(),
          author: 'staff',
          kind: 'note',
          text:
            body.mode === 'take'
              ? `${me.name} 认领`
              : body.mode === 'auto'
                ? `系统轮流分派给 ${target.name}`
                : `${me.name} 转交给 ${target.name}`,
          staffId: me.staffId,
          staffName: me.name,
          at: this.now(),
        },
      };
    });
    return this.view(updated, 'staff');
  }

  private async colleague(staffId: string, call: CallOptions): Promise<StaffMember> {
    const member = (await this.deps.roster.list({ role: 'staff' }, call)).find((m) => m.staffId === staffId);
    if (!member) throw new AppError(404, 'STAFF_NOT_FOUND', '未找到该工作人员');
    if (!member.onDuty) throw new AppError(422, 'STAFF_NOT_ON_DUTY', `${member.name} 今日不在岗，请转交给在岗同事`);
    return { staffId: member.staffId, name: member.name, hallId: member.hallId };
  }

  /**
   * Round-robin among the staff on duty in the caller's hall, in staffId order. The position is
   * one atomic $inc on a per-hall cursor document, so concurrent assignments never pick the same
   * turn, whichever BFF instance serves them.
   */
  private async nextOnDuty(me: StaffMember, call: CallOptions): Promise<StaffMember> {
    const team = me.hallId ? await this.deps.roster.list({ role: 'staff', hallId: me.hallId, onDuty: true }, call) : [];
    if (team.length === 0) throw new AppError(422, 'NO_STAFF_ON_DUTY', '本厅当前没有在岗工作人员，请稍后再分派');
    const cursor = await this.deps.models.cursors
      .findOneAndUpdate({ _id: `hall:${me.hallId}` }, { $inc: { n: 1 } }, { upsert: true, returnDocument: 'after' })
      .lean();
    const pick = team[((cursor?.n ?? 1) - 1) % team.length];
    return { staffId: pick.staffId, name: pick.name, hallId: pick.hallId };
  }

  async suggestFaq(q: string, itemCode: string | undefined, call: CallOptions) {
    const entries = await this.deps.faq.search(q, { itemCode, limit: 5 }, call);
    return { entries: entries.map(({ score: _score, ...entry }) => entry) };
  }

  async topics(call: CallOptions) {
    return { items: await this.deps.faq.items(call) };
  }

  cannedAnswers() {
    return { answers: CANNED_ANSWERS.map((c) => ({ ...c })) };
  }

  // ---- helpers --------------------------------------------------------------------------

  private async load(questionId: string): Promise<QuestionDoc> {
    const doc = await this.deps.models.questions.findById(questionId).lean<QuestionDoc>();
    if (!doc) throw notFound();
    return doc;
  }

  /** Residents reach their own threads only (another's answers "not found", not "forbidden"). */
  private viewerOf(session: AuthSession, doc: QuestionDoc): Viewer {
    if (session.role === 'staff' || session.role === 'supervisor') return 'staff';
    if (session.role === 'resident' && String(doc.residentId) === session.userId) return 'resident';
    throw notFound();
  }

  private async view(doc: QuestionDoc, viewer: Viewer) {
    const rating = await this.deps.ratings.ratings
      .findOne({ 'serviceRef.type': 'question', 'serviceRef.id': String(doc._id) })
      .lean();
    const rectification = rating?.rectificationId
      ? await this.deps.ratings.rectifications.findById(rating.rectificationId).lean()
      : null;
    return presentQuestion(doc, viewer, this.now(), rating, rectification);
  }

  /** Applies one change as a conditional update on the version it was computed from. */
  private async change(questionId: string, decide: (doc: QuestionDoc) => Change): Promise<QuestionDoc> {
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const doc = await this.load(questionId);
      const { set = {}, push } = decide(doc);
      if (!push && Object.keys(set).length === 0) return doc;
      if (push && doc.messageCount >= MAX_MESSAGES)
        throw new AppError(409, 'THREAD_FULL', '该咨询的消息已达上限，请结束后重新提问');
      const next = { ...doc, ...set };
      const update: Record<string, unknown> = {
        $set: { ...set, inbox: inboxTags(next) },
        $inc: { version: 1, ...(push ? { messageCount: 1 } : {}) },
        ...(push ? { $push: { messages: push } } : {}),
      };
      const updated = await this.deps.models.questions
        .findOneAndUpdate({ _id: doc._id, version: doc.version }, update, { returnDocument: 'after' })
        .lean<QuestionDoc>();
      if (updated) return updated;
    }
    throw new AppError(409, 'QUESTION_CHANGED', '该咨询刚被他人更新，请刷新后再试');
  }

  private async staffIdOf(session: AuthSession): Promise<string> {
    // Sessions opened since staffId is kept on them answer without a read; older ones look it up.
    if (session.staffId) return session.staffId;
    const account = await this.deps.accounts.get(session.userId);
    if (!account.staffId) throw new AppError(403, 'FORBIDDEN', '仅限工作人员使用');
    return account.staffId;
  }

  /** The caller as the staff directory knows them (name and hall), for replies and assignment. */
  private async staffMember(session: AuthSession, call: CallOptions): Promise<StaffMember> {
    const account = await this.deps.accounts.get(session.userId);
    const entry =
      account.staffId && account.mobile ? await this.deps.platform.staff.byMobile(account.mobile, call) : null;
    if (!entry || entry.role !== 'staff') throw new AppError(403, 'FORBIDDEN', '仅限工作人员使用');
    return { staffId: entry.staffId, name: entry.name, hallId: entry.hallId ?? null };
  }

  private async idNumberOf(session: AuthSession): Promise<string> {
    const account = await this.deps.accounts.get(session.userId);
    const identity = this.deps.accounts.revealIdentity(account);
    if (!identity)
      throw new AppError(403, 'LEVEL_REQUIRED', '询问预约相关问题需要先完成实名认证', { requiredLevel: 'REAL_NAME' });
    return identity.idNumber;
  }
}
