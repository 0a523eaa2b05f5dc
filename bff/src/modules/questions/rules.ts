// Query rules in one place (a city changes them here): the first-reply target, thread limits,
// the inbox views and the canned answers with their placeholders.
import { addWorkingDays, chinaDay, endOfChinaDay, workingDaysBetween } from '../../rules/working-days';

/** First-reply target: by the end of the next working day after the question was asked. */
export const FIRST_REPLY_WORKING_DAYS = 1;

export const TITLE_LENGTH = 30;
export const MAX_MESSAGES = 200;

export type QuestionStatus = 'OPEN' | 'ANSWERED' | 'CLOSED';

export const STATUS_TEXT: Record<QuestionStatus, string> = {
  OPEN: '待回复',
  ANSWERED: '已回复，待您确认',
  CLOSED: '已结束',
};

export function firstReplyDue(askedAt: Date): { day: string; at: Date } {
  const day = addWorkingDays(askedAt, FIRST_REPLY_WORKING_DAYS);
  return { day, at: endOfChinaDay(day) };
}

/** Whole working days a target has been missed by (0 until its day has ended). */
export function workingDaysLate(dueDay: string, now: Date): number {
  return workingDaysBetween(dueDay, chinaDay(now));
}

export type InboxFilter = 'unassigned' | 'mine' | 'waiting' | 'overdue' | 'open';

/**
 * The inbox views a thread belongs to, kept on the thread as a multikey field and rewritten by
 * every state change. One indexed equality per view ({inbox, lastActivityAt} and
 * {inbox, firstReplyDueAt}) serves each filter without scanning closed threads.
 */
export function inboxTags(state: {
  status: QuestionStatus;
  assigneeStaffId: string | null;
  firstRepliedAt: Date | null;
}): string[] {
  if (state.status === 'CLOSED') return ['CLOSED'];
  const tags = ['OPEN'];
  if (!state.assigneeStaffId) tags.push('UNASSIGNED');
  else tags.push(`MINE:${state.assigneeStaffId}`);
  if (state.status === 'ANSWERED') tags.push('WAITING');
  if (!state.firstRepliedAt) tags.push('AWAITING_FIRST_REPLY');
  return tags;
}

export interface CannedAnswer {
  cannedId: string;
  title: string;
  text: string;
}

/** Placeholders: {name} = the resident's masked name, {item} = the item asked about. */
export const CANNED_ANSWERS: readonly CannedAnswer[] = [
  {
    cannedId: 'materials',
    title: '材料说明',
    text: '{name}您好，办理{item}所需材料以办事指南为准；部门已掌握的证照经您同意后由系统调取，无需重复提交。',
  },
  {
    cannedId: 'time-limit',
    title: '办理时限',
    text: '{name}您好，{item}的承诺时限按工作日计算，自受理次日起算，进度可在"查进度"中查看。',
  },
  {
    cannedId: 'appointment',
    title: '预约提醒',
    text: '{name}您好，办理{item}建议先在"预约办事"中预约，到厅后凭签到码签到，减少排队时间。',
  },
  {
    cannedId: 'more-info',
    title: '请补充信息',
    text: '{name}您好，为准确答复您关于{item}的问题，请补充说明您的具体情况（如户籍所在地、办理类别）。',
  },
];

export function renderCanned(template: string, values: { name: string | null; item: string | null }): string {
  return template.replaceAll('{name}', values.name ?? '').replaceAll('{item}', values.item ?? '该事项');
}
