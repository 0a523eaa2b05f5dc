// Before the browser suite: Chromium and a Chinese font on the machine, and a fresh H5 build,
// copied aside for this run so that a build started meanwhile (which empties dist/h5 first) or
// another run cannot pull the pages from under a running test.
import fs from 'node:fs';
import path from 'node:path';
import { ensureH5Build, h5Dir } from '../../scripts/lib/h5-build';
import { repoRoot } from '../../scripts/lib/spawn-service';
import { ensureBrowser } from './ensure-browser';

export default async function globalSetup(): Promise<void> {
  ensureBrowser();
  await ensureH5Build();
  const copy = path.join(repoRoot, 'test-output', 'h5-runs', String(process.pid));
  fs.rmSync(copy, { recursive: true, force: true });
  fs.cpSync(h5Dir, copy, { recursive: true });
  if (!fs.existsSync(path.join(copy, 'index.html'))) throw new Error(`the H5 build in ${h5Dir} has no index.html`);
  // Test workers start after this and inherit the environment.
  process.env.BIANMIN_TEST_H5_DIR = copy;
}
