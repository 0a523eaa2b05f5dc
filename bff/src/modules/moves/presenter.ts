// What leaves the server about an application: masked form values, each material with where it
// came from and its trust level, what is still missing, the timeline, the deadline in working
// days and what to do next.
import { FINISHED_CASE_STATUSES, type PlatformCase } from '../../platform/cases';
import { CATEGORY_ITEMS } from '../../rules/move-categories';
import { addWorkingDays, chinaDay, workingDaysBetween } from '../../rules/working-days';
import { SOURCE_NAMES, type PlannedMaterial } from './materials';
import type { MoveApplicationDoc } from './model';
import { DRAFT_UPLOAD_RETENTION_DAYS } from './retention';

export const STATUS_TEXT: Record<string, string> = {
  DRAFT: '草稿',
  SUBMITTING: '提交中',
  SUBMITTED: '已提交，等待受理',
  ACCEPTED: '已受理',
  UNDER_REVIEW: '审核中',
  NEEDS_CORRECTION: '需要补正',
  APPROVED: '审核通过',
  COMPLETED: '已办结',
  REJECTED: '不予受理 / 驳回',
};

const NEXT_STEP: Record<string, string> = {
  DRAFT: '请按步骤填写并提交申请',
  SUBMITTING: '正在提交，请稍候',
  SUBMITTED: '等待迁入地派出所受理，受理后开始计算办理时限',
  ACCEPTED: '派出所已受理，正在审核材料',
  UNDER_REVIEW: '正在审核，结果会通过消息通知您',
  NEEDS_CORRECTION: '请按要求补正材料后重新提交，补正期间暂停计时',
  APPROVED: '已准予迁入，迁出地电子迁移证办理完成后即可落户',
  COMPLETED: '已办结：户口已迁入，可在“证照查询”查看新的电子户口簿',
  REJECTED: '申请未通过，请查看原因；如有疑问可在“我要问”咨询',
};

export const FOLLOW_AT = '“办事进度”页面（底部导航第二项），状态变化会通过消息通知您';

export interface MissingItem {
  key: string;
  message: string;
}

export function presentDeadline(timeLimitDays: number, c: PlatformCase | null, now: Date) {
  if (!c) return null;
  const today = chinaDay(now);
  const paused = c.status === 'NEEDS_CORRECTION';
  const estimated = !c.dueDate;
  const dueDate = c.dueDate ?? addWorkingDays(new Date(c.submittedAt), timeLimitDays);
  const finished = FINISHED_CASE_STATUSES.includes(c.status);
  return {
    timeLimitDays,
    dueDate,
    estimated,
    remainingWorkingDays: finished ? null : workingDaysBetween(today, dueDate),
    overdue: !finished && !paused && today > dueDate,
    paused,
  };
}

export function presentApplication(
  doc: MoveApplicationDoc,
  extra: {
    itemName?: string;
    materials: PlannedMaterial[];
    missing: MissingItem[];
    platformCase: PlatformCase | null;
    now?: Date;
  },
) {
  const c = extra.platformCase;
  const now = extra.now ?? new Date();
  const status = c?.status ?? doc.state;
  const byUpload = new Map(doc.uploads.map((u) => [u.materialKey, u]));
  const byFetch = new Map(doc.fetched.map((f) => [f.key, f]));
  const caseMaterials = new Map((c?.materials ?? []).map((m) => [m.key, m]));
  const names = new Map(extra.materials.map((m) => [m.key, m.name]));
  const timeLimitDays = c?.timeLimitDays ?? 0;
  return {
    applicationId: doc._id,
    category: doc.category,
    categoryName: CATEGORY_ITEMS[doc.category].name,
    itemCode: doc.itemCode,
    itemName: c?.itemName ?? extra.itemName ?? CATEGORY_ITEMS[doc.category].name,
    status: status as never,
    statusText: STATUS_TEXT[status] ?? status,
    version: doc.version,
    step: doc.step,
    form: {
      ...(doc.form.titleId ? { titleId: doc.form.titleId } : {}),
      ...(doc.form.relativeName ? { relativeName: doc.form.relativeName } : {}),
      ...(doc.form.relativeIdNumberMasked ? { relativeIdNumberMasked: doc.form.relativeIdNumberMasked } : {}),
      ...(doc.form.destinationCity ? { destinationCity: doc.form.destinationCity } : {}),
      ...(doc.form.contactMobile ? { contactMobile: doc.form.contactMobile } : {}),
      ...(doc.form.promise !== undefined ? { promise: doc.form.promise } : {}),
    },
    materials: extra.materials.map((m) => {
      const fetched =
        byFetch.get(m.key) ?? (caseMaterials.get(m.key)?.source !== 'upload' ? caseMaterials.get(m.key) : undefined);
      const upload = byUpload.get(m.key);
      return {
        key: m.key,
        name: m.name,
        source: m.source,
        sourceName: SOURCE_NAMES[m.mode === 'upload' ? 'upload' : m.source] ?? m.source,
        mode: m.mode,
        note: m.note,
        available: m.mode === 'upload' ? Boolean(upload) : Boolean(fetched),
        trustLevel:
          m.mode === 'upload'
            ? upload
              ? ('C' as const)
              : null
            : ((fetched?.trustLevel as 'A' | 'B' | 'C' | 'D' | undefined) ?? null),
        issuer: m.mode === 'upload' ? null : (fetched?.issuer ?? null),
        reference: m.mode === 'upload' ? null : (fetched?.reference ?? null),
        fileName: upload?.fileName ?? null,
        size: upload?.size ?? null,
      };
    }),
    missing: extra.missing,
    uploadsDeleted:
      doc.state === 'DRAFT' && doc.draftUploadsDeletedAt
        ? { at: doc.draftUploadsDeletedAt.toISOString(), afterDays: DRAFT_UPLOAD_RETENTION_DAYS }
        : null,
    caseId: doc.caseId,
    crossProvince: c?.crossProvince ?? null,
    destination: c ? { city: c.destination.city, address: c.destination.address } : null,
    timeline: (c?.events ?? []).map((e) => ({
      at: e.at,
      status: e.status,
      title: e.title,
      detail: e.detail,
      actor: e.actor,
      ...(e.items?.length ? { items: e.items } : {}),
    })),
    deadline: presentDeadline(timeLimitDays, c, now),
    corrections: (c?.status === 'NEEDS_CORRECTION' ? c.corrections : []).map((i) => ({
      materialKey: i.materialKey,
      materialName: i.materialKey ? (names.get(i.materialKey) ?? null) : null,
      reason: i.reason,
    })),
    rejectReason: c?.rejectReason ?? null,
    nextStep: NEXT_STEP[status] ?? '',
    followAt: FOLLOW_AT,
    consent: doc.consent ? { at: new Date(doc.consent.at).toISOString(), services: doc.consent.services } : null,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: (c
      ? new Date(Math.max(doc.updatedAt.getTime(), new Date(c.updatedAt).getTime()))
      : doc.updatedAt
    ).toISOString(),
    submittedAt: doc.submittedAt ? doc.submittedAt.toISOString() : null,
  };
}
