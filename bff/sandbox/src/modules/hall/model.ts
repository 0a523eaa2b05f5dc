// Service halls with windows, opening hours and the items each window handles. Routes for
// halls, slots and appointments arrive with the appointments module.
import { Schema, type Connection } from 'mongoose';
import type { HallRecord } from '../../seed/types';

const hallSchema = new Schema<HallRecord>(
  {
    _id: String,
    name: String,
    city: String,
    divisionCode: String,
    address: String,
    phone: String,
    openingHours: [{ _id: false, weekdays: [Number], open: String, close: String }],
    slotMinutes: Number,
    capacityPerSlot: Number,
    windows: [{ _id: false, windowNo: String, name: String, serviceItems: [String] }],
    serviceItems: [String],
  },
  { versionKey: false, collection: 'halls' },
);

export function hallModels(conn: Connection) {
  return { Hall: conn.model<HallRecord>('Hall', hallSchema) };
}
