// What leaves the server about a thread. The resident's view is built from an allow-list of
// message kinds (only `message`), so an internal note cannot reach a resident by omission.
import { maskName } from '../../rules/masking';
import { LEVEL_TEXT } from '../ratings/rules';
import type { RatingDoc, RectificationDoc } from '../ratings/model';
import type { QuestionDoc, ThreadMessage } from './model';
import { STATUS_TEXT, workingDaysLate } from './rules';

export type Viewer = 'resident' | 'staff';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

export function isOverdue(doc: Pick<QuestionDoc, 'status' | 'firstRepliedAt' | 'firstReplyDueAt'>, now: Date) {
  return doc.status !== 'CLOSED' && !doc.firstRepliedAt && new Date(doc.firstReplyDueAt).getTime() < now.getTime();
}

function presentMessage(m: ThreadMessage, viewer: Viewer) {
  return {
    messageId: m.messageId,
    author: m.author,
    kind: m.kind,
    text: m.text,
    // Residents see the answering officer's surname only.
    staffName: m.staffName ? (viewer === 'staff' ? m.staffName : maskName(m.staffName)) : null,
    at: new Date(m.at).toISOString(),
  };
}

export function presentRectification(r: RectificationDoc, now: Date) {
  return {
    rectificationId: String(r._id),
    serviceRef: { type: r.serviceRef.type, id: r.serviceRef.id },
    serviceLabel: r.serviceLabel,
    level: r.level,
    levelText: LEVEL_TEXT[r.level],
    comment: r.comment,
    itemName: r.itemName,
    hallId: r.hallId,
    openedAt: new Date(r.openedAt).toISOString(),
    dueDay: r.dueDay,
    dueAt: new Date(r.dueAt).toISOString(),
    overdue: r.status === 'OPEN' && new Date(r.dueAt).getTime() < now.getTime(),
    status: r.status,
    statusText: r.status === 'OPEN' ? '整改中' : '已答复',
    answer: r.answer
      ? { text: r.answer.text, staffName: r.answer.staffName, at: new Date(r.answer.at).toISOString() }
      : null,
  };
}

export function presentQuestion(
  doc: QuestionDoc,
  viewer: Viewer,
  now: Date,
  rating: RatingDoc | null,
  rectification: RectificationDoc | null,
) {
  const visible = viewer === 'staff' ? doc.messages : doc.messages.filter((m) => m.kind === 'message');
  const overdue = isOverdue(doc, now);
  return {
    questionId: String(doc._id),
    title: doc.title,
    status: doc.status,
    statusText: STATUS_TEXT[doc.status],
    subject: doc.subject ?? null,
    createdAt: new Date(doc.createdAt).toISOString(),
    lastActivityAt: new Date(doc.lastActivityAt).toISOString(),
    firstReplyDueAt: new Date(doc.firstReplyDueAt).toISOString(),
    firstReplyDueDay: doc.firstReplyDueDay,
    firstRepliedAt: iso(doc.firstRepliedAt),
    closedAt: iso(doc.closedAt),
    messages: visible.map((m) => presentMessage(m, viewer)),
    canRate: viewer === 'resident' && doc.status === 'CLOSED' && !rating,
    rating: rating
      ? {
          ratingId: String(rating._id),
          level: rating.level,
          levelText: LEVEL_TEXT[rating.level],
          ratedAt: new Date(rating.ratedAt).toISOString(),
        }
      : null,
    rectification: rectification ? presentRectification(rectification, now) : null,
    ...(viewer === 'staff'
      ? {
          residentNameMasked: doc.residentNameMasked,
          assignee: doc.assigneeStaffId ? { staffId: doc.assigneeStaffId, name: doc.assigneeName } : null,
          overdue,
          workingDaysLate: overdue ? workingDaysLate(doc.firstReplyDueDay, now) : 0,
        }
      : {}),
  };
}

/** What an inbox row shows: the store sends these fields only (a thread's messages can be long). */
export const INBOX_ITEM_FIELDS = {
  title: 1,
  status: 1,
  subject: 1,
  residentNameMasked: 1,
  assigneeStaffId: 1,
  assigneeName: 1,
  createdAt: 1,
  lastActivityAt: 1,
  firstReplyDueAt: 1,
  firstReplyDueDay: 1,
  firstRepliedAt: 1,
  messageCount: 1,
} as const;

export type InboxItemDoc = Pick<QuestionDoc, '_id' | keyof typeof INBOX_ITEM_FIELDS>;

export function presentInboxItem(doc: InboxItemDoc, now: Date) {
  const overdue = isOverdue(doc, now);
  return {
    questionId: String(doc._id),
    title: doc.title,
    status: doc.status,
    statusText: STATUS_TEXT[doc.status],
    subject: doc.subject ?? null,
    residentNameMasked: doc.residentNameMasked,
    assignee: doc.assigneeStaffId ? { staffId: doc.assigneeStaffId, name: doc.assigneeName } : null,
    createdAt: new Date(doc.createdAt).toISOString(),
    lastActivityAt: new Date(doc.lastActivityAt).toISOString(),
    firstReplyDueAt: new Date(doc.firstReplyDueAt).toISOString(),
    firstRepliedAt: iso(doc.firstRepliedAt),
    overdue,
    workingDaysLate: overdue ? workingDaysLate(doc.firstReplyDueDay, now) : 0,
    messageCount: doc.messageCount,
  };
}
