// 督办 (operationId in the comment).
import { request } from './client';

export interface SupervisionSummary {
  period: { from: string; to: string };
  queries: { asked: number; answered: number; answeredLate: number; overdueNow: number };
  applications: { pastTimeLimit: number; note: string | null };
  rectifications: { open: number; overdue: number; answeredInPeriod: number };
  satisfaction: {
    ratings: number;
    byItem: Array<{ key: string | null; name: string | null; ratings: number; satisfiedRate: number }>;
    byHall: Array<{ key: string | null; name: string | null; ratings: number; satisfiedRate: number }>;
  };
}

/** getSupervisionSummary */
export const getSupervisionSummary = () => request<SupervisionSummary>('/supervision/summary');
