// Shapes of the BFF's answers for log-in, session and identity (issue 5's agreed API).

export type SessionLevel = 'LOGGED_IN' | 'REAL_NAME' | 'FACE_CHECKED';
export type Role = 'resident' | 'guide' | 'staff' | 'supervisor';

export interface User {
  id: string;
  role: Role;
  level: SessionLevel;
  mobileMasked: string | null;
  nameMasked: string | null;
  idNumberMasked: string | null;
  realNameVerifiedAt?: string;
}

export interface SessionGrant {
  token: string;
  expiresAt: string;
  user: User;
}

export interface Me {
  user: User;
  session: { level: SessionLevel; role: Role; expiresAt: string; faceCheckedUntil?: string };
}

export type FaceCheckStatus = 'PENDING' | 'PASS' | 'FAIL' | 'EXPIRED';

export interface FaceCheckStarted {
  faceCheckId: string;
  status: 'PENDING';
  h5Url: string;
  expiresAt: string;
}

export interface FaceCheckState {
  faceCheckId: string;
  status: FaceCheckStatus;
  token?: string;
  expiresAt?: string;
  faceCheckedUntil?: string;
}
