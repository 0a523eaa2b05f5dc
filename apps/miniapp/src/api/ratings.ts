// 好差评 and rectification cases (operationIds in comments).
import type { Rectification } from './questions';
import { request } from './client';

export type RatingLevel = 'VERY_SATISFIED' | 'SATISFIED' | 'BASICALLY_SATISFIED' | 'DISSATISFIED' | 'VERY_DISSATISFIED';
export type Indicators = Record<'overall' | 'efficiency' | 'guideAccuracy' | 'convenience' | 'easeOfUse', number>;

/** rateService */
export const rateService = (body: {
  serviceRef: { type: 'question' | 'appointment' | 'application'; id: string };
  level: RatingLevel;
  indicators: Indicators;
  comment?: string;
}) => request<{ levelText: string; rectification: Rectification | null }>('/ratings', { method: 'POST', data: body });

/** listRectifications */
export const listRectifications = (status: 'OPEN' | 'ANSWERED' | 'ALL' = 'ALL') =>
  request<{ rectifications: Rectification[] }>(`/rectifications?status=${status}`);

/** answerRectification */
export const answerRectification = (id: string, text: string) =>
  request<Rectification>(`/rectifications/${id}/answer`, { method: 'POST', data: { text } });
