// The feedback loop's wiring: queries, ratings and supervision share the notification outbox,
// the feedback clock and the platform clients built here from the shared HTTP base.
import type { Connection } from 'mongoose';
import type { Logger } from '../../core/logger';
import type { Api } from '../../core/openapi';
import type { Platform } from '../../platform';
import { FaqClient } from '../../platform/faq';
import { HallsClient } from '../../platform/halls';
import { StaffRosterClient } from '../../platform/staff-roster';
import { accountModel } from '../accounts/model';
import type { AccountService } from '../accounts/service';
import type { MoveService } from '../moves/service';
import { ratingModels } from '../ratings/model';
import { registerRatingRoutes } from '../ratings/routes';
import { RatingService } from '../ratings/service';
import { ratableSources } from '../ratings/sources';
import { registerSupervisionRoutes } from '../supervision/routes';
import { SupervisionService } from '../supervision/service';
import { feedbackClock } from './clock';
import { questionModels } from './model';
import { Notifier } from './notify';
import { registerQuestionRoutes } from './routes';
import { QuestionService } from './service';

export interface FeedbackModuleDeps {
  store: Connection;
  platform: Platform;
  accounts: AccountService;
  /** Household-move applications: rated once completed, counted by supervision when overdue. */
  moves: MoveService;
  logger: Logger;
}

/** Registers 我要问 (queries and the staff inbox), 好差评 (ratings, rectifications) and 督办. */
export function registerFeedbackRoutes(
  api: Api,
  { store, platform, accounts, moves, logger }: FeedbackModuleDeps,
): void {
  const models = questionModels(store);
  const ratings = ratingModels(store);
  const halls = new HallsClient(platform.http);
  const notifier = new Notifier({ models, accounts: accountModel(store), platform, logger });
  const clock = feedbackClock;

  registerQuestionRoutes(
    api,
    new QuestionService({
      models,
      ratings,
      accounts,
      platform,
      faq: new FaqClient(platform.http),
      roster: new StaffRosterClient(platform.http),
      halls,
      notifier,
      clock,
    }),
  );
  registerRatingRoutes(
    api,
    new RatingService({
      models: ratings,
      sources: ratableSources({ questions: models.questions, halls, accounts, moves }),
      accounts,
      staff: platform.staff,
      notifier,
      clock,
    }),
  );
  registerSupervisionRoutes(
    api,
    new SupervisionService({ questions: models.questions, ratings, moves, halls, clock, logger }),
  );
}
