// Uploaded materials (ID-card photos, contracts) are personal data kept only as long as they are
// needed: the examiners read them while the case is open, and the department archives what it
// keeps. SIMPLIFICATION (one place for a city to change): the BFF's copies are deleted a fixed
// period after the case is completed or rejected; the application keeps each file's name, size
// and sha256 as the record of what was submitted. A draft nobody has touched for
// DRAFT_UPLOAD_RETENTION_DAYS is taken as abandoned: its files are deleted and the draft asks for
// them again (its form stays, so a resident who comes back only uploads anew).
import type { Logger } from '../../core/logger';
import type { MoveApplicationModel, UploadModel } from './model';

export const UPLOAD_RETENTION_DAYS = 30;
export const DRAFT_UPLOAD_RETENTION_DAYS = 90;
/** Applications handled per run; the next run continues. */
const PURGE_BATCH = 100;

interface RetentionDeps {
  applications: MoveApplicationModel;
  uploads: UploadModel;
  logger: Logger;
}

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

export async function purgeExpiredUploads(deps: RetentionDeps, now: Date): Promise<number> {
  const before = daysBefore(now, UPLOAD_RETENTION_DAYS);
  const due = await deps.applications
    .find({ uploadsPurgedAt: null, finishedAt: { $ne: null, $lte: before } }, { _id: 1 })
    .limit(PURGE_BATCH)
    .lean<{ _id: string }[]>();
  let files = 0;
  for (const { _id } of due) {
    // Files first: a run that stops in between deletes the rest next time.
    files += (await deps.uploads.deleteMany({ applicationId: _id })).deletedCount;
    await deps.applications.updateOne({ _id, uploadsPurgedAt: null }, { $set: { uploadsPurgedAt: now } });
  }
  if (due.length > 0) deps.logger.info({ applications: due.length, files }, 'expired move uploads deleted');
  return files;
}

export async function purgeAbandonedDraftUploads(deps: RetentionDeps, now: Date): Promise<number> {
  const before = daysBefore(now, DRAFT_UPLOAD_RETENTION_DAYS);
  const due = await deps.applications
    .find({ state: 'DRAFT', updatedAt: { $lte: before }, 'uploads.0': { $exists: true } }, { _id: 1, updatedAt: 1 })
    .limit(PURGE_BATCH)
    .lean<{ _id: string; updatedAt: Date }[]>();
  let drafts = 0;
  let files = 0;
  for (const { _id, updatedAt } of due) {
    // The references go first and only if the draft is still untouched: a resident who edits or
    // uploads meanwhile keeps everything. Only files from before that last change are deleted.
    // (A run stopped between the two steps leaves those files unreferenced, as before this purge.)
    // The date stays on the draft so that its page can tell the resident why the files are gone.
    const cleared = await deps.applications.updateOne(
      { _id, state: 'DRAFT', updatedAt },
      // A new version: an upload or form edit read before this change retries instead of
      // bringing back references to the files deleted below.
      { $set: { uploads: [], draftUploadsDeletedAt: now }, $inc: { version: 1 } },
    );
    if (cleared.modifiedCount === 0) continue;
    drafts++;
    files += (await deps.uploads.deleteMany({ applicationId: _id, createdAt: { $lte: updatedAt } })).deletedCount;
  }
  if (drafts > 0) deps.logger.info({ drafts, files }, 'uploads of abandoned move drafts deleted');
  return files;
}
