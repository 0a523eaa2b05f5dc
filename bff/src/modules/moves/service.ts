// Household moves: eligibility per category, drafts kept in MongoDB (optimistic version, so a
// second device cannot silently overwrite the first), uploads only for what no service holds,
// and the submission: completeness check, consented fetches from the registries, the case
// taken by the destination's police, idempotent under retries and double taps.
import { randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import { Types } from 'mongoose';
import { AppError, errors } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { PiiCrypto } from '../../core/pii-crypto';
import type { AuthSession } from '../../core/principal';
import { FINISHED_CASE_STATUSES, type CaseMaterial, type PlatformCase } from '../../platform/cases';
import { validateIdNumber } from '../../rules/id-number';
import { maskIdNumber } from '../../rules/masking';
import { CATEGORY_ITEMS, type Decision, type MoveCategory } from '../../rules/move-categories';
import type { AccountService } from '../accounts/service';
import type { CatalogueService } from '../catalogue/service';
import { ApplicantContext, type MoveInput, type MovePlatform } from './facts';
import { fetchMaterial, planMaterials, SOURCE_NAMES, type PlannedMaterial } from './materials';
import type { FetchedMaterial, MoveApplicationDoc, MoveForm, moveModels, UploadRef } from './model';
import { presentApplication, presentDeadline, type MissingItem } from './presenter';
import { readUpload, UPLOAD_TYPES } from './uploads';

export interface MoveServiceDeps {
  models: ReturnType<typeof moveModels>;
  platform: MovePlatform;
  catalogue: CatalogueService;
  accounts: AccountService;
  crypto: PiiCrypto;
  logger: Logger;
}

type FormInput = {
  titleId?: string;
  relative?: { name: string; idNumber: string };
  destinationCity?: string;
  contactMobile?: string;
  promise?: boolean;
};

const SUBMIT_LEASE_MS = 30_000;
const SUBMIT_WAIT_MS = 5_000;
const CONSENT_STATEMENT =
  '本人同意户籍、不动产登记、电子证照、社会保险等部门向受理机关提供办理本事项所需的本人材料，仅用于本次办理。';

const CASE_LOOKUPS_AT_ONCE = 8;
/** Tries to put an upload in the list when other changes keep landing first (then 409). */
const UPLOAD_ATTACH_ATTEMPTS = 5;

const notFound = () => new AppError(404, 'APPLICATION_NOT_FOUND', '未找到该申请');
const noUploadsAfterSubmit = () => new AppError(409, 'APPLICATION_SUBMITTED', '申请已提交，当前不需要上传材料');

export class MoveService {
  constructor(private readonly deps: MoveServiceDeps) {}

  /** The verified identity of the account (the route already required REAL_NAME). */
  private async identity(session: AuthSession): Promise<{ idNumber: string; name: string }> {
    const account = await this.deps.accounts.get(session.userId);
    const identity = this.deps.accounts.revealIdentity(account);
    if (!identity) throw errors.levelRequired('REAL_NAME', '此操作需要先完成实名认证');
    return identity;
  }

  private context(idNumber: string, input: MoveInput): ApplicantContext {
    return new ApplicantContext(this.deps.platform, idNumber, input);
  }

  private checkedRelative(relative: { name: string; idNumber: string } | undefined) {
    if (!relative) return undefined;
    const checked = validateIdNumber(relative.idNumber);
    if (!checked.ok)
      throw new AppError(400, 'RELATIVE_ID_NUMBER_INVALID', `被投靠人${checked.message}`, { reason: checked.code });
    return { name: relative.name.trim(), idNumber: checked.value };
  }

  private async guideMaterials(category: MoveCategory) {
    const guide = await this.deps.catalogue.get(CATEGORY_ITEMS[category].itemCode);
    return { guide, materials: guide.materials };
  }

  async eligibility(
    session: AuthSession,
    body: {
      category: MoveCategory;
      titleId?: string;
      relative?: { name: string; idNumber: string };
      destinationCity?: string;
    },
  ) {
    const me = await this.identity(session);
    const relative = this.checkedRelative(body.relative);
    const ctx = this.context(me.idNumber, { titleId: body.titleId, relative, destinationCity: body.destinationCity });
    const [{ guide, materials }, decision] = await Promise.all([
      this.guideMaterials(body.category),
      ctx.decide(body.category),
    ]);
    const plan = planMaterials(materials, decision);
    // A preview of what would be fetched, so the resident sees it before consenting to send it.
    const previews = decision.eligible
      ? await this.fetchAll(plan, ctx, body.category, decision)
      : new Map<string, FetchedMaterial>();
    // What the holding service has nothing on is asked as an upload.
    if (decision.eligible) for (const m of plan) if (m.mode === 'fetch' && !previews.has(m.key)) m.mode = 'upload';
    const destination = decision.eligible ? await ctx.destination(body.category, decision) : null;
    const titles = body.category === 'PROPERTY' ? await ctx.titles() : undefined;
    return {
      category: body.category,
      itemCode: guide.code,
      itemName: guide.name,
      eligible: decision.eligible,
      failing: decision.checks.find((c) => !c.passed)?.message ?? null,
      checks: decision.checks,
      destination: destination ? { city: destination.city, address: destination.address } : null,
      ...(titles
        ? {
            titles: titles.map((t) => ({
              titleId: t.titleId,
              certificateNumber: t.certificateNumber,
              location: t.location,
              status: t.status,
            })),
          }
        : {}),
      materials: plan.map((m) => {
        const f = previews.get(m.key);
        return {
          key: m.key,
          name: m.name,
          source: m.source,
          sourceName: SOURCE_NAMES[m.mode === 'upload' ? 'upload' : m.source] ?? m.source,
          mode: m.mode,
          note: m.note,
          available: Boolean(f),
          trustLevel: f?.trustLevel ?? null,
          issuer: f?.issuer ?? null,
          reference: f?.reference ?? null,
          fileName: null,
          size: null,
        };
      }),
      timeLimitDays: guide.timeLimitDays,
    };
  }

  private async fetchAll(plan: PlannedMaterial[], ctx: ApplicantContext, category: MoveCategory, decision: Decision) {
    const out = new Map<string, FetchedMaterial>();
    await Promise.all(
      plan
        .filter((m) => m.mode === 'fetch')
        .map(async (m) => {
          const fetched = await fetchMaterial(m, ctx, category, decision);
          if (fetched) out.set(m.key, fetched);
        }),
    );
    return out;
  }

  private formFrom(input: FormInput | undefined, current: MoveForm = {}): MoveForm {
    if (!input) return current;
    const next: MoveForm = { ...current };
    if (input.titleId !== undefined) next.titleId = input.titleId;
    if (input.destinationCity !== undefined) next.destinationCity = input.destinationCity;
    if (input.contactMobile !== undefined) next.contactMobile = input.contactMobile;
    if (input.promise !== undefined) next.promise = input.promise;
    const relative = this.checkedRelative(input.relative);
    if (relative) {
      next.relativeName = relative.name;
      next.relativeIdNumberEnc = this.deps.crypto.encrypt(relative.idNumber);
      next.relativeIdNumberMasked = maskIdNumber(relative.idNumber);
    }
    return next;
  }

  private relativeOf(form: MoveForm) {
    return form.relativeName && form.relativeIdNumberEnc
      ? { name: form.relativeName, idNumber: this.deps.crypto.decrypt(form.relativeIdNumberEnc) }
      : undefined;
  }

  private inputOf(doc: MoveApplicationDoc): MoveInput {
    return {
      titleId: doc.form.titleId,
      relative: this.relativeOf(doc.form),
      destinationCity: doc.form.destinationCity,
    };
  }

  /**
   * Materials to ask as uploads for this applicant: those the rules say the registries cannot
   * confirm (a kinship with no record) and those the holding service has nothing on (a child
   * without an ID card). Asked again only when the form's registry-relevant fields change.
   */
  private async extraUploads(idNumber: string, category: MoveCategory, form: MoveForm): Promise<string[]> {
    const ctx = this.context(idNumber, {
      titleId: form.titleId,
      relative: this.relativeOf(form),
      destinationCity: form.destinationCity,
    });
    const [{ materials }, decision] = await Promise.all([this.guideMaterials(category), ctx.decide(category)]);
    if (!decision.eligible) return decision.extraUploads;
    const plan = planMaterials(materials, decision);
    const found = await this.fetchAll(plan, ctx, category, decision);
    return [...decision.extraUploads, ...plan.filter((m) => m.mode === 'fetch' && !found.has(m.key)).map((m) => m.key)];
  }

  async create(
    session: AuthSession,
    body: { category: MoveCategory; form?: FormInput; step?: number },
    now = new Date(),
  ) {
    const me = await this.identity(session);
    const form = this.formFrom(body.form);
    const doc: MoveApplicationDoc = {
      _id: `MA${randomBytes(15).toString('base64url')}`,
      userId: new Types.ObjectId(session.userId),
      category: body.category,
      itemCode: CATEGORY_ITEMS[body.category].itemCode,
      state: 'DRAFT',
      form,
      step: body.step ?? 1,
      uploads: [],
      extraUploads: await this.extraUploads(me.idNumber, body.category, form),
      fetched: [],
      consent: null,
      caseId: null,
      caseStatus: null,
      submitKey: null,
      submitLeaseUntil: null,
      correctionKey: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
      submittedAt: null,
    };
    await this.deps.models.applications.create(doc);
    return this.view(doc, null);
  }

  private async load(session: AuthSession, applicationId: string): Promise<MoveApplicationDoc> {
    const doc = await this.deps.models.applications
      .findOne({ _id: applicationId, userId: new Types.ObjectId(session.userId) })
      .lean<MoveApplicationDoc>();
    if (!doc) throw notFound();
    return doc;
  }

  async update(
    session: AuthSession,
    applicationId: string,
    body: { version: number; form?: FormInput; step?: number },
    now = new Date(),
  ) {
    const me = await this.identity(session);
    const doc = await this.load(session, applicationId);
    if (doc.state !== 'DRAFT')
      throw new AppError(409, 'APPLICATION_SUBMITTED', '申请已提交，不能再修改；如需补正请按补正要求上传材料');
    if (doc.version !== body.version) throw this.conflict(doc);
    const form = this.formFrom(body.form, doc.form);
    const relativeChanged =
      form.relativeIdNumberEnc !== doc.form.relativeIdNumberEnc ||
      form.titleId !== doc.form.titleId ||
      form.destinationCity !== doc.form.destinationCity;
    const set: Partial<MoveApplicationDoc> = {
      form,
      step: body.step ?? doc.step,
      updatedAt: now,
      version: doc.version + 1,
    };
    if (relativeChanged) set.extraUploads = await this.extraUploads(me.idNumber, doc.category, form);
    const updated = await this.deps.models.applications
      .findOneAndUpdate(
        { _id: doc._id, version: body.version, state: 'DRAFT' },
        { $set: set },
        { returnDocument: 'after' },
      )
      .lean<MoveApplicationDoc>();
    if (!updated) throw this.conflict(await this.load(session, applicationId));
    return this.view(updated, null);
  }

  private conflict(doc: MoveApplicationDoc) {
    return new AppError(409, 'VERSION_CONFLICT', '该申请已在其他设备上修改，已为您载入最新内容，请核对后继续', {
      currentVersion: doc.version,
    });
  }

  async upload(session: AuthSession, applicationId: string, materialKey: string, ctx: Context, now = new Date()) {
    const doc = await this.load(session, applicationId);
    const { materials } = await this.guideMaterials(doc.category);
    const plan = planMaterials(materials, { extraUploads: doc.extraUploads });
    const material = plan.find((m) => m.key === materialKey);
    if (!material) throw new AppError(404, 'MATERIAL_NOT_FOUND', '该事项不需要此材料');
    if (material.mode !== 'upload')
      throw new AppError(
        409,
        'MATERIAL_HELD_BY_SERVICE',
        `“${material.name}”由${SOURCE_NAMES[material.source]}提供，无需上传`,
      );
    const platformCase = doc.caseId ? await this.deps.platform.cases.get(doc.caseId) : null;
    const correcting = platformCase?.status === 'NEEDS_CORRECTION';
    if (doc.state !== 'DRAFT' && !correcting) throw noUploadsAfterSubmit();
    const file = await readUpload(ctx);
    const uploadId = `U${randomBytes(12).toString('base64url')}`;
    const fileName = `${material.name}.${UPLOAD_TYPES[file.mimeType].ext}`;
    await this.deps.models.uploads.create({
      _id: uploadId,
      applicationId: doc._id,
      userId: doc.userId,
      materialKey,
      fileName,
      mimeType: file.mimeType,
      size: file.data.length,
      sha256: file.sha256,
      // ID-card photos and certificates: sealed with the personal-data key like ID numbers.
      data: this.deps.crypto.sealBytes(file.data),
      createdAt: now,
    });
    const ref: UploadRef = {
      materialKey,
      uploadId,
      fileName,
      mimeType: file.mimeType,
      size: file.data.length,
      sha256: file.sha256,
      uploadedAt: now,
    };
    const updated = await this.attachUpload(session, doc, ref);
    return this.view(updated, platformCase);
  }

  /**
   * Puts the upload in the application's list, replacing the earlier file of its material, and
   * deletes exactly the file it replaced. The update is conditional on the version read, so two
   * uploads at once (two devices, a double tap) or the retention job clearing an abandoned draft
   * meanwhile cannot be overwritten by a list computed before them; a miss reads again and retries.
   */
  private async attachUpload(session: AuthSession, read: MoveApplicationDoc, ref: UploadRef) {
    let doc = read;
    for (let attempt = 1; ; attempt++) {
      const updated = await this.deps.models.applications
        .findOneAndUpdate(
          { _id: doc._id, userId: doc.userId, state: read.state, version: doc.version },
          {
            $set: {
              uploads: [...doc.uploads.filter((u) => u.materialKey !== ref.materialKey), ref],
              updatedAt: ref.uploadedAt,
              draftUploadsDeletedAt: null,
            },
            $inc: { version: 1 },
          },
          { returnDocument: 'after' },
        )
        .lean<MoveApplicationDoc>();
      if (updated) {
        const replaced = doc.uploads.find((u) => u.materialKey === ref.materialKey);
        if (replaced) await this.deps.models.uploads.deleteOne({ _id: replaced.uploadId });
        return updated;
      }
      doc = await this.load(session, read._id);
      if (doc.state !== read.state || attempt >= UPLOAD_ATTACH_ATTEMPTS) {
        await this.deps.models.uploads.deleteOne({ _id: ref.uploadId });
        throw doc.state !== read.state ? noUploadsAfterSubmit() : this.conflict(doc);
      }
    }
  }

  /** What stops a submission, in the resident's words. */
  missingOf(doc: MoveApplicationDoc, plan: PlannedMaterial[], consent: boolean | null): MissingItem[] {
    const missing: MissingItem[] = [];
    const f = doc.form;
    if (['SPOUSE', 'ELDERLY_PARENT', 'CHILD'].includes(doc.category) && !(f.relativeName && f.relativeIdNumberEnc)) {
      missing.push({ key: 'relative', message: '请填写被投靠人的姓名和身份证号' });
    }
    if (['TALENT', 'EMPLOYMENT'].includes(doc.category) && !f.destinationCity)
      missing.push({ key: 'destinationCity', message: '请选择迁入城市' });
    if (!f.contactMobile) missing.push({ key: 'contactMobile', message: '请填写联系电话，方便派出所与您联系' });
    if (!f.promise) missing.push({ key: 'promise', message: '请阅读并勾选“本人承诺所填信息真实”' });
    for (const m of plan) {
      if (m.mode === 'upload' && !doc.uploads.some((u) => u.materialKey === m.key))
        missing.push({ key: m.key, message: `请上传${m.name}` });
    }
    if (consent === false) missing.push({ key: 'consent', message: '请同意由相关部门为您提供材料（无需您再上传）' });
    return missing;
  }

  async submit(
    session: AuthSession,
    applicationId: string,
    body: { consent: boolean; note?: string },
    idempotencyKey: string | undefined,
    now = new Date(),
  ) {
    const me = await this.identity(session);
    let doc = await this.load(session, applicationId);
    if (doc.state === 'SUBMITTED') return this.resubmitCorrection(me.idNumber, doc, body, idempotencyKey);
    const key = idempotencyKey ?? `auto:${doc._id}`;
    if (doc.state === 'SUBMITTING') {
      if (doc.submitKey !== key && doc.submitLeaseUntil && doc.submitLeaseUntil > now) {
        throw new AppError(409, 'SUBMISSION_IN_PROGRESS', '该申请正在提交中，请稍候刷新查看');
      }
      doc = await this.waitForSubmission(session, doc, key);
      if (doc.state === 'SUBMITTED') return this.view(doc, null);
    }

    const { guide, materials } = await this.guideMaterials(doc.category);
    const ctx = this.context(me.idNumber, this.inputOf(doc));
    const decision = await ctx.decide(doc.category);
    const extra = [...new Set([...decision.extraUploads, ...doc.extraUploads])];
    const plan = planMaterials(materials, { extraUploads: extra });
    const missing = this.missingOf({ ...doc, extraUploads: extra }, plan, body.consent);
    if (!decision.eligible) {
      throw new AppError(422, 'NOT_ELIGIBLE', decision.checks.find((c) => !c.passed)?.message ?? '不符合办理条件', {
        checks: decision.checks,
      });
    }
    if (missing.length) throw this.incomplete(missing);

    // Claim: only one request moves the draft on; a crashed claim lapses after its lease.
    const claimed = await this.deps.models.applications
      .findOneAndUpdate(
        {
          _id: doc._id,
          $or: [
            { state: 'DRAFT' },
            { state: 'SUBMITTING', $or: [{ submitKey: key }, { submitLeaseUntil: { $lt: now } }] },
          ],
        },
        { $set: { state: 'SUBMITTING', submitKey: key, submitLeaseUntil: new Date(now.getTime() + SUBMIT_LEASE_MS) } },
        { returnDocument: 'after' },
      )
      .lean<MoveApplicationDoc>();
    if (!claimed) {
      const latest = await this.load(session, applicationId);
      if (latest.state === 'SUBMITTED') return this.view(latest, null);
      throw new AppError(409, 'SUBMISSION_IN_PROGRESS', '该申请正在提交中，请稍候刷新查看');
    }

    try {
      const fetched = await this.fetchAll(plan, ctx, doc.category, decision);
      const unavailable = plan.filter((m) => m.mode === 'fetch' && !fetched.has(m.key));
      if (unavailable.length) {
        // The holding service has nothing on this person: from now on the material is an upload.
        await this.deps.models.applications.updateOne(
          { _id: doc._id },
          { $addToSet: { extraUploads: { $each: unavailable.map((m) => m.key) } }, $inc: { version: 1 } },
        );
        throw this.incomplete(
          unavailable.map((m) => ({ key: m.key, message: `${SOURCE_NAMES[m.source]}中未查到您的${m.name}，请上传` })),
        );
      }
      const [origin, destination] = await Promise.all([ctx.origin(), ctx.destination(doc.category, decision)]);
      if (!destination) throw new AppError(422, 'DESTINATION_UNKNOWN', '无法确定迁入地址，请返回检查填写的信息');
      const fetchedList = [...fetched.values()];
      const consent = {
        userId: doc.userId,
        at: now,
        statement: CONSENT_STATEMENT,
        materials: fetchedList.map((m) => ({ key: m.key, source: m.source })),
        services: [...new Set(fetchedList.map((m) => m.source))],
      };
      const caseMaterials: CaseMaterial[] = plan.map((m) => {
        const f = fetched.get(m.key);
        if (f) return { ...f, fileName: null, mimeType: null, size: null, sha256: null };
        const u = doc.uploads.find((x) => x.materialKey === m.key)!;
        return {
          key: m.key,
          name: m.name,
          source: 'upload',
          trustLevel: 'C',
          reference: u.uploadId,
          issuer: null,
          fetchedAt: null,
          fileName: u.fileName,
          mimeType: u.mimeType,
          size: u.size,
          sha256: u.sha256,
        };
      });
      const platformCase = await this.deps.platform.cases.create({
        externalRef: doc._id,
        itemCode: guide.code,
        itemName: guide.name,
        category: doc.category,
        timeLimitDays: guide.timeLimitDays,
        applicant: { idNumber: me.idNumber, name: me.name },
        origin,
        destination,
        materials: caseMaterials,
        consent: { at: now.toISOString(), services: consent.services, statement: CONSENT_STATEMENT },
        form: { contactMobile: doc.form.contactMobile, promise: true, ...(body.note ? { note: body.note } : {}) },
      });
      const done = await this.deps.models.applications
        .findOneAndUpdate(
          { _id: doc._id, state: 'SUBMITTING', submitKey: key },
          {
            $set: {
              state: 'SUBMITTED',
              caseId: platformCase.caseId,
              caseStatus: platformCase.status,
              fetched: fetchedList,
              consent,
              submittedAt: now,
              updatedAt: now,
              extraUploads: extra,
            },
            $unset: { submitLeaseUntil: 1 },
            $inc: { version: 1 },
          },
          { returnDocument: 'after' },
        )
        .lean<MoveApplicationDoc>();
      this.deps.logger.info(
        {
          applicationId: doc._id,
          caseId: platformCase.caseId,
          fetched: fetchedList.length,
          uploaded: doc.uploads.length,
        },
        'move application submitted',
      );
      return this.view(done ?? (await this.load(session, applicationId)), platformCase);
    } catch (error) {
      // Nothing was taken (or it will be taken again under the same reference): back to draft.
      await this.deps.models.applications.updateOne(
        { _id: doc._id, state: 'SUBMITTING', submitKey: key },
        { $set: { state: 'DRAFT' }, $unset: { submitLeaseUntil: 1 } },
      );
      throw error;
    }
  }

  private incomplete(missing: MissingItem[]) {
    return new AppError(
      422,
      'APPLICATION_INCOMPLETE',
      `还有 ${missing.length} 项未完成：${missing.map((m) => m.message).join('；')}`,
      { missing },
    );
  }

  private async waitForSubmission(
    session: AuthSession,
    doc: MoveApplicationDoc,
    key: string,
  ): Promise<MoveApplicationDoc> {
    const until = Date.now() + SUBMIT_WAIT_MS;
    let latest = doc;
    while (latest.state === 'SUBMITTING' && latest.submitKey === key && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      latest = await this.load(session, doc._id);
    }
    return latest;
  }

  /** A submitted application awaiting correction: sends the corrected materials, once per key. */
  private async resubmitCorrection(
    idNumber: string,
    doc: MoveApplicationDoc,
    body: { note?: string },
    key: string | undefined,
  ) {
    const platformCase = doc.caseId ? await this.deps.platform.cases.get(doc.caseId) : null;
    if (!platformCase || platformCase.status !== 'NEEDS_CORRECTION' || (key && doc.correctionKey === key))
      return this.view(doc, platformCase);
    const requestedAt = [...platformCase.events]
      .reverse()
      .find((e) => e.status === 'NEEDS_CORRECTION' && e.type === 'STATUS')?.at;
    const since = requestedAt ? new Date(requestedAt) : new Date(0);
    const { materials } = await this.guideMaterials(doc.category);
    const plan = planMaterials(materials, { extraUploads: doc.extraUploads });
    const named = platformCase.corrections.map((c) => c.materialKey).filter((k): k is string => Boolean(k));
    const fresh = doc.uploads.filter((u) => u.uploadedAt >= since);
    const missing: MissingItem[] = named
      .filter((k) => plan.find((m) => m.key === k)?.mode === 'upload' && !fresh.some((u) => u.materialKey === k))
      .map((k) => ({ key: k, message: `请重新上传${plan.find((m) => m.key === k)?.name ?? k}` }));
    if (missing.length) throw this.incomplete(missing);
    const toSend: CaseMaterial[] = fresh.map((u) => ({
      key: u.materialKey,
      name: plan.find((m) => m.key === u.materialKey)?.name ?? u.materialKey,
      source: 'upload',
      trustLevel: 'C',
      reference: u.uploadId,
      issuer: null,
      fetchedAt: null,
      fileName: u.fileName,
      mimeType: u.mimeType,
      size: u.size,
      sha256: u.sha256,
    }));
    // Named materials held by a service are fetched again (the registry may have been corrected).
    const refetch = plan.filter((m) => m.mode === 'fetch' && named.includes(m.key));
    if (refetch.length) {
      const ctx = this.context(idNumber, this.inputOf(doc));
      const decision = await ctx.decide(doc.category);
      for (const m of refetch) {
        const f = await fetchMaterial(m, ctx, doc.category, decision);
        if (f) toSend.push({ ...f, fileName: null, mimeType: null, size: null, sha256: null });
      }
    }
    if (toSend.length === 0) throw this.incomplete([{ key: 'correction', message: '请按补正要求重新上传材料' }]);
    const updated = await this.deps.platform.cases.submitCorrection(platformCase.caseId, idNumber, toSend, body.note);
    const saved = await this.deps.models.applications
      .findOneAndUpdate(
        { _id: doc._id },
        {
          $set: { correctionKey: key ?? null, caseStatus: updated.status, updatedAt: new Date() },
          $inc: { version: 1 },
        },
        { returnDocument: 'after' },
      )
      .lean<MoveApplicationDoc>();
    return this.view(saved ?? doc, updated);
  }

  async list(session: AuthSession) {
    const docs = await this.deps.models.applications
      .find({ userId: new Types.ObjectId(session.userId) })
      .sort({ updatedAt: -1 })
      .limit(50)
      .lean<MoveApplicationDoc[]>();
    const hasCases = docs.some((d) => d.caseId);
    const cases = hasCases ? await this.deps.platform.cases.casesOf((await this.identity(session)).idNumber) : [];
    const byRef = new Map(cases.map((c) => [c.externalRef, c]));
    return {
      applications: docs.map((d) => {
        const v = presentApplication(d, { materials: [], missing: [], platformCase: byRef.get(d._id) ?? null });
        return {
          applicationId: v.applicationId,
          category: v.category,
          categoryName: v.categoryName,
          itemCode: v.itemCode,
          itemName: v.itemName,
          status: v.status,
          statusText: v.statusText,
          caseId: v.caseId,
          deadline: v.deadline,
          nextStep: v.nextStep,
          updatedAt: v.updatedAt,
          submittedAt: v.submittedAt,
        };
      }),
    };
  }

  async get(session: AuthSession, applicationId: string) {
    const doc = await this.load(session, applicationId);
    const platformCase = doc.caseId ? await this.deps.platform.cases.get(doc.caseId) : null;
    return this.view(doc, platformCase);
  }

  /** The service item of one of the resident's applications (what a proxy grant must cover). */
  async itemCodeOf(session: AuthSession, applicationId: string): Promise<string | null> {
    const doc = await this.deps.models.applications
      .findOne({ _id: applicationId, userId: new Types.ObjectId(session.userId) }, { itemCode: 1 })
      .lean<Pick<MoveApplicationDoc, 'itemCode'>>();
    return doc?.itemCode ?? null;
  }

  /**
   * How many submitted applications, not yet completed or rejected, are past their time limit in
   * working days at `now` (督办). The case service holds the due dates: each open case is asked,
   * a few at a time, and judged by the same deadline rule the resident sees.
   */
  async countPastTimeLimit(now: Date): Promise<number> {
    // The notice job keeps `caseStatus` close to the case; a case it has not caught up with is
    // judged on the case itself.
    const open = await this.deps.models.applications
      .find({ caseId: { $ne: null }, caseStatus: { $nin: FINISHED_CASE_STATUSES } }, { caseId: 1 })
      .lean<Pick<MoveApplicationDoc, 'caseId'>[]>();
    let count = 0;
    for (let i = 0; i < open.length; i += CASE_LOOKUPS_AT_ONCE) {
      const batch = open.slice(i, i + CASE_LOOKUPS_AT_ONCE);
      const cases = await Promise.all(batch.map((d) => this.deps.platform.cases.get(d.caseId!)));
      count += cases.filter((c) => c && presentDeadline(c.timeLimitDays, c, now)?.overdue).length;
    }
    return count;
  }

  private async view(doc: MoveApplicationDoc, platformCase: PlatformCase | null) {
    const c = platformCase ?? (doc.caseId ? await this.deps.platform.cases.get(doc.caseId) : null);
    const { guide, materials } = await this.guideMaterials(doc.category);
    const plan = planMaterials(materials, { extraUploads: doc.extraUploads });
    const missing = doc.state === 'DRAFT' ? this.missingOf(doc, plan, null) : [];
    return presentApplication(doc, { itemName: guide.name, materials: plan, missing, platformCase: c });
  }
}
