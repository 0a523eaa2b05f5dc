// Work items kept in MongoDB (reminders, status notices) that any number of BFF instances may
// process: a runner claims one due item with a single conditional update that also sets a short
// lease, delivers it, then records the outcome only if the claim is still its own. If a runner
// dies mid-delivery its lease lapses and another may claim the item again: the one case where
// something may go out twice, preferred to never.
import { randomBytes } from 'node:crypto';
import type { Model } from 'mongoose';
import { isPlatformFailure } from '../platform/errors';
import type { Logger } from './logger';

export type DeliveryOutcome =
  | { status: 'SENT'; channel: 'wechat' | 'sms' }
  | { status: 'SKIPPED'; why: string }
  | { status: 'RETRY'; afterMs: number; why: string };

export interface LeasedItem {
  _id: unknown;
  attempts: number;
}

export interface LeasedQueueOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each queue has its own document type
  model: Model<any>;
  /** Names the queue in logs ('appointment reminder'). */
  name: string;
  logger: Logger;
  /** Delay before an item whose delivery threw is tried again. */
  retryMs: number;
  /** The field holding when a pending item is next due. */
  dueField: string;
  /** Claim order: the oldest by this field first. */
  sortField: string;
  leaseMs: number;
  maxAttempts: number;
  /** Conditions every claimable item must also meet at `now` (e.g. the appointment is ahead). */
  alsoWhere?: (now: Date) => Record<string, unknown>;
  /**
   * Items with the same value here go out in `sortField` order, whichever runners take them: an
   * item waits while an earlier one of its group is pending (a retry included) or being sent.
   */
  orderWithin?: string;
}

export class LeasedQueue<T extends LeasedItem> {
  /** Names this runner in its claims (logs and tests). */
  readonly instanceId = randomBytes(6).toString('hex');

  constructor(private readonly options: LeasedQueueOptions) {}

  /**
   * One due item, now ours: a pending one whose time has come, or one whose claim lapsed.
   * `only` narrows the claim further (one item by its _id, tried at once when it is created).
   */
  claim(now: Date, only?: Record<string, unknown>): Promise<T | null> {
    const { model, dueField, sortField, leaseMs, alsoWhere } = this.options;
    return model
      .findOneAndUpdate(
        {
          ...alsoWhere?.(now),
          ...only,
          $or: [
            { status: 'PENDING', [dueField]: { $lte: now } },
            { status: 'SENDING', leaseUntil: { $lt: now } },
          ],
        },
        {
          $set: { status: 'SENDING', claimedBy: this.instanceId, leaseUntil: new Date(now.getTime() + leaseMs) },
          $inc: { attempts: 1 },
        },
        { sort: { [sortField]: 1 }, returnDocument: 'after' },
      )
      .lean<T>()
      .exec();
  }

  /** Records what became of a claimed item; a retry is due again after its delay until attempts run out. */
  async record(item: T, outcome: DeliveryOutcome, now: Date): Promise<void> {
    const { model, dueField, maxAttempts } = this.options;
    const mine = { _id: item._id, status: 'SENDING', claimedBy: this.instanceId };
    let set: Record<string, unknown>;
    if (outcome.status === 'SENT') set = { status: 'SENT', channel: outcome.channel, sentAt: now };
    else if (outcome.status === 'SKIPPED' || item.attempts >= maxAttempts)
      set = { status: outcome.status === 'SKIPPED' ? 'SKIPPED' : 'FAILED', outcome: outcome.why };
    else set = { status: 'PENDING', [dueField]: new Date(now.getTime() + outcome.afterMs), outcome: outcome.why };
    await model.updateOne(mine, { $set: set, $unset: { leaseUntil: 1 } });
  }

  /**
   * Whether an earlier item of the item's group is still pending or being sent. A runner that
   * claimed an item behind such a one gives it back and leaves the group to the runner ahead.
   */
  private async waitsForEarlier(item: T): Promise<boolean> {
    const { model, orderWithin, sortField } = this.options;
    if (!orderWithin) return false;
    const fields = item as unknown as Record<string, unknown>;
    const earlier = await model.exists({
      [orderWithin]: fields[orderWithin],
      _id: { $ne: item._id },
      [sortField]: { $lt: fields[sortField] },
      status: { $in: ['PENDING', 'SENDING'] },
    });
    return earlier !== null;
  }

  /** Gives a claimed item back untouched: pending again, the attempt not counted. */
  private async release(item: T): Promise<void> {
    await this.options.model.updateOne(
      { _id: item._id, status: 'SENDING', claimedBy: this.instanceId },
      { $set: { status: 'PENDING' }, $unset: { leaseUntil: 1, claimedBy: 1 }, $inc: { attempts: -1 } },
    );
  }

  /** Delivers every item due at `now`, one claim at a time; returns how many this runner sent. */
  async drain(
    now: Date,
    deliver: (item: T) => Promise<DeliveryOutcome>,
    only?: Record<string, unknown>,
  ): Promise<number> {
    const { name, logger, retryMs, orderWithin } = this.options;
    let sent = 0;
    // Groups left to another runner (or to a retry) for the rest of this drain.
    const waiting: unknown[] = [];
    for (;;) {
      const narrowed = orderWithin && waiting.length > 0 ? { ...only, [orderWithin]: { $nin: waiting } } : only;
      const item = await this.claim(now, narrowed);
      if (!item) return sent;
      if (await this.waitsForEarlier(item)) {
        await this.release(item);
        waiting.push((item as unknown as Record<string, unknown>)[orderWithin!]);
        continue;
      }
      const outcome = await deliver(item).catch((error: unknown): DeliveryOutcome => {
        if (!isPlatformFailure(error)) logger.error({ err: error, item: item._id }, `${name} delivery failed`);
        return { status: 'RETRY', afterMs: retryMs, why: error instanceof Error ? error.message : 'error' };
      });
      await this.record(item, outcome, now);
      logger.info({ item: item._id, outcome: outcome.status, runner: this.instanceId }, name);
      if (outcome.status === 'SENT') sent += 1;
    }
  }
}

/** Runs a task every interval until stopped; a run still going when the next is due is not doubled. */
export class RepeatingTask {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly task: () => Promise<unknown>,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(intervalMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.task()
        .catch(this.onError)
        .finally(() => {
          this.running = null;
        });
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}

/**
 * A background job over one leased queue: `runOnce` on an interval, its claims named by the
 * queue's runner id. Subclasses say what one run does and which queue names them.
 */
export abstract class LeasedQueueJob {
  /** The queue (or the object owning it) whose runner id this job's claims carry. */
  protected abstract readonly queue: { readonly instanceId: string };
  private readonly task: RepeatingTask;

  constructor(
    name: string,
    logger: Logger,
    private readonly defaultIntervalMs: number,
  ) {
    this.task = new RepeatingTask(
      () => this.runOnce(),
      (error) => logger.warn({ err: error }, `${name} run failed`),
    );
  }

  /** Names this runner in its claims (logs and tests). */
  get instanceId(): string {
    return this.queue.instanceId;
  }

  /** Runs every interval until stopped; overlapping runs in one process are skipped. */
  start(intervalMs = this.defaultIntervalMs): void {
    this.task.start(intervalMs);
  }

  stop(): Promise<void> {
    return this.task.stop();
  }

  /** One run at `now`; returns how many items this runner sent. */
  abstract runOnce(now?: Date): Promise<number>;
}
