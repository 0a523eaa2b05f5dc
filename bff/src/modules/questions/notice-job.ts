// The resident-notice job: every BFF instance drains due notices (those whose first try at answer
// time failed or was cut short) on an interval. Claims are leased in MongoDB, so each notice goes
// out once whatever the number of instances (see core/leased-queue.ts).
import type { Connection } from 'mongoose';
import { LeasedQueueJob } from '../../core/leased-queue';
import type { Logger } from '../../core/logger';
import type { Platform } from '../../platform';
import { accountModel } from '../accounts/model';
import { questionModels } from './model';
import { NOTICE_INTERVAL_MS, Notifier } from './notify';

export class ResidentNoticeJob extends LeasedQueueJob {
  /** The notifier owns the queue (the request that causes a notice tries it through the same one). */
  protected readonly queue: Notifier;

  constructor(notifier: Notifier, logger: Logger) {
    super('resident notice', logger, NOTICE_INTERVAL_MS);
    this.queue = notifier;
  }

  /** Sends every notice due at `now`; returns how many this runner sent. */
  runOnce(now = new Date()): Promise<number> {
    return this.queue.drain(now);
  }
}

/** The resident-notice job of one BFF process (started by the server with the other jobs). */
export function createResidentNoticeJob(deps: {
  store: Connection;
  platform: Platform;
  logger: Logger;
}): ResidentNoticeJob {
  const notifier = new Notifier({
    models: questionModels(deps.store),
    accounts: accountModel(deps.store),
    platform: deps.platform,
    logger: deps.logger,
  });
  return new ResidentNoticeJob(notifier, deps.logger);
}
