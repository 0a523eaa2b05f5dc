// The access record: every look-up, reveal, show code and verification, with who, what and when.
// An entry names the fingerprints of everyone whose item it is, so each obligee of a shared
// title reads it in "who viewed my certificates". Writes are awaited: no record, no answer.
import { Types } from 'mongoose';
import type { AuthSession } from '../../core/principal';
import type { AccessAction, AccessDoc, AccessModel } from './model';

export interface Actor {
  session: AuthSession;
  fingerprint: string | null;
  requestId?: string;
}

export interface AccessEntryInput {
  action: AccessAction;
  certificateId?: string | null;
  certificateTitle?: string | null;
  subjects: string[];
}

const ACTION_TEXT: Record<AccessAction, string> = {
  LIST: '查看证照列表',
  VIEW: '查看证照详情',
  REVEAL: '人脸核验后查看完整信息',
  SHOW_CODE_CREATED: '生成亮证码',
  VERIFIED: '扫码核验证照',
  VERIFY_REFUSED: '核验未通过',
  NOT_FOUND: '查询不存在的证照',
};

/** Who the actor is, as a holder will read it: masked name, else masked mobile. */
function actorLabel(session: AuthSession): string {
  return session.user.nameMasked ?? session.user.mobileMasked ?? '未实名用户';
}

export class AccessLog {
  constructor(private readonly model: AccessModel) {}

  async record(actor: Actor, entry: AccessEntryInput, at: Date): Promise<void> {
    await this.model.create({
      at,
      action: entry.action,
      certificateId: entry.certificateId ?? null,
      certificateTitle: entry.certificateTitle ?? null,
      subjects: [...new Set(entry.subjects)],
      actorUserId: new Types.ObjectId(actor.session.userId),
      actorFingerprint: actor.fingerprint,
      actorLabel: actorLabel(actor.session),
      requestId: actor.requestId ?? null,
    });
  }

  /** Entries about the holder's items, newest first, a page at a time (`before` = last `at` seen). */
  async forHolder(fingerprint: string, options: { limit: number; before?: Date }) {
    const filter: Record<string, unknown> = { subjects: fingerprint };
    if (options.before) filter.at = { $lt: options.before };
    const docs = await this.model
      .find(filter)
      .sort({ at: -1, _id: -1 })
      .limit(options.limit + 1)
      .lean<AccessDoc[]>();
    const page = docs.slice(0, options.limit);
    return {
      entries: page.map((doc) => {
        const self = doc.actorFingerprint === fingerprint;
        return {
          id: String(doc._id),
          at: doc.at.toISOString(),
          action: doc.action,
          actionText: ACTION_TEXT[doc.action],
          certificateId: doc.certificateId,
          certificateTitle: doc.certificateTitle,
          actor: self ? '本人' : doc.actorLabel,
          relation: self
            ? ('SELF' as const)
            : doc.action === 'VERIFIED'
              ? ('VERIFIER' as const)
              : ('CO_OWNER' as const),
        };
      }),
      nextBefore: docs.length > options.limit ? page[page.length - 1].at.toISOString() : null,
    };
  }
}
