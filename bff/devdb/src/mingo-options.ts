// mingo options built once per process. Handed plain options, mingo copies its whole operator
// table (several hundred entries) into a fresh context for every Query it builds, which cost
// more than the rest of a primary-key look-up together. Handed one of its own ComputeOptions
// objects it reuses the context. That class is not exported, so it is taken from the options a
// custom query operator receives (the documented way to extend mingo); should a future mingo
// stop passing one, queries still work with plain options, only slower.
import type { Options } from 'mingo/types/types';
import { Context } from 'mingo/core';
import { Query } from 'mingo/query';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';

/** The options devdb gives mingo everywhere: `_id` is the id field, MongoDB's strict semantics. */
export const mingoOptions = { idKey: '_id', useStrictMode: true } as const;

/** Every operator mingo ships, as its own top-level functions (`mingo.find` and friends) use. */
const fullContext = Context.init({
  accumulator: accumulatorOperators,
  expression: expressionOperators,
  pipeline: pipelineOperators,
  projection: projectionOperators,
  query: queryOperators,
  window: windowOperators,
} as unknown as Parameters<typeof Context.init>[0]);

type OptionsFactory = { init(options: Partial<Options>): unknown };

function computeOptionsClass(): OptionsFactory | null {
  let received: unknown = null;
  const probe = Context.init({
    query: {
      $devdbProbe: (_field: string, _value: unknown, options: unknown) => {
        received = options;
        return () => true;
      },
    },
  } as unknown as Parameters<typeof Context.init>[0]);
  new Query({ probe: { $devdbProbe: true } }, { context: probe });
  const factory = (received as { constructor?: Partial<OptionsFactory> } | null)?.constructor;
  return typeof factory?.init === 'function' ? (factory as OptionsFactory) : null;
}

const factory = computeOptionsClass();
const plainOptions: Partial<Options> = { ...mingoOptions, context: fullContext };

/** Options for `new Query(...)` from `mingo/query`; never mutated by mingo (it copies per query). */
export const sharedQueryOptions = (factory ? factory.init(plainOptions) : plainOptions) as Partial<Options>;

/** A compiled mingo filter with the shared options. */
export function mingoQuery(filter: Record<string, unknown>): Query {
  return new Query(filter, sharedQueryOptions);
}
