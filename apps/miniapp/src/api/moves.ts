// Household moves: checkMoveEligibility, createMoveApplication, updateMoveApplication,
// uploadMoveMaterial, submitMoveApplication.
import Taro from '@tarojs/taro';
import { apiBase, request } from './client';
import { ApiError, isApiErrorBody } from './errors';
import { getToken } from './session';

export type MoveCategory = 'PROPERTY' | 'SPOUSE' | 'ELDERLY_PARENT' | 'CHILD' | 'TALENT' | 'EMPLOYMENT';
export const MOVE_CATEGORIES: MoveCategory[] = [
  'PROPERTY',
  'SPOUSE',
  'ELDERLY_PARENT',
  'CHILD',
  'TALENT',
  'EMPLOYMENT',
];

export interface MoveMaterial {
  key: string;
  name: string;
  source: string;
  sourceName: string;
  mode: 'fetch' | 'upload';
  note: string;
  available: boolean;
  trustLevel: 'A' | 'B' | 'C' | 'D' | null;
  issuer: string | null;
  reference: string | null;
  fileName: string | null;
  size: number | null;
}

export interface Eligibility {
  category: MoveCategory;
  itemCode: string;
  itemName: string;
  eligible: boolean;
  failing: string | null;
  checks: Array<{ key: string; passed: boolean; message: string }>;
  destination: { city: string; address: string } | null;
  titles?: Array<{ titleId: string; certificateNumber: string; location: string; status: string }>;
  materials: MoveMaterial[];
  timeLimitDays: number;
}

export interface MoveFormInput {
  titleId?: string;
  relative?: { name: string; idNumber: string };
  destinationCity?: string;
  contactMobile?: string;
  promise?: boolean;
}

export interface Deadline {
  timeLimitDays: number;
  dueDate: string | null;
  estimated: boolean;
  remainingWorkingDays: number | null;
  overdue: boolean;
  paused: boolean;
}

export interface MoveApplication {
  applicationId: string;
  category: MoveCategory;
  categoryName: string;
  itemCode: string;
  itemName: string;
  status: string;
  statusText: string;
  version: number;
  step: number;
  form: {
    titleId?: string;
    relativeName?: string;
    relativeIdNumberMasked?: string;
    destinationCity?: string;
    contactMobile?: string;
    promise?: boolean;
  };
  materials: MoveMaterial[];
  missing: Array<{ key: string; message: string }>;
  /** Set while a draft untouched for `afterDays` has lost its uploaded files (until the next upload). */
  uploadsDeleted: { at: string; afterDays: number } | null;
  caseId: string | null;
  crossProvince: boolean | null;
  destination: { city: string; address: string } | null;
  timeline: Array<{ at: string; status: string; title: string; detail: string | null; actor: string }>;
  deadline: Deadline | null;
  corrections: Array<{ materialKey: string | null; materialName: string | null; reason: string }>;
  rejectReason: string | null;
  nextStep: string;
  followAt: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
}

export interface EligibilityInput {
  category: MoveCategory;
  titleId?: string;
  relative?: { name: string; idNumber: string };
  destinationCity?: string;
}

/** checkMoveEligibility */
export function checkMoveEligibility(input: EligibilityInput): Promise<Eligibility> {
  return request('/moves/eligibility', {
    method: 'POST',
    data: input,
    quiet: ['RELATIVE_ID_NUMBER_INVALID', 'VALIDATION_FAILED'],
  });
}

/** createMoveApplication */
export function createMoveApplication(input: {
  category: MoveCategory;
  form?: MoveFormInput;
  step?: number;
}): Promise<MoveApplication> {
  return request('/moves/applications', { method: 'POST', data: input });
}

/** updateMoveApplication: `version` is the one last read; 409 VERSION_CONFLICT when another device saved first. */
export function updateMoveApplication(
  id: string,
  input: { version: number; form?: MoveFormInput; step?: number },
): Promise<MoveApplication> {
  return request(`/moves/applications/${id}`, {
    method: 'PATCH',
    data: input,
    quiet: ['VERSION_CONFLICT'],
    noRetryPrompt: true,
  });
}

/** submitMoveApplication (also sends corrections); the key makes a retried tap submit once. */
export function submitMoveApplication(id: string, consent: boolean, idempotencyKey: string): Promise<MoveApplication> {
  return request(`/moves/applications/${id}/submit`, {
    method: 'POST',
    data: { consent },
    headers: { 'Idempotency-Key': idempotencyKey },
    quiet: ['APPLICATION_INCOMPLETE', 'NOT_ELIGIBLE'],
  });
}

export function newSubmitKey(): string {
  return `mv-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

export const UPLOAD_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
};
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/**
 * uploadMoveMaterial: the request body is the file itself (jpg/png/pdf, at most 5 MB). H5 sends the
 * browser's File; the mini-program reads the chosen file into an ArrayBuffer.
 */
export async function uploadMoveMaterial(
  id: string,
  materialKey: string,
  file: { data: ArrayBuffer | Blob; type: string },
): Promise<MoveApplication> {
  const url = `${apiBase()}/moves/applications/${id}/materials/${materialKey}`;
  const headers: Record<string, string> = { 'Content-Type': file.type };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (process.env.TARO_ENV === 'h5') {
    const res = await fetch(url, { method: 'PUT', headers, body: file.data });
    const body = (await res.json()) as unknown;
    if (!res.ok)
      throw isApiErrorBody(body)
        ? new ApiError(res.status, body.error, body.requestId)
        : new ApiError(res.status, { code: 'UPLOAD_FAILED', message: '上传失败，请重试' });
    return body as MoveApplication;
  }
  const res = await Taro.request({
    url,
    method: 'PUT',
    header: headers,
    data: file.data as ArrayBuffer,
    dataType: 'json',
  });
  if (res.statusCode >= 400) {
    const body = res.data as unknown;
    throw isApiErrorBody(body)
      ? new ApiError(res.statusCode, body.error, body.requestId)
      : new ApiError(res.statusCode, { code: 'UPLOAD_FAILED', message: '上传失败，请重试' });
  }
  return res.data as MoveApplication;
}
