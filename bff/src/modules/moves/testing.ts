// Test helpers for suites that need household-move applications at a given stage: the co-owner
// (eligible for a property move, every material fetched, nothing to upload) files one, and the
// sandbox examiner moves its case on.
import { call, type TestBff } from '../../testing/harness';

/** Drafts and submits a property move (购房落户) as the resident; answers the submitted view. */
export async function submitPropertyMove(bff: TestBff, token: string) {
  const created = await call(bff.url, 'POST', '/api/moves/applications', {
    token,
    body: { category: 'PROPERTY', form: { contactMobile: '13900000003', promise: true } },
  });
  if (created.status !== 201) throw new Error(`create answered ${created.status} ${JSON.stringify(created.body)}`);
  const submitted = await call(bff.url, 'POST', `/api/moves/applications/${created.body.applicationId}/submit`, {
    token,
    body: { consent: true },
  });
  if (submitted.status !== 200)
    throw new Error(`submit answered ${submitted.status} ${JSON.stringify(submitted.body)}`);
  return submitted.body as { applicationId: string; caseId: string; itemCode: string; itemName: string };
}

/** The examiner's decisions on a case, in order (accept, review, approve, complete, reject). */
export async function examine(sandboxUrl: string, caseId: string, ...actions: string[]): Promise<void> {
  for (const action of actions) {
    const body = action === 'reject' ? { action, reason: '材料与登记信息不一致' } : { action };
    const res = await call(sandboxUrl, 'POST', `/sandbox/cases/${caseId}/transition`, { body });
    if (res.status !== 200) throw new Error(`${action} answered ${res.status} ${JSON.stringify(res.body)}`);
  }
}
