// Sandbox-only helpers (no key; never part of a real platform): demo people, the seeded data,
// fault injection and the clock.
import { z } from 'zod';
import type { SandboxModule } from '../../core/deps';
import { faultSchema } from '../../core/faults';
import { defineOperation, json } from '../../core/route';
import { SERVICE_NAMES } from '../../core/services';
import { seededDigest, type SeedMarker } from '../../seed/store';
import { listPersonas } from './personas';

const anyObject = z.record(z.string(), z.unknown());

export const sandboxRoutes: SandboxModule = (target, { models, faults, clock }) => {
  defineOperation(
    target,
    {
      method: 'get',
      path: '/sandbox/personas',
      operationId: 'sandboxPersonas',
      tags: ['sandbox'],
      public: true,
      summary: 'Demo people (residents, staff, guides) with log-in details and what they hold',
      responses: {
        200: json(
          'Personas',
          z.object({ residents: z.array(anyObject), staff: z.array(anyObject), guides: z.array(anyObject) }),
        ),
      },
    },
    async (ctx) => {
      ctx.body = await listPersonas(models);
    },
  );

  defineOperation(
    target,
    {
      method: 'get',
      path: '/sandbox/seed',
      operationId: 'sandboxSeed',
      tags: ['sandbox'],
      public: true,
      summary: 'Seed, generator version, counts and a digest of all seeded documents',
      responses: {
        200: json(
          'Seed facts',
          z.object({
            seed: z.number(),
            version: z.number(),
            seededAt: z.string(),
            counts: anyObject,
            digest: z.string(),
          }),
        ),
      },
    },
    async (ctx) => {
      const marker = await models.SeedMarker.findById('population').lean<SeedMarker>();
      const { digest, counts } = await seededDigest(models);
      ctx.body = {
        seed: marker?.seed ?? null,
        version: marker?.version ?? null,
        seededAt: marker?.seededAt ?? null,
        counts,
        digest,
      };
    },
  );

  defineOperation(
    target,
    {
      method: 'get',
      path: '/sandbox/residents',
      operationId: 'sandboxResidents',
      tags: ['sandbox'],
      public: true,
      summary: 'Seeded residents, by id, a page at a time',
      query: z.object({
        offset: z.coerce.number().int().min(0).default(0),
        limit: z.coerce.number().int().min(1).max(5000).default(100),
        status: z.enum(['ACTIVE', 'CANCELLED']).optional(),
      }),
      responses: { 200: json('A page of residents', z.object({ total: z.number(), residents: z.array(anyObject) })) },
    },
    async (ctx, { query }) => {
      const filter = query.status ? { status: query.status } : {};
      const [total, residents] = await Promise.all([
        models.Resident.countDocuments(filter),
        models.Resident.find(filter).sort({ _id: 1 }).skip(query.offset).limit(query.limit).lean(),
      ]);
      ctx.body = { total, residents };
    },
  );

  defineOperation(
    target,
    {
      method: 'post',
      path: '/sandbox/faults',
      operationId: 'sandboxSetFault',
      tags: ['sandbox'],
      public: true,
      summary: `Inject latency, errors (503 SANDBOX_FAULT) or connection resets into a service (${SERVICE_NAMES.join(', ')} or *)`,
      body: faultSchema,
      responses: { 200: json('Faults now in force', z.object({ faults: anyObject })) },
    },
    async (ctx, { body }) => {
      faults.set(body);
      ctx.body = { faults: faults.list() };
    },
  );

  defineOperation(
    target,
    {
      method: 'get',
      path: '/sandbox/faults',
      operationId: 'sandboxListFaults',
      tags: ['sandbox'],
      public: true,
      summary: 'Faults in force',
      responses: { 200: json('Faults', z.object({ faults: anyObject })) },
    },
    (ctx) => {
      ctx.body = { faults: faults.list() };
    },
  );

  defineOperation(
    target,
    {
      method: 'delete',
      path: '/sandbox/faults',
      operationId: 'sandboxClearFaults',
      tags: ['sandbox'],
      public: true,
      summary: 'Clear all faults, or those of one service',
      query: z.object({ service: z.enum([...SERVICE_NAMES, '*']).optional() }),
      responses: { 200: json('Faults left', z.object({ faults: anyObject })) },
    },
    (ctx, { query }) => {
      faults.clear(query.service);
      ctx.body = { faults: faults.list() };
    },
  );

  const clockBody = z.union([
    z
      .object({
        now: z.iso.datetime({ offset: true, message: 'now 应为 ISO 8601 时间，例如 2026-03-02T09:00:00+08:00' }),
      })
      .strict(),
    z
      .object({
        advanceSeconds: z
          .number()
          .int()
          .min(-10 * 365 * 86400)
          .max(10 * 365 * 86400),
      })
      .strict(),
  ]);
  const clockView = z.object({ now: z.string(), offsetMs: z.number(), shifted: z.boolean() });

  defineOperation(
    target,
    {
      method: 'post',
      path: '/sandbox/clock',
      operationId: 'sandboxSetClock',
      tags: ['sandbox'],
      public: true,
      summary: 'Move the sandbox clock to a time ({now}) or by an amount ({advanceSeconds}); it keeps running',
      body: clockBody,
      responses: { 200: json('The clock', clockView) },
    },
    (ctx, { body }) => {
      if ('now' in body) clock.set(new Date(body.now));
      else clock.advance(body.advanceSeconds * 1000);
      ctx.body = clock.describe();
    },
  );

  defineOperation(
    target,
    {
      method: 'get',
      path: '/sandbox/clock',
      operationId: 'sandboxGetClock',
      tags: ['sandbox'],
      public: true,
      summary: 'Read the sandbox clock',
      responses: { 200: json('The clock', clockView) },
    },
    (ctx) => {
      ctx.body = clock.describe();
    },
  );

  defineOperation(
    target,
    {
      method: 'delete',
      path: '/sandbox/clock',
      operationId: 'sandboxResetClock',
      tags: ['sandbox'],
      public: true,
      summary: 'Put the sandbox clock back to real time',
      responses: { 200: json('The clock', clockView) },
    },
    (ctx) => {
      clock.reset();
      ctx.body = clock.describe();
    },
  );
};
