// The hall appointment service's API (/v1/halls) and its sandbox-only hall-side calls
// (capacity per slot, no-show, check-in). The person is named by ID number in the body of a
// write, and in the path of a read (as the licence registry does); request logs name the route
// pattern only, so ID numbers stay out of them.
import { z } from 'zod';
import { validateIdNumber } from '../../../../src/rules/id-number';
import type { SandboxModule } from '../../core/deps';
import { SandboxError } from '../../core/errors';
import { defineOperation, json } from '../../core/route';
import { createAppointmentService } from './service';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 日期');
const hallId = z.string().regex(/^[A-Z0-9-]{3,40}$/, '格式不正确');
const slotId = z.string().regex(/^[A-Z0-9-]{3,40}_\d{8}_\d{4}$/, '格式不正确');
const itemCode = z.string().regex(/^[A-Z0-9-]{2,20}$/, '格式不正确');
const appointmentId = z.object({ id: z.string().regex(/^AP\d{8}[0-9A-F]{12}$/, '格式不正确') });

const hallSchema = z
  .object({
    hallId: z.string(),
    name: z.string(),
    city: z.string(),
    divisionCode: z.string(),
    address: z.string(),
    phone: z.string(),
    location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
    openingHours: z.array(z.object({ weekdays: z.array(z.number()), open: z.string(), close: z.string() })),
    slotMinutes: z.number(),
    capacityPerSlot: z.number(),
    windows: z.array(z.object({ windowNo: z.string(), name: z.string(), serviceItems: z.array(z.string()) })),
    serviceItems: z.array(z.object({ code: z.string(), name: z.string(), department: z.string() })),
  })
  .openapi('Hall');

const slotSchema = z.object({
  slotId: z.string(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number(),
  remaining: z.number(),
  bookable: z.boolean(),
});
const slotsSchema = z
  .object({
    hallId: z.string(),
    slotMinutes: z.number(),
    bookingHorizonDays: z.number(),
    days: z.array(
      z.object({ date: z.string(), open: z.boolean(), note: z.string().nullable(), slots: z.array(slotSchema) }),
    ),
  })
  .openapi('HallSlots');

const appointmentSchema = z
  .object({
    appointmentId: z.string(),
    status: z.enum(['BOOKED', 'CANCELLED', 'CHECKED_IN', 'NO_SHOW']),
    hallId: z.string(),
    hallName: z.string(),
    hallAddress: z.string(),
    itemCode: z.string(),
    itemName: z.string(),
    windowNo: z.string(),
    windowName: z.string(),
    slotId: z.string(),
    date: z.string(),
    start: z.string(),
    end: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    cancelCutoffAt: z.string(),
    checkInCode: z.string(),
    createdAt: z.string(),
    cancelledAt: z.string().nullable(),
    checkedInAt: z.string().nullable(),
    noShowAt: z.string().nullable(),
    moves: z.array(z.object({ fromSlotId: z.string(), toSlotId: z.string(), at: z.string() })),
  })
  .openapi('HallAppointment');

const idNumber = z.string().trim().min(1, '不能为空').max(32, '过长');
const person = z.object({ idNumber });

/** The person a call is for (checked against GB 11643). */
function personOf(raw: string): string {
  const parsed = validateIdNumber(raw);
  if (!parsed.ok) throw new SandboxError(400, 'INVALID_ID_NUMBER', parsed.message, { reason: parsed.code });
  return parsed.value;
}

export const appointmentRoutes: SandboxModule = (target, deps) => {
  const service = createAppointmentService(deps);
  const tags = ['hall'];
  const bookErrors = {
    403: 'BOOKING_SUSPENDED (with until)',
    404: 'HALL_NOT_FOUND',
    409: 'SLOT_FULL, ALREADY_BOOKED_THAT_DAY',
    422: 'ITEM_NOT_AT_HALL, SLOT_NOT_BOOKABLE',
  };
  const changeErrors = {
    404: 'APPOINTMENT_NOT_FOUND',
    409: 'CANCEL_CUTOFF_PASSED (with cutoffAt), APPOINTMENT_NOT_ACTIVE, APPOINTMENT_CHANGED',
  };

  // Appointment paths first: /v1/halls/{hallId} would otherwise match /v1/halls/appointments.
  defineOperation(
    target,
    {
      method: 'post',
      path: '/v1/halls/appointments',
      operationId: 'hallBook',
      tags,
      summary: 'Book a slot for a person (one atomic seat; one active booking per person, item and day)',
      body: z.object({ idNumber, hallId, itemCode, slotId }),
      errors: bookErrors,
      responses: { 201: json('The booking, with its check-in code', appointmentSchema) },
    },
    async (ctx, { body }) => {
      ctx.status = 201;
      ctx.body = await service.book(personOf(body.idNumber), body);
    },
  );

  defineOperation(
    target,
    {
      method: 'get',
      path: '/v1/halls/persons/{idNumber}/appointments',
      operationId: 'hallListAppointments',
      tags,
      summary: "A person's appointments, latest slot first (at most 100)",
      params: person,
      query: z.object({ status: z.enum(['BOOKED', 'CANCELLED', 'CHECKED_IN', 'NO_SHOW']).optional() }),
      responses: { 200: json('Appointments', z.object({ appointments: z.array(appointmentSchema) })) },
    },
    async (ctx, { params, query }) => {
      ctx.body = { appointments: await service.list(personOf(params.idNumber), query.status) };
    },
  );

  defineOperation(
    target,
    {
      method: 'get',
      path: '/v1/halls/persons/{idNumber}/booking-status',
      operationId: 'hallBookingStatus',
      tags,
      summary: 'Whether a person may book (suspension after repeated no-shows)',
      params: person,
      responses: {
        200: json(
          'Status',
          z.object({
            suspended: z.boolean(),
            suspendedUntil: z.string().nullable(),
            recentNoShows: z.number(),
            noShowLimit: z.number(),
          }),
        ),
      },
    },
    async (ctx, { params }) => {
      ctx.body = await service.bookingStatus(personOf(params.idNumber));
    },
  );

  defineOperation(
    target,
    {
      method: 'get',
      path: '/v1/halls/appointments/{id}',
      operationId: 'hallGetAppointment',
      tags,
      summary: 'One appointment (a platform-level read: the caller checks whose it is)',
      params: appointmentId,
      errors: { 404: 'APPOINTMENT_NOT_FOUND' },
      responses: { 200: json('The appointment', appointmentSchema) },
    },
    async (ctx, { params }) => {
      ctx.body = await service.get(params.id, undefined);
    },
  );

  defineOperation(
    target,
    {
      method: 'post',
      path: '/v1/halls/appointments/{id}/cancel',
      operationId: 'hallCancel',
      tags,
      summary: 'Cancel a booking until the cut-off before its slot; the seat is given back',
      params: appointmentId,
      body: person,
      errors: changeErrors,
      responses: { 200: json('The cancelled appointment', appointmentSchema) },
    },
    async (ctx, { params, body }) => {
      ctx.body = await service.cancel(params.id, personOf(body.idNumber));
    },
  );

  defineOperation(
    target,
    {
      method: 'post',
      path: '/v1/halls/appointments/{id}/reschedule',
      operationId: 'hallReschedule',
      tags,
      summary: 'Move a booking to another slot: the new seat is taken before the old one is given back',
      params: appointmentId,
      // fromSlotId: the slot the caller last saw; a booking that has moved since is refused.
      body: z.object({ idNumber, slotId, fromSlotId: slotId.optional() }),
      errors: { ...bookErrors, ...changeErrors, 409: `${bookErrors[409]}, ${changeErrors[409]}` },
      responses: { 200: json('The moved appointment', appointmentSchema) },
    },
    async (ctx, { params, body }) => {
      ctx.body = await service.reschedule(params.id, personOf(body.idNumber), body.slotId, body.fromSlotId);
    },
  );

  defineOperation(
    target,
    {
      method: 'get',
      path: '/v1/halls',
      operationId: 'hallList',
      tags,
      summary: 'Service halls with windows, opening hours, items and map position',
      query: z.object({ city: z.string().max(20).optional(), itemCode: itemCode.optional() }),
      responses: { 200: json('Halls', z.object({ halls: z.array(hallSchema) })) },
    },
    async (ctx, { query }) => {
      ctx.body = { halls: await service.listHalls(query) };
    },
  );

  defineOperation(
    target,
    {
      method: 'get',
      path: '/v1/halls/{hallId}',
      operationId: 'hallGet',
      tags,
      summary: 'One service hall',
      params: z.object({ hallId }),
      errors: { 404: 'HALL_NOT_FOUND' },
      responses: { 200: json('The hall', hallSchema) },
    },
    async (ctx, { params }) => {
      ctx.body = await service.getHall(params.hallId);
    },
  );

  defineOperation(
    target,
    {
      method: 'get',
      path: '/v1/halls/{hallId}/slots',
      operationId: 'hallSlots',
      tags,
      summary: 'Slots per day with remaining seats (working-day calendar; default: 7 days from today)',
      params: z.object({ hallId }),
      query: z.object({ itemCode: itemCode.optional(), from: date.optional(), to: date.optional() }),
      errors: { 404: 'HALL_NOT_FOUND', 422: 'ITEM_NOT_AT_HALL' },
      responses: { 200: json('Days and slots', slotsSchema) },
    },
    async (ctx, { params, query }) => {
      ctx.body = await service.listSlots(params.hallId, query);
    },
  );

  // Hall-side calls (what hall staff and the queue machine do), sandbox only.
  defineOperation(
    target,
    {
      method: 'put',
      path: '/sandbox/halls/{hallId}/slots/{slotId}/capacity',
      operationId: 'sandboxSetSlotCapacity',
      tags: ['sandbox'],
      public: true,
      summary: 'Change the capacity of one slot (existing bookings are kept)',
      params: z.object({ hallId, slotId }),
      body: z.object({ capacity: z.number().int().min(0).max(10_000) }),
      errors: { 404: 'HALL_NOT_FOUND, SLOT_NOT_FOUND' },
      responses: {
        200: json(
          'The slot',
          z.object({ slotId: z.string(), capacity: z.number(), booked: z.number(), remaining: z.number() }),
        ),
      },
    },
    async (ctx, { params, body }) => {
      ctx.body = await service.setCapacity(params.hallId, params.slotId, body.capacity);
    },
  );

  defineOperation(
    target,
    {
      method: 'post',
      path: '/sandbox/appointments/{id}/no-show',
      operationId: 'sandboxMarkNoShow',
      tags: ['sandbox'],
      public: true,
      summary: 'The hall marks a started booking as a no-show (3 in 30 days suspend booking for 30 days)',
      params: appointmentId,
      errors: { 404: 'APPOINTMENT_NOT_FOUND', 409: 'APPOINTMENT_NOT_ACTIVE, NOT_STARTED' },
      responses: {
        200: json(
          'The appointment, the no-shows counted and any suspension',
          z.object({
            appointment: appointmentSchema,
            recentNoShows: z.number(),
            suspendedUntil: z.string().nullable(),
          }),
        ),
      },
    },
    async (ctx, { params }) => {
      ctx.body = await service.markNoShow(params.id);
    },
  );

  defineOperation(
    target,
    {
      method: 'post',
      path: '/sandbox/appointments/{id}/check-in',
      operationId: 'sandboxCheckIn',
      tags: ['sandbox'],
      public: true,
      summary: 'Check a booking in at the hall (from 60 minutes before the slot until it ends); code optional',
      params: appointmentId,
      body: z.object({
        code: z
          .string()
          .regex(/^\d{8}$/, '应为 8 位数字')
          .optional(),
      }),
      errors: {
        404: 'APPOINTMENT_NOT_FOUND',
        409: 'APPOINTMENT_NOT_ACTIVE, CHECK_IN_TOO_EARLY, CHECK_IN_TOO_LATE',
        422: 'CHECK_IN_CODE_WRONG',
      },
      responses: { 200: json('The checked-in appointment', appointmentSchema) },
    },
    async (ctx, { params, body }) => {
      ctx.body = await service.checkIn(params.id, body.code);
    },
  );
};
