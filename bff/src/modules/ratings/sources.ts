// What can be rated, and whether it is finished and belongs to the person rating it. One entry
// per kind of service: the rating flow, the unique index and the rectification cases work for
// each unchanged.
import { Types } from 'mongoose';
import { AppError } from '../../core/errors';
import type { AuthSession } from '../../core/principal';
import type { HallsClient } from '../../platform/halls';
import type { AccountService } from '../accounts/service';
import type { MoveService } from '../moves/service';
import type { QuestionModels } from '../questions/model';
import type { ServiceType } from './rules';

export interface RatedService {
  label: string;
  itemCode: string | null;
  itemName: string | null;
  hallId: string | null;
}

export type RatableSource = (session: AuthSession, id: string) => Promise<RatedService>;

const notFound = () => new AppError(404, 'SERVICE_NOT_FOUND', '未找到可评价的服务');
const notFinished = (what: string) => new AppError(409, 'SERVICE_NOT_FINISHED', `${what}，暂不能评价`);

export function ratableSources(deps: {
  questions: QuestionModels['questions'];
  halls: HallsClient;
  accounts: AccountService;
  moves: MoveService;
}): Record<ServiceType, RatableSource> {
  return {
    question: async (session, id) => {
      const doc = Types.ObjectId.isValid(id) ? await deps.questions.findById(id, { messages: 0 }).lean() : null;
      if (!doc || String(doc.residentId) !== session.userId) throw notFound();
      if (doc.status !== 'CLOSED') throw notFinished('该咨询尚未结束');
      return { label: `咨询：${doc.title}`, itemCode: doc.itemCode, itemName: doc.itemName, hallId: doc.hallId };
    },
    appointment: async (session, id) => {
      const identity = deps.accounts.revealIdentity(await deps.accounts.get(session.userId));
      if (!identity) throw notFound();
      const appointment = (await deps.halls.listAppointments(identity.idNumber)).find((a) => a.appointmentId === id);
      if (!appointment) throw notFound();
      if (appointment.status !== 'CHECKED_IN') throw notFinished('该预约尚未到厅签到办理');
      return {
        label: `预约办事：${appointment.itemName}（${appointment.hallName}）`,
        itemCode: appointment.itemCode,
        itemName: appointment.itemName,
        hallId: appointment.hallId,
      };
    },
    application: async (session, id) => {
      const application = await deps.moves.get(session, id).catch((error: unknown) => {
        // Someone else's application is as unknown here as a missing one.
        throw error instanceof AppError && error.code === 'APPLICATION_NOT_FOUND' ? notFound() : error;
      });
      if (application.status !== 'COMPLETED') throw notFinished('该申请尚未办结');
      return {
        label: `办件：${application.itemName}${application.caseId ? `（${application.caseId}）` : ''}`,
        itemCode: application.itemCode,
        itemName: application.itemName,
        hallId: null,
      };
    },
  };
}
