// Service-item catalogue (办事指南): listServiceItems, getServiceItem.
import { request } from './client';

export interface ServiceItem {
  code: string;
  name: string;
  department: string;
  moveCategory?: string;
  summary: string;
  timeLimitDays: number;
  visitsNeeded: number;
  onlineAvailable: boolean;
}

export interface ServiceGuide extends ServiceItem {
  conditions: string[];
  materials: Array<{ key: string; name: string; source: string; sourceName: string; required: boolean; note: string }>;
  legalTimeLimitDays: number;
  fee: string;
  legalBasis: string[];
  crossProvince: boolean;
  halls: Array<{ hallId: string; name: string; city: string; address: string; phone: string }>;
}

/** listServiceItems */
export function listServiceItems(q?: string): Promise<{ items: ServiceItem[] }> {
  return request(`/service-items${q ? `?q=${encodeURIComponent(q)}` : ''}`, { auth: false });
}

/** getServiceItem */
export function getServiceItem(code: string): Promise<ServiceGuide> {
  return request(`/service-items/${encodeURIComponent(code)}`, { auth: false });
}
