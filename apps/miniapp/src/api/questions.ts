// 我要问 and the staff inbox (operationIds in comments).
import { request } from './client';

export interface ThreadMessage {
  messageId: string;
  author: 'resident' | 'staff';
  kind: 'message' | 'note';
  text: string;
  staffName: string | null;
  at: string;
}

export interface Rectification {
  rectificationId: string;
  serviceLabel: string;
  levelText: string;
  comment: string | null;
  dueDay: string;
  overdue: boolean;
  status: 'OPEN' | 'ANSWERED';
  statusText: string;
  answer: { text: string; staffName: string; at: string } | null;
}

export interface Question {
  questionId: string;
  title: string;
  status: 'OPEN' | 'ANSWERED' | 'CLOSED';
  statusText: string;
  subject: { type: string; id: string; label: string } | null;
  createdAt: string;
  firstReplyDueDay: string;
  messages: ThreadMessage[];
  canRate: boolean;
  rating: { levelText: string } | null;
  rectification: Rectification | null;
  residentNameMasked?: string | null;
  assignee?: { staffId: string; name: string | null } | null;
  overdue?: boolean;
  workingDaysLate?: number;
}

export interface QuestionSummary {
  questionId: string;
  title: string;
  status: Question['status'];
  statusText: string;
  lastActivityAt: string;
  canRate: boolean;
}

export interface InboxItem {
  questionId: string;
  title: string;
  statusText: string;
  residentNameMasked: string | null;
  assignee: { staffId: string; name: string | null } | null;
  createdAt: string;
  overdue: boolean;
  workingDaysLate: number;
}

export interface FaqEntry {
  faqId: string;
  itemName: string;
  question: string;
  answer: string;
}

export type InboxFilter = 'unassigned' | 'mine' | 'waiting' | 'overdue' | 'open';

/** suggestFaq */
export const suggestFaq = (q: string) =>
  request<{ entries: FaqEntry[] }>(`/questions/faq?q=${encodeURIComponent(q)}`, { quiet: true, noRetryPrompt: true });

/** askQuestion */
export const askQuestion = (text: string) => request<Question>('/questions', { method: 'POST', data: { text } });

/** listMyQuestions */
export const listMyQuestions = () => request<{ questions: QuestionSummary[] }>('/questions');

/** getQuestion */
export const getQuestion = (id: string) => request<Question>(`/questions/${id}`);

/** replyToQuestion */
export const replyToQuestion = (id: string, body: { text?: string; cannedId?: string; internal?: boolean }) =>
  request<Question>(`/questions/${id}/replies`, { method: 'POST', data: body });

/** closeQuestion */
export const closeQuestion = (id: string) => request<Question>(`/questions/${id}/close`, { method: 'POST', data: {} });

/** reopenQuestion */
export const reopenQuestion = (id: string) =>
  request<Question>(`/questions/${id}/reopen`, { method: 'POST', data: {} });

/** listInbox */
export const listInbox = (filter: InboxFilter) => request<{ items: InboxItem[] }>(`/inbox?filter=${filter}&limit=30`);

/** assignQuestion */
export const assignQuestion = (id: string, mode: 'take' | 'auto') =>
  request<Question>(`/questions/${id}/assignment`, { method: 'POST', data: { mode } });

/** listCannedAnswers */
export const listCannedAnswers = () =>
  request<{ answers: Array<{ cannedId: string; title: string; text: string }> }>('/inbox/canned-answers');
