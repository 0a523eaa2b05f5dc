// Background work every BFF instance runs (appointment reminders, status notices, ...). Each job
// keeps its state in MongoDB and claims work with conditional updates, so any number of instances
// may run them side by side. A module with a job adds one line here.
import type { Connection } from 'mongoose';
import type { Logger } from './core/logger';
import { createReminderJob } from './modules/appointments/routes';
import { createMoveNoticeJob } from './modules/moves/routes';
import { createResidentNoticeJob } from './modules/questions/notice-job';
import type { Platform } from './platform';

export interface BackgroundJob {
  start(): void;
  stop(): Promise<void>;
}

export interface JobDeps {
  store: Connection;
  platform: Platform;
  logger: Logger;
}

export function createJobs(deps: JobDeps): BackgroundJob[] {
  return [createReminderJob(deps), createMoveNoticeJob(deps), createResidentNoticeJob(deps)];
}
