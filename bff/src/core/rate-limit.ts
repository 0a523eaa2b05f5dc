// Counters that live in MongoDB, so every BFF instance behind a load balancer sees the same
// limits. A window opens at the first hit and lasts until resetAt; each hit is one
// single-document conditional update (no transactions needed). Expired counters are removed
// by a TTL index.
import { Schema, type Connection, type Model } from 'mongoose';

interface CounterDoc {
  _id: string;
  count: number;
  resetAt: Date;
}

const counterSchema = new Schema<CounterDoc>(
  {
    _id: { type: String, required: true },
    count: { type: Number, required: true },
    resetAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'rate_counters' },
);
counterSchema.index({ resetAt: 1 }, { expireAfterSeconds: 0 });

export interface ConsumeResult {
  allowed: boolean;
  count: number;
  remaining: number;
  /** Seconds until the window closes (at least 1). */
  retryAfterSeconds: number;
  resetAt: Date;
}

export interface Window {
  limit: number;
  /** Window length from the first hit, or a fixed end such as the next midnight. */
  seconds?: number;
  until?: Date;
}

const DUPLICATE_KEY = 11000;

export class RateLimiter {
  readonly model: Model<CounterDoc>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.RateCounter as Model<CounterDoc>) ??
      connection.model<CounterDoc>('RateCounter', counterSchema);
  }

  /** Counts one hit against `key` and says whether it is within the limit. */
  async consume(key: string, window: Window, now: Date = new Date()): Promise<ConsumeResult> {
    const resetAtForNew = window.until ?? new Date(now.getTime() + (window.seconds ?? 60) * 1000);
    for (let attempt = 0; attempt < 5; attempt++) {
      const open = await this.model
        .findOneAndUpdate({ _id: key, resetAt: { $gt: now } }, { $inc: { count: 1 } }, { returnDocument: 'after' })
        .lean();
      const doc =
        open ??
        (await this.model
          .findOneAndUpdate(
            { _id: key, resetAt: { $lte: now } },
            { $set: { count: 1, resetAt: resetAtForNew } },
            { returnDocument: 'after' },
          )
          .lean()) ??
        (await this.insertFresh(key, resetAtForNew));
      if (!doc) continue; // lost a race to create the counter: count against the winner's window
      return this.result(doc, window.limit, now);
    }
    throw new Error(`rate counter ${key} could not be updated`);
  }

  /** Reads a counter without counting. */
  async peek(key: string, window: Window, now: Date = new Date()): Promise<ConsumeResult> {
    const doc = await this.model.findOne({ _id: key, resetAt: { $gt: now } }).lean();
    if (!doc) return { allowed: true, count: 0, remaining: window.limit, retryAfterSeconds: 0, resetAt: now };
    return this.result(doc, window.limit, now, true);
  }

  /** Gives back one hit, e.g. when the attempt never reached the platform. */
  async refund(key: string, now: Date = new Date()): Promise<void> {
    await this.model.updateOne({ _id: key, resetAt: { $gt: now }, count: { $gt: 0 } }, { $inc: { count: -1 } });
  }

  async reset(key: string): Promise<void> {
    await this.model.deleteOne({ _id: key });
  }

  private async insertFresh(key: string, resetAt: Date): Promise<CounterDoc | null> {
    try {
      const created = await this.model.create({ _id: key, count: 1, resetAt });
      return created.toObject();
    } catch (error) {
      if ((error as { code?: number }).code === DUPLICATE_KEY) return null;
      throw error;
    }
  }

  private result(doc: CounterDoc, limit: number, now: Date, peek = false): ConsumeResult {
    const retryAfterSeconds = Math.max(1, Math.ceil((doc.resetAt.getTime() - now.getTime()) / 1000));
    const allowed = peek ? doc.count < limit : doc.count <= limit;
    return {
      allowed,
      count: doc.count,
      remaining: Math.max(0, limit - doc.count),
      retryAfterSeconds,
      resetAt: doc.resetAt,
    };
  }
}
