// Residents and households of the seeded population (the household registry's records).
import { Schema, type Connection } from 'mongoose';
import type { HouseholdRecord, ResidentRecord } from '../../seed/types';

const residentSchema = new Schema<ResidentRecord>(
  {
    _id: String,
    idNumber: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    sex: String,
    birthDate: String,
    ethnicity: String,
    divisionCode: String,
    city: String,
    householdId: { type: String, index: true },
    address: String,
    mobile: { type: String, index: true },
    wechatOpenid: { type: String, index: true },
    wechatUnionid: String,
    maritalStatus: String,
    status: String,
    cancelReason: String,
    cancelledAt: String,
  },
  { versionKey: false, collection: 'residents' },
);

const householdSchema = new Schema<HouseholdRecord>(
  {
    _id: String,
    householdNumber: { type: String, unique: true },
    type: String,
    divisionCode: String,
    city: String,
    address: String,
    policeStation: String,
    members: [{ _id: false, personId: String, name: String, relation: String }],
  },
  { versionKey: false, collection: 'households' },
);

export function populationModels(conn: Connection) {
  return {
    Resident: conn.model<ResidentRecord>('Resident', residentSchema),
    Household: conn.model<HouseholdRecord>('Household', householdSchema),
  };
}
