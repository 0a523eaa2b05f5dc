// Face-check sessions: started by the BFF, finished by the face service's callback.
import { Schema, type Connection } from 'mongoose';

export type FaceStatus = 'PENDING' | 'PASS' | 'FAIL' | 'EXPIRED';

export interface FaceSession {
  _id: string;
  personId: string;
  name: string;
  idNumber: string;
  status: 'PENDING' | 'PASS' | 'FAIL';
  createdAt: Date;
  expiresAt: Date;
  completedAt: Date | null;
  purgeAt: Date;
}

const faceSchema = new Schema<FaceSession>(
  {
    _id: String,
    personId: String,
    name: String,
    idNumber: String,
    status: String,
    createdAt: Date,
    expiresAt: Date,
    completedAt: { type: Date, default: null },
    purgeAt: { type: Date, expires: 0 },
  },
  { versionKey: false, collection: 'face_sessions' },
);

export function identityModels(conn: Connection) {
  return { FaceSession: conn.model<FaceSession>('FaceSession', faceSchema) };
}
