// Session life cycle: issue, resolve (the per-request hot path), rotate when the level rises,
// revoke one or all. Writes that must not race are single-document conditional updates.
import { hash, randomBytes } from 'node:crypto';
import DataLoader from 'dataloader';
import { Types } from 'mongoose';
import type { Config } from '../../config';
import type { ResolveOutcome, SessionResolver } from '../../core/auth';
import { AppError } from '../../core/errors';
import type { AuthSession, Level, PublicUser, Role } from '../../core/principal';
import type { SessionDoc, SessionModel, UserSnapshot } from './model';

/** lastSeenAt (and the sliding idle expiry) is written at most this often per session. */
const TOUCH_INTERVAL_MS = 60_000;
/** Session look-ups that share one store read at most (one reply batch, well under 16 MB). */
const LOOKUP_BATCH_MAX = 200;
/**
 * Turns of the event loop a batch stays open. Each turn reads every socket that became readable
 * in its poll, so an idle server answers a lone request one empty turn later (microseconds),
 * while under load a batch gathers two polls' worth of requests: half the store round trips,
 * each costing far more in socket calls on both sides than its query (counted at 64
 * connections under autocannon: batches of ~24 requests became ~42).
 */
const LOOKUP_BATCH_TURNS = 2;

/** Calls `fn` once `turns` turns of the event loop have passed (one setImmediate per turn). */
function afterTurns(turns: number, fn: () => void): void {
  setImmediate(() => (turns > 1 ? afterTurns(turns - 1, fn) : fn()));
}

export function hashToken(token: string): string {
  return hash('sha256', token);
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export interface IssueInput {
  userId: string | Types.ObjectId;
  role: Role;
  level: Level;
  faceCheckedUntil?: Date | null;
  device?: string | null;
  staffId?: string | null;
  user: UserSnapshot;
  /** Keeps the absolute expiry of a rotated session instead of starting a new one. */
  absoluteExpiresAt?: Date;
}

export interface IssuedSession {
  token: string;
  expiresAt: Date;
  session: AuthSession;
}

const STAFF_ROLES: readonly Role[] = ['staff', 'supervisor', 'guide'];

export class SessionService implements SessionResolver {
  /**
   * Every request reads its session from the store, but the requests that arrive within
   * LOOKUP_BATCH_TURNS turns of the event loop share one `find({_id: {$in}})`: a store round trip
   * costs far more in socket calls than in the query, so under load one read serves a whole batch.
   * Nothing is cached between batches: a revoked token is refused by the very next request.
   */
  private readonly lookups: DataLoader<string, SessionDoc | null>;

  constructor(
    private readonly model: SessionModel,
    private readonly lifetimes: Config['sessions'],
  ) {
    this.lookups = new DataLoader((ids) => this.findMany(ids), {
      cache: false,
      maxBatchSize: LOOKUP_BATCH_MAX,
      batchScheduleFn: (dispatch) => afterTurns(LOOKUP_BATCH_TURNS, dispatch),
    });
  }

  async issue(input: IssueInput, now = new Date()): Promise<IssuedSession> {
    const token = newToken();
    const absoluteSeconds = STAFF_ROLES.includes(input.role)
      ? this.lifetimes.staffAbsoluteSeconds
      : this.lifetimes.absoluteSeconds;
    const absoluteExpiresAt = input.absoluteExpiresAt ?? new Date(now.getTime() + absoluteSeconds * 1000);
    const doc: SessionDoc = {
      _id: hashToken(token),
      userId: new Types.ObjectId(String(input.userId)),
      role: input.role,
      level: input.level,
      faceCheckedUntil: input.faceCheckedUntil ?? null,
      device: input.device ?? null,
      staffId: input.staffId ?? null,
      user: input.user,
      createdAt: now,
      lastSeenAt: now,
      absoluteExpiresAt,
      expiresAt: this.idleExpiry(now, absoluteExpiresAt),
      revokedAt: null,
    };
    await this.model.collection.insertOne(doc as never);
    return { token, expiresAt: doc.expiresAt, session: toAuthSession(doc, now) };
  }

  async resolve(token: string, now = new Date()): Promise<ResolveOutcome> {
    const id = hashToken(token);
    const doc = await this.lookups.load(id);
    if (!doc) return { ok: false, reason: 'unknown' };
    if (doc.revokedAt) return { ok: false, reason: 'revoked' };
    if (doc.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
    if (now.getTime() - doc.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
      const expiresAt = this.idleExpiry(now, doc.absoluteExpiresAt);
      // Conditional on lastSeenAt so concurrent requests write once; a revoked session stays revoked.
      await this.model.collection.updateOne({ _id: id, lastSeenAt: doc.lastSeenAt, revokedAt: null } as never, {
        $set: { lastSeenAt: now, expiresAt },
      });
      doc.lastSeenAt = now;
      doc.expiresAt = expiresAt;
    }
    return { ok: true, session: toAuthSession(doc, now) };
  }

  /**
   * Replaces the session by a new token with the given changes (level rises). The old token is
   * revoked first and conditionally, so of two concurrent rotations only one succeeds.
   */
  async rotate(
    sessionId: string,
    changes: Partial<Pick<IssueInput, 'level' | 'faceCheckedUntil' | 'user'>>,
    now = new Date(),
  ): Promise<IssuedSession> {
    const old = (await this.model
      .findOneAndUpdate(
        { _id: sessionId, revokedAt: null, expiresAt: { $gt: now } },
        { $set: { revokedAt: now, expiresAt: now } },
        { returnDocument: 'before' },
      )
      .lean()) as SessionDoc | null;
    if (!old) throw new AppError(401, 'UNAUTHENTICATED', '登录状态已更新，请重新登录');
    return this.issue(
      {
        userId: old.userId,
        role: old.role,
        level: changes.level ?? old.level,
        faceCheckedUntil: changes.faceCheckedUntil === undefined ? old.faceCheckedUntil : changes.faceCheckedUntil,
        device: old.device,
        staffId: old.staffId,
        user: changes.user ?? old.user,
        absoluteExpiresAt: old.absoluteExpiresAt,
      },
      now,
    );
  }

  async revoke(sessionId: string, now = new Date()): Promise<number> {
    const result = await this.model.updateOne(
      { _id: sessionId, revokedAt: null },
      { $set: { revokedAt: now, expiresAt: now } },
    );
    return result.modifiedCount;
  }

  async revokeAllForUser(userId: string, now = new Date()): Promise<number> {
    const result = await this.model.updateMany(
      { userId: new Types.ObjectId(userId), revokedAt: null, expiresAt: { $gt: now } },
      { $set: { revokedAt: now, expiresAt: now } },
    );
    return result.modifiedCount;
  }

  /**
   * After the account itself changes (real-name bound), the user's other live sessions show the
   * new masked data and the account-wide level; the acting session is rotated separately.
   */
  async refreshUser(userId: string, user: UserSnapshot, atLeastLevel: Level | null, now = new Date()): Promise<void> {
    const filter = { userId: new Types.ObjectId(userId), revokedAt: null, expiresAt: { $gt: now } };
    await this.model.updateMany(filter, { $set: { user } });
    if (atLeastLevel === 'REAL_NAME') {
      await this.model.updateMany({ ...filter, level: 'LOGGED_IN' }, { $set: { level: 'REAL_NAME' } });
    }
  }

  private async findMany(ids: readonly string[]): Promise<(SessionDoc | null)[]> {
    // One find command with a single reply batch: the driver's cursor machinery (cursor object,
    // options, getMore/kill bookkeeping) costs more per look-up than the query itself.
    const reply = (await this.model.db.db!.command({
      find: this.model.collection.collectionName,
      filter: { _id: { $in: [...new Set(ids)] } },
      batchSize: ids.length,
      singleBatch: true,
    })) as { cursor: { firstBatch: SessionDoc[] } };
    const byId = new Map(reply.cursor.firstBatch.map((doc) => [doc._id, doc]));
    // A copy per caller: resolve() updates lastSeenAt on the document it was given.
    return ids.map((id) => {
      const doc = byId.get(id);
      return doc ? { ...doc } : null;
    });
  }

  private idleExpiry(now: Date, absolute: Date): Date {
    return new Date(Math.min(now.getTime() + this.lifetimes.idleSeconds * 1000, absolute.getTime()));
  }
}

export function effectiveLevel(doc: Pick<SessionDoc, 'level' | 'faceCheckedUntil'>, now: Date): Level {
  if (doc.level === 'FACE_CHECKED' && !(doc.faceCheckedUntil && doc.faceCheckedUntil.getTime() > now.getTime()))
    return 'REAL_NAME';
  return doc.level;
}

function toAuthSession(doc: SessionDoc, now: Date): AuthSession {
  const level = effectiveLevel(doc, now);
  const faceCheckedUntil = level === 'FACE_CHECKED' && doc.faceCheckedUntil ? doc.faceCheckedUntil : undefined;
  const user: PublicUser = {
    id: String(doc.userId),
    role: doc.role,
    level,
    mobileMasked: doc.user.mobileMasked ?? null,
    nameMasked: doc.user.nameMasked ?? null,
    idNumberMasked: doc.user.idNumberMasked ?? null,
    ...(doc.user.realNameVerifiedAt ? { realNameVerifiedAt: doc.user.realNameVerifiedAt.toISOString() } : {}),
  };
  return {
    id: doc._id,
    userId: String(doc.userId),
    role: doc.role,
    level,
    faceCheckedUntil,
    expiresAt: doc.expiresAt,
    user,
    ...(doc.staffId ? { staffId: doc.staffId } : {}),
  };
}
