// Removes this run's copy of the H5 build.
import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const copy = process.env.BIANMIN_TEST_H5_DIR;
  if (copy) fs.rmSync(copy, { recursive: true, force: true });
}
