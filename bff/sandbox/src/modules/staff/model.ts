// Staff, supervisors and community guides, found by their work mobile.
import { Schema, type Connection } from 'mongoose';
import type { StaffRecord } from '../../seed/types';

const staffSchema = new Schema<StaffRecord>(
  {
    _id: String,
    employeeNumber: String,
    name: String,
    mobile: { type: String, required: true, unique: true },
    role: String,
    city: String,
    divisionCode: String,
    hallId: String,
    windowNo: String,
    community: String,
    onDuty: Boolean,
  },
  { versionKey: false, collection: 'staff' },
);

export function staffModels(conn: Connection) {
  return { Staff: conn.model<StaffRecord>('Staff', staffSchema) };
}
