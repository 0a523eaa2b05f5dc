// Request and response shapes of the appointment operations (zod, also the OpenAPI document).
import { z } from '../../core/openapi';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const hallId = z.string().regex(/^[A-Z0-9-]{3,40}$/, '大厅编号格式不正确');
const itemCode = z.string().regex(/^[A-Z0-9-]{2,20}$/, '事项编码格式不正确');
const slotId = z.string().regex(/^[A-Z0-9-]{3,40}_\d{8}_\d{4}$/, '时段编号格式不正确');

export const ListHallsQuery = z.object({
  lat: z.coerce.number().min(-90).max(90).optional().openapi({ description: '当前位置纬度（给出时按距离排序）' }),
  lng: z.coerce.number().min(-180).max(180).optional().openapi({ description: '当前位置经度' }),
  itemCode: itemCode.optional(),
  city: z.string().max(20).optional(),
});

const ServiceItem = z.object({ code: z.string(), name: z.string(), department: z.string() });

export const HallView = z
  .object({
    hallId: z.string(),
    name: z.string(),
    city: z.string(),
    address: z.string(),
    phone: z.string(),
    location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
    distanceKm: z.number().nullable().openapi({ description: '与给出位置的直线距离（公里）；未给位置时为 null' }),
    openingHours: z.array(
      z.object({ weekdays: z.array(z.number()), open: z.string(), close: z.string(), text: z.string() }),
    ),
    openingText: z.string().openapi({ example: '周一至周五 09:00-12:00；周一至周五 13:00-17:00' }),
    slotMinutes: z.number(),
    serviceItems: z.array(ServiceItem),
    windows: z.array(z.object({ windowNo: z.string(), name: z.string(), serviceItems: z.array(z.string()) })),
  })
  .openapi('Hall');

export const ListHallsResult = z.object({ halls: z.array(HallView) });

export const HallParams = z.object({ hallId });
export const ListSlotsQuery = z.object({
  itemCode: itemCode.optional(),
  from: date.optional().openapi({ description: '起始日期，默认今天' }),
  to: date.optional().openapi({ description: '结束日期，默认起始日期后 6 天，最多 31 天' }),
});

const SlotView = z.object({
  slotId: z.string(),
  start: z.string(),
  end: z.string(),
  startsAt: z.string(),
  capacity: z.number(),
  remaining: z.number().openapi({ description: '剩余名额' }),
  bookable: z.boolean(),
});
export const ListSlotsResult = z
  .object({
    hallId: z.string(),
    slotMinutes: z.number(),
    bookingHorizonDays: z.number(),
    days: z.array(
      z.object({ date: z.string(), open: z.boolean(), note: z.string().nullable(), slots: z.array(SlotView) }),
    ),
  })
  .openapi('HallSlots');

export const BookBody = z.object({ hallId, itemCode, slotId });
export const RescheduleBody = z.object({
  slotId,
  // The slot the resident's screen showed: a move from a stale screen (a second tap, another
  // device) is refused as APPOINTMENT_CHANGED instead of moving the booking a second time.
  fromSlotId: slotId.optional(),
});
export const AppointmentParams = z.object({
  appointmentId: z.string().regex(/^AP\d{8}[0-9A-F]{12}$/, '预约编号格式不正确'),
});

export const AppointmentView = z
  .object({
    appointmentId: z.string(),
    status: z.enum(['BOOKED', 'CANCELLED', 'CHECKED_IN', 'NO_SHOW']),
    statusText: z.string(),
    hallId: z.string(),
    hallName: z.string(),
    hallAddress: z.string(),
    itemCode: z.string(),
    itemName: z.string(),
    windowName: z.string(),
    slotId: z.string(),
    date: z.string(),
    start: z.string(),
    end: z.string(),
    startsAt: z.string(),
    cancelCutoffAt: z.string().openapi({ description: '取消和改约截止时间' }),
    checkInCode: z.string().openapi({ description: '到厅签到码（8 位数字）' }),
    checkInQrText: z.string().openapi({ description: '签到二维码内容，由客户端绘制' }),
    createdAt: z.string(),
  })
  .openapi('Appointment');

export const ListAppointmentsResult = z.object({
  appointments: z.array(AppointmentView),
  booking: z.object({
    suspended: z.boolean(),
    suspendedUntil: z.string().nullable(),
    recentNoShows: z.number(),
    noShowLimit: z.number(),
  }),
});
