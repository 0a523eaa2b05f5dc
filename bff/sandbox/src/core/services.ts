// The platform services the sandbox stands in for. The name is the first path segment under
// /v1 and the key for fault injection; later modules add theirs here.
export const SERVICE_NAMES = [
  'wechat',
  'sms',
  'identity',
  'staff',
  'realestate',
  'licence',
  'hall',
  'household',
  'case',
  'catalogue',
  'faq',
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Path segments that are the plural of their service's name. */
const PATH_ALIASES: Record<string, ServiceName> = { halls: 'hall', cases: 'case', licences: 'licence' };

export function serviceOfPath(path: string): ServiceName | null {
  const match = /^\/v1\/([a-z]+)(?:\/|$)/.exec(path);
  if (!match) return null;
  const segment = PATH_ALIASES[match[1]] ?? match[1];
  return (SERVICE_NAMES as readonly string[]).includes(segment) ? (segment as ServiceName) : null;
}
