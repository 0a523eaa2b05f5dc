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
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export function serviceOfPath(path: string): ServiceName | null {
  const match = /^\/v1\/([a-z]+)(?:\/|$)/.exec(path);
  if (!match) return null;
  return (SERVICE_NAMES as readonly string[]).includes(match[1]) ? (match[1] as ServiceName) : null;
}
