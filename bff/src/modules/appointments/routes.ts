// Appointment operations: halls and slots (public), booking, my appointments, cancel and
// reschedule (real-name residents only).
import type { Context } from 'koa';
import type { Connection } from 'mongoose';
import { actableUnderGrant, actsOnBodyItem, actsOnLookedUpItem, readsGrantedItems } from '../../core/acting';
import { sessionOf } from '../../core/auth';
import { AppError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import { type Api, z } from '../../core/openapi';
import type { Platform } from '../../platform';
import { HallsClient } from '../../platform/halls';
import { accountModel } from '../accounts/model';
import type { AccountService } from '../accounts/service';
import { appointmentModels } from './model';
import { ReminderJob } from './reminders';
import {
  AppointmentParams,
  AppointmentView,
  BookBody,
  HallParams,
  ListAppointmentsResult,
  ListHallsQuery,
  ListHallsResult,
  ListSlotsQuery,
  ListSlotsResult,
  RescheduleBody,
} from './schema';
import { AppointmentService } from './service';

const tags = ['预约办事'];
const platformFaults = [
  { status: 502, codes: ['PLATFORM_BAD_GATEWAY'] },
  { status: 503, codes: ['PLATFORM_UNAVAILABLE'] },
  { status: 504, codes: ['PLATFORM_TIMEOUT'] },
];
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_:.-]{8,128}$/;

export interface AppointmentModuleDeps {
  store: Connection;
  platform: Platform;
  accounts: AccountService;
  logger: Logger;
}

export function registerAppointmentRoutes(api: Api, deps: AppointmentModuleDeps): AppointmentService {
  const models = appointmentModels(deps.store);
  // Indexes (TTL of the idempotency keys, the reminders' queue index) before the first write.
  void Promise.all([models.idempotency.init(), models.reminders.init()]).catch((error: unknown) =>
    deps.logger.error({ err: error }, 'appointment indexes'),
  );
  const service = new AppointmentService({
    halls: new HallsClient(deps.platform.http),
    accounts: deps.accounts,
    idempotency: models.idempotency,
    reminders: models.reminders,
    logger: deps.logger,
  });

  api.route({
    operationId: 'listHalls',
    method: 'get',
    path: '/api/halls',
    summary: '办事大厅列表（开放时间、可办事项；给出位置时按距离排序）',
    tags,
    auth: false,
    query: ListHallsQuery,
    response: ListHallsResult,
    errors: platformFaults,
    handler: (_ctx, { query }) => service.listHalls(query),
  });

  api.route({
    operationId: 'listSlots',
    method: 'get',
    path: '/api/halls/{hallId}/slots',
    summary: '可预约时段与剩余名额（按工作日历，每段 30 分钟）',
    tags,
    auth: false,
    params: HallParams,
    query: ListSlotsQuery,
    response: ListSlotsResult,
    errors: [
      { status: 404, codes: ['HALL_NOT_FOUND'] },
      { status: 422, codes: ['ITEM_NOT_AT_HALL'] },
      ...platformFaults,
    ],
    handler: (_ctx, { params, query }) => service.listSlots(params.hallId, query),
  });

  api.route({
    operationId: 'bookAppointment',
    method: 'post',
    path: '/api/appointments',
    summary: '预约办事（需实名；请求头 Idempotency-Key 使重复提交只预约一次并得到同一答复）',
    tags,
    auth: { level: 'REAL_NAME' },
    body: BookBody,
    response: AppointmentView,
    successStatus: 201,
    errors: [
      { status: 400, codes: ['IDEMPOTENCY_KEY_INVALID'] },
      { status: 403, codes: ['BOOKING_SUSPENDED'] },
      { status: 404, codes: ['HALL_NOT_FOUND'] },
      { status: 409, codes: ['SLOT_FULL', 'ALREADY_BOOKED_THAT_DAY', 'REQUEST_IN_PROGRESS'] },
      { status: 422, codes: ['SLOT_NOT_BOOKABLE', 'ITEM_NOT_AT_HALL', 'IDEMPOTENCY_KEY_REUSED'] },
      ...platformFaults,
    ],
    handler: async (ctx, { body }) => {
      const key = ctx.get('idempotency-key') || undefined;
      if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
        throw new AppError(400, 'IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key 应为 8 至 128 位字母、数字或 _:.-');
      }
      const answer = await service.book(sessionOf(ctx), body, key);
      ctx.state.status = answer.status;
      return answer.body as z.input<typeof AppointmentView>;
    },
  });
  documentIdempotencyHeader(api, 'bookAppointment');
  actableUnderGrant(api, 'bookAppointment', actsOnBodyItem('预约办事', 'appointmentId'));

  api.route({
    operationId: 'listMyAppointments',
    method: 'get',
    path: '/api/appointments',
    summary: '我的预约（含是否因未到被暂停预约）',
    tags,
    auth: { level: 'REAL_NAME' },
    response: ListAppointmentsResult,
    errors: platformFaults,
    handler: (ctx) => service.listMine(sessionOf(ctx)),
  });
  actableUnderGrant(api, 'listMyAppointments', readsGrantedItems('查看预约', 'appointments'));

  api.route({
    operationId: 'cancelAppointment',
    method: 'post',
    path: '/api/appointments/{appointmentId}/cancel',
    summary: '取消预约（开始前 1 小时截止）',
    tags,
    auth: { level: 'REAL_NAME' },
    params: AppointmentParams,
    response: AppointmentView,
    errors: [
      { status: 404, codes: ['APPOINTMENT_NOT_FOUND'] },
      { status: 409, codes: ['CANCEL_CUTOFF_PASSED', 'APPOINTMENT_NOT_ACTIVE', 'APPOINTMENT_CHANGED'] },
      ...platformFaults,
    ],
    handler: (ctx, { params }) => service.cancel(sessionOf(ctx), params.appointmentId),
  });
  actableUnderGrant(
    api,
    'cancelAppointment',
    actsOnLookedUpItem('取消预约', (ctx) => itemOf(service, ctx), 'appointmentId'),
  );

  api.route({
    operationId: 'rescheduleAppointment',
    method: 'post',
    path: '/api/appointments/{appointmentId}/reschedule',
    summary: '改约到其他时段（先占到新时段再释放原时段，失败时原预约不变）',
    tags,
    auth: { level: 'REAL_NAME' },
    params: AppointmentParams,
    body: RescheduleBody,
    response: AppointmentView,
    errors: [
      { status: 403, codes: ['BOOKING_SUSPENDED'] },
      { status: 404, codes: ['APPOINTMENT_NOT_FOUND', 'HALL_NOT_FOUND'] },
      {
        status: 409,
        codes: [
          'SLOT_FULL',
          'ALREADY_BOOKED_THAT_DAY',
          'CANCEL_CUTOFF_PASSED',
          'APPOINTMENT_NOT_ACTIVE',
          'APPOINTMENT_CHANGED',
        ],
      },
      { status: 422, codes: ['SLOT_NOT_BOOKABLE', 'ITEM_NOT_AT_HALL'] },
      ...platformFaults,
    ],
    handler: (ctx, { params, body }) =>
      service.reschedule(sessionOf(ctx), params.appointmentId, body.slotId, body.fromSlotId),
  });
  actableUnderGrant(
    api,
    'rescheduleAppointment',
    actsOnLookedUpItem('改约', (ctx) => itemOf(service, ctx), 'appointmentId'),
  );

  return service;
}

/** The service item of one of the resident's appointments (what a proxy grant must cover). */
async function itemOf(service: AppointmentService, ctx: Context): Promise<string | null> {
  const { appointments } = await service.listMine(sessionOf(ctx));
  return appointments.find((a) => a.appointmentId === ctx.params.appointmentId)?.itemCode ?? null;
}

/** The route helper has no header parameters yet: add the Idempotency-Key header to the document. */
function documentIdempotencyHeader(api: Api, operationId: string): void {
  for (const definition of api.registry.definitions) {
    if (definition.type === 'route' && definition.route.operationId === operationId) {
      definition.route.request = {
        ...definition.route.request,
        headers: z.object({
          'Idempotency-Key': z.string().regex(IDEMPOTENCY_KEY).optional().openapi({
            description: '客户端为每次预约生成的唯一编号；重试时带同一编号，只预约一次并得到同一答复（24 小时内有效）',
            example: 'bk-3f6c1a2e9d7b4c58',
          }),
        }),
      };
    }
  }
}

/** The reminder job of one BFF process (started by the server, stopped on shutdown). */
export function createReminderJob(deps: { store: Connection; platform: Platform; logger: Logger }): ReminderJob {
  const { reminders } = appointmentModels(deps.store);
  return new ReminderJob({
    reminders,
    accounts: accountModel(deps.store),
    halls: new HallsClient(deps.platform.http),
    platform: deps.platform,
    logger: deps.logger,
  });
}
