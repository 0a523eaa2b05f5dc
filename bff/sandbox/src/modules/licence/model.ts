// Electronic licences (电子证照) with their trust levels. Routes arrive with the certificates module.
import { Schema, type Connection } from 'mongoose';
import type { LicenceRecord } from '../../seed/types';

const licenceSchema = new Schema<LicenceRecord>(
  {
    _id: String,
    type: { type: String, required: true },
    title: String,
    licenceNumber: String,
    holderId: { type: String, index: true },
    holderName: String,
    holderIdNumber: String,
    issuer: String,
    issuedAt: String,
    validFrom: String,
    validTo: String,
    trustLevel: String,
    status: String,
    data: Schema.Types.Mixed,
  },
  { versionKey: false, collection: 'licences' },
);
// The registry is asked by the holder's ID number (certificates module).
licenceSchema.index({ holderIdNumber: 1 });

export function licenceModels(conn: Connection) {
  return { Licence: conn.model<LicenceRecord>('Licence', licenceSchema) };
}
