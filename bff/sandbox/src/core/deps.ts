// What route modules receive: configuration, the sandbox clock, fault registry, models, logger.
import type { Logger } from 'pino';
import type { SandboxConfig } from '../config';
import type { Models } from '../models';
import type { Clock } from './clock';
import type { FaultRegistry } from './faults';
import type { RouteTarget } from './route';

export interface Deps {
  config: SandboxConfig;
  clock: Clock;
  faults: FaultRegistry;
  models: Models;
  logger: Logger;
}

/** A sandbox module: registers its operations on the shared router and OpenAPI registry. */
export type SandboxModule = (target: RouteTarget, deps: Deps) => void;
