// Uploaded materials (ID-card photos, contracts) are personal data kept only as long as they are
// needed: the examiners read them while the case is open, and the department archives what it
// keeps. SIMPLIFICATION (one place for a city to change): the BFF's copies are deleted a fixed
// period after the case is completed or rejected; the application keeps each file's name, size
// and sha256 as the record of what was submitted.
import type { Logger } from '../../core/logger';
import type { MoveApplicationModel, UploadModel } from './model';

export const UPLOAD_RETENTION_DAYS = 30;
/** Applications handled per run; the next run continues. */
const PURGE_BATCH = 100;

export async function purgeExpiredUploads(
  deps: { applications: MoveApplicationModel; uploads: UploadModel; logger: Logger },
  now: Date,
): Promise<number> {
  const before = new Date(now.getTime() - UPLOAD_RETENTION_DAYS * 86_400_000);
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
