// Real-estate titles (不动产权证书). Routes for look-ups arrive with the certificates module.
import { Schema, type Connection } from 'mongoose';
import type { TitleRecord } from '../../seed/types';

const titleSchema = new Schema<TitleRecord>(
  {
    _id: String,
    certificateNumber: { type: String, required: true, unique: true },
    unitNumber: { type: String, required: true },
    divisionCode: String,
    city: String,
    issuer: String,
    obligees: [{ _id: false, personId: String, name: String, idNumber: String, share: String }],
    coOwnership: String,
    location: String,
    rightType: String,
    use: String,
    area: Number,
    landArea: Number,
    term: { from: String, to: String },
    registeredAt: String,
    status: String,
    mortgage: Schema.Types.Mixed,
    seal: Schema.Types.Mixed,
    objection: Schema.Types.Mixed,
  },
  { versionKey: false, collection: 'realestate_titles' },
);
titleSchema.index({ 'obligees.personId': 1 });
// The registry is asked by the holder's ID number (certificates module).
titleSchema.index({ 'obligees.idNumber': 1 });

export function realEstateModels(conn: Connection) {
  return { Title: conn.model<TitleRecord>('Title', titleSchema) };
}
