// 办事进度: listMyApplications, getApplication.
import { request } from './client';
import type { Deadline, MoveApplication } from './moves';

export interface ApplicationSummary {
  applicationId: string;
  category: string;
  categoryName: string;
  itemName: string;
  status: string;
  statusText: string;
  caseId: string | null;
  deadline: Deadline | null;
  nextStep: string;
  updatedAt: string;
  submittedAt: string | null;
}

/** listMyApplications */
export function listMyApplications(quiet = false): Promise<{ applications: ApplicationSummary[] }> {
  return request('/applications', { quiet, noRetryPrompt: quiet });
}

/** getApplication */
export function getApplication(id: string): Promise<MoveApplication> {
  return request(`/applications/${id}`, { quiet: ['APPLICATION_NOT_FOUND'] });
}
