import { z } from 'zod';
import type { SandboxModule } from '../../core/deps';
import { SandboxError } from '../../core/errors';
import { defineOperation, json } from '../../core/route';
import { fields } from '../../core/validation';

const staffSchema = z
  .object({
    staffId: z.string(),
    employeeNumber: z.string(),
    name: z.string(),
    role: z.enum(['staff', 'supervisor', 'guide']),
    city: z.string(),
    divisionCode: z.string(),
    hallId: z.string().nullable(),
    windowNo: z.string().nullable(),
    community: z.string().nullable(),
    onDuty: z.boolean(),
  })
  .openapi('StaffMember');

export const staffRoutes: SandboxModule = (target, { models }) => {
  defineOperation(
    target,
    {
      method: 'get',
      path: '/v1/staff/by-mobile/{mobile}',
      operationId: 'staffByMobile',
      tags: ['staff'],
      summary: 'Find a staff member, supervisor or community guide by work mobile',
      params: z.object({ mobile: fields.mobile }),
      errors: { 404: 'STAFF_NOT_FOUND' },
      responses: { 200: json('The staff member', staffSchema) },
    },
    async (ctx, { params }) => {
      const member = await models.Staff.findOne({ mobile: params.mobile }).lean();
      if (!member) throw new SandboxError(404, 'STAFF_NOT_FOUND', '未找到该手机号对应的工作人员');
      const { _id, mobile: _mobile, ...rest } = member;
      ctx.body = {
        staffId: _id,
        ...rest,
        hallId: rest.hallId ?? null,
        windowNo: rest.windowNo ?? null,
        community: rest.community ?? null,
      };
    },
  );

  defineOperation(
    target,
    {
      method: 'get',
      path: '/v1/staff',
      operationId: 'listStaff',
      tags: ['staff'],
      summary: 'The staff directory, filtered by role, hall and duty (ordered by staffId)',
      query: z.object({
        role: z.enum(['staff', 'supervisor', 'guide']).optional(),
        hallId: z.string().max(40).optional(),
        onDuty: z.enum(['true', 'false']).optional(),
      }),
      responses: { 200: json('Staff members', z.object({ staff: z.array(staffSchema) })) },
    },
    async (ctx, { query }) => {
      const filter: Record<string, unknown> = {};
      if (query.role) filter.role = query.role;
      if (query.hallId) filter.hallId = query.hallId;
      if (query.onDuty) filter.onDuty = query.onDuty === 'true';
      const members = await models.Staff.find(filter).sort({ _id: 1 }).limit(500).lean();
      ctx.body = {
        staff: members.map(({ _id, mobile: _mobile, ...rest }) => ({
          staffId: _id,
          ...rest,
          hallId: rest.hallId ?? null,
          windowNo: rest.windowNo ?? null,
          community: rest.community ?? null,
        })),
      };
    },
  );
};
