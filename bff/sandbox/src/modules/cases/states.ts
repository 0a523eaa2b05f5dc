// The case states of the domain brief and the moves an examiner may make between them. Draft is
// kept by the BFF; a case starts SUBMITTED here. One table, so a city can read its process.
import type { CaseStatus } from './model';

export type ExaminerAction = 'accept' | 'review' | 'request-correction' | 'approve' | 'complete' | 'reject';

export const TRANSITIONS: Readonly<Record<ExaminerAction, { from: readonly CaseStatus[]; to: CaseStatus }>> = {
  accept: { from: ['SUBMITTED'], to: 'ACCEPTED' },
  review: { from: ['ACCEPTED'], to: 'UNDER_REVIEW' },
  'request-correction': { from: ['SUBMITTED', 'ACCEPTED', 'UNDER_REVIEW'], to: 'NEEDS_CORRECTION' },
  approve: { from: ['ACCEPTED', 'UNDER_REVIEW'], to: 'APPROVED' },
  complete: { from: ['APPROVED'], to: 'COMPLETED' },
  reject: { from: ['SUBMITTED', 'ACCEPTED', 'UNDER_REVIEW', 'NEEDS_CORRECTION'], to: 'REJECTED' },
};

export const STATUS_TITLES: Readonly<Record<CaseStatus, string>> = {
  SUBMITTED: '已提交，等待受理',
  ACCEPTED: '已受理',
  UNDER_REVIEW: '审核中',
  NEEDS_CORRECTION: '需要补正材料',
  APPROVED: '审核通过，准予迁入',
  COMPLETED: '已办结',
  REJECTED: '不予受理 / 驳回',
};

export const FINAL_STATUSES: readonly CaseStatus[] = ['COMPLETED', 'REJECTED'];
