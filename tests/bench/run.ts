// `npm run bench`: runs every tests/bench/*.bench.ts one after another in its own process (the
// machine is shared and small, so benchmarks never overlap) and prints their figures.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const benchDir = __dirname;
const only = process.argv.slice(2);
const files = fs
  .readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

let failed = 0;
for (const file of files) {
  console.log(`\n### ${file}`);
  const started = Date.now();
  const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), path.join(benchDir, file)], {
    stdio: 'inherit',
  });
  console.log(
    `### ${file}: ${result.status === 0 ? 'done' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
