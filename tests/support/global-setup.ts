// Before the browser suite: Chromium and a Chinese font on the machine, and a fresh H5 build.
import { ensureH5Build } from '../../scripts/lib/h5-build';
import { ensureBrowser } from './ensure-browser';

export default async function globalSetup(): Promise<void> {
  ensureBrowser();
  await ensureH5Build();
}
