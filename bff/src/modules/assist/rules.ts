// Rules of community assistance (帮办代办) in one place, so a city can change them without
// touching the flows. Simplifications are named where they are made.
export const ASSIST_MODES = ['ASSIST', 'PROXY'] as const;
export type AssistMode = (typeof ASSIST_MODES)[number];

export const MODE_NAMES: Record<AssistMode, string> = {
  ASSIST: '帮办（居民本人办理，帮办员协助）',
  PROXY: '代办（帮办员代居民办理）',
};

/** A grant lasts at most a few hours: long enough for a visit, short enough to end by itself. */
export const MIN_DURATION_MINUTES = 15;
export const MAX_DURATION_MINUTES = 240;
/** At most this many service items in one authorisation (one visit, a few errands). */
export const MAX_ITEMS = 5;

/** How long the guide's request code (QR and short code) can be used to grant. */
export const REQUEST_TTL_SECONDS = 10 * 60;
/** The short code is 8 digits: easy to read out, and 10^8 codes against a few open requests. */
export const REQUEST_CODE_DIGITS = 8;
export const QR_PREFIX = 'BIANMIN-ASSIST:';

/** The SMS consent code: its life, the tries the guide gets, and the sends per request. */
export const SMS_CODE_TTL_SECONDS = 5 * 60;
export const SMS_CODE_MAX_TRIES = 5;
export const SMS_SENDS_PER_REQUEST = 3;

/** Lists show the latest grants; older ones stay in the store for audit. */
export const LIST_LIMIT = 50;

export type GrantState = 'ACTIVE' | 'EXPIRED' | 'REVOKED';

export const STATE_NAMES: Record<GrantState, string> = {
  ACTIVE: '生效中',
  EXPIRED: '已到期',
  REVOKED: '已撤销',
};

/** Expiry ends a grant by itself: the state is worked out on every read, nothing is deleted. */
export function grantState(grant: { revokedAt: Date | null; expiresAt: Date }, now: Date): GrantState {
  if (grant.revokedAt) return 'REVOKED';
  if (grant.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  return 'ACTIVE';
}

/** Accepts the short code or the QR text and gives the short code. */
export function requestCodeOf(input: string): string | null {
  const text = input.trim();
  const code = text.startsWith(QR_PREFIX) ? text.slice(QR_PREFIX.length) : text;
  return new RegExp(`^\\d{${REQUEST_CODE_DIGITS}}$`).test(code) ? code : null;
}

export const qrTextOf = (code: string) => `${QR_PREFIX}${code}`;

/** The proxy letter's fixed wording (local rules keep a 委托书 for every 代办). */
export const LETTER_TITLE = '委托书';
export const LETTER_DECLARATION = [
  '委托人自愿委托受托人在上述期限内代为办理上述事项，受托人免费代办，不收取任何费用。',
  '受托人仅可办理上述事项，所办每一项操作均记录委托人与受托人，委托人可在“代办记录”中随时查看。',
  '委托人可随时在便民小程序中撤销本委托，撤销或到期后本委托即时失效。',
];
