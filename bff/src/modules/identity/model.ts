// Face checks started by residents. The platform's session token is a secret (whoever holds it
// can read the result), so it is stored encrypted. consumedAt makes the PASS raise one session once.
import { Schema, Types, type Connection, type Model } from 'mongoose';

export type FaceCheckStatus = 'PENDING' | 'PASS' | 'FAIL' | 'EXPIRED';

export interface FaceCheckDoc {
  _id: string;
  userId: Types.ObjectId;
  platformTokenEnc: string;
  idNumberFingerprint: string;
  status: FaceCheckStatus;
  createdAt: Date;
  expiresAt: Date;
  completedAt: Date | null;
  consumedAt: Date | null;
}

const faceCheckSchema = new Schema<FaceCheckDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true, index: true },
    platformTokenEnc: { type: String, required: true },
    idNumberFingerprint: { type: String, required: true },
    status: { type: String, enum: ['PENDING', 'PASS', 'FAIL', 'EXPIRED'], required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    completedAt: { type: Date, default: null },
    consumedAt: { type: Date, default: null },
  },
  { versionKey: false, collection: 'face_checks' },
);
// Records are only needed while they can still be read; a day after expiry they go.
faceCheckSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 24 * 3600 });

export type FaceCheckModel = Model<FaceCheckDoc>;

export function faceCheckModel(connection: Connection): FaceCheckModel {
  return (
    (connection.models.FaceCheck as FaceCheckModel) ?? connection.model<FaceCheckDoc>('FaceCheck', faceCheckSchema)
  );
}
