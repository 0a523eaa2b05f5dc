// Ratings (one per finished service: a unique index on the service reference, so a second
// rating of the same service is refused by the store even when two arrive together) and the
// rectification cases that bad ratings open (one per rating, unique too).
import { Schema, Types, type Connection, type Model } from 'mongoose';
import { INDICATORS, LEVELS, SERVICE_TYPES, type Indicator, type RatingLevel, type ServiceType } from './rules';

export interface ServiceRef {
  type: ServiceType;
  id: string;
}

export interface RatingDoc {
  _id: Types.ObjectId;
  serviceRef: ServiceRef;
  residentId: Types.ObjectId;
  level: RatingLevel;
  score: number;
  indicators: Record<Indicator, number>;
  comment: string | null;
  itemCode: string | null;
  itemName: string | null;
  hallId: string | null;
  ratedAt: Date;
  rectificationId: Types.ObjectId | null;
}

const refSchema = new Schema<ServiceRef>(
  { type: { type: String, enum: SERVICE_TYPES, required: true }, id: { type: String, required: true } },
  { _id: false },
);

const ratingSchema = new Schema<RatingDoc>(
  {
    serviceRef: { type: refSchema, required: true },
    residentId: { type: Schema.Types.ObjectId, required: true },
    level: { type: String, enum: LEVELS, required: true },
    score: { type: Number, required: true },
    indicators: {
      type: new Schema(Object.fromEntries(INDICATORS.map((k) => [k, { type: Number, required: true }])), {
        _id: false,
      }),
      required: true,
    },
    comment: { type: String, default: null },
    itemCode: { type: String, default: null },
    itemName: { type: String, default: null },
    hallId: { type: String, default: null },
    ratedAt: { type: Date, required: true },
    rectificationId: { type: Schema.Types.ObjectId, default: null },
  },
  { versionKey: false, collection: 'ratings' },
);
ratingSchema.index({ 'serviceRef.type': 1, 'serviceRef.id': 1 }, { unique: true });
ratingSchema.index({ ratedAt: 1 });

export type RectificationStatus = 'OPEN' | 'ANSWERED';

export interface RectificationDoc {
  _id: Types.ObjectId;
  ratingId: Types.ObjectId;
  residentId: Types.ObjectId;
  serviceRef: ServiceRef;
  serviceLabel: string;
  level: RatingLevel;
  comment: string | null;
  itemCode: string | null;
  itemName: string | null;
  hallId: string | null;
  openedAt: Date;
  dueDay: string;
  dueAt: Date;
  status: RectificationStatus;
  answer: { text: string; staffId: string; staffName: string; at: Date } | null;
}

const rectificationSchema = new Schema<RectificationDoc>(
  {
    ratingId: { type: Schema.Types.ObjectId, required: true },
    residentId: { type: Schema.Types.ObjectId, required: true },
    serviceRef: { type: refSchema, required: true },
    serviceLabel: { type: String, required: true },
    level: { type: String, enum: LEVELS, required: true },
    comment: { type: String, default: null },
    itemCode: { type: String, default: null },
    itemName: { type: String, default: null },
    hallId: { type: String, default: null },
    openedAt: { type: Date, required: true },
    dueDay: { type: String, required: true },
    dueAt: { type: Date, required: true },
    status: { type: String, enum: ['OPEN', 'ANSWERED'], required: true },
    answer: {
      type: new Schema({ text: String, staffId: String, staffName: String, at: Date }, { _id: false }),
      default: null,
    },
  },
  { versionKey: false, collection: 'rectifications' },
);
rectificationSchema.index({ ratingId: 1 }, { unique: true });
rectificationSchema.index({ status: 1, dueAt: 1 });
rectificationSchema.index({ residentId: 1, openedAt: -1 });
rectificationSchema.index({ 'serviceRef.id': 1 });

export function ratingModels(connection: Connection) {
  return {
    ratings: ((connection.models.Rating as Model<RatingDoc>) ??
      connection.model<RatingDoc>('Rating', ratingSchema)) as Model<RatingDoc>,
    rectifications: ((connection.models.Rectification as Model<RectificationDoc>) ??
      connection.model<RectificationDoc>('Rectification', rectificationSchema)) as Model<RectificationDoc>,
  };
}

export type RatingModels = ReturnType<typeof ratingModels>;
