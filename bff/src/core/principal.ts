// Who is asking and how sure we are of it: roles and trust levels shared by every module.
export const LEVELS = ['LOGGED_IN', 'REAL_NAME', 'FACE_CHECKED'] as const;
export type Level = (typeof LEVELS)[number];

export const ROLES = ['resident', 'guide', 'staff', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

export const LEVEL_NAMES: Record<Level, string> = {
  LOGGED_IN: '登录',
  REAL_NAME: '实名认证',
  FACE_CHECKED: '人脸核验',
};

export function levelAtLeast(actual: Level, required: Level): boolean {
  return LEVELS.indexOf(actual) >= LEVELS.indexOf(required);
}

/** The user as shown to clients: masked values only. */
export interface PublicUser {
  id: string;
  role: Role;
  level: Level;
  mobileMasked: string | null;
  nameMasked: string | null;
  idNumberMasked: string | null;
  realNameVerifiedAt?: string;
}

/** What authentication puts on `ctx.state.session`. */
export interface AuthSession {
  /** sha256 of the token, the session's key in the store. */
  id: string;
  userId: string;
  role: Role;
  /** Effective level: FACE_CHECKED falls back to REAL_NAME once faceCheckedUntil has passed. */
  level: Level;
  faceCheckedUntil?: Date;
  expiresAt: Date;
  user: PublicUser;
  /** The staff directory's id of a staff member, supervisor or guide, fixed at log-in. */
  staffId?: string;
}
