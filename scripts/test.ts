// `npm test`: every check a change must pass, in the order that fails fastest: lint and format,
// type checks, then all jest projects (BFF over real TCP/HTTP, the app's unit tests, the browser
// suite in Chromium). Installs what a bare machine lacks (Chromium, a Chinese font) on the way.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './lib/spawn-service';
import { ensureBrowser } from '../tests/support/ensure-browser';
import { ensureH5Build } from './lib/h5-build';

function step(title: string, command: string, args: string[]): void {
  console.log(`\n== ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', env: process.env });
  console.log(
    `== ${title}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}

interface JestSummary {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
  numRuntimeErrorTestSuites: number;
  success: boolean;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  if (only.length === 0) {
    step('lint (eslint)', 'npx', ['eslint', '.', '--max-warnings=0']);
    step('format (prettier)', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']);
    step('types (bff)', 'npx', ['tsc', '-p', 'bff', '--noEmit']);
    step('types (app)', 'npx', ['tsc', '-p', 'apps/miniapp', '--noEmit']);
    step('types (tests, scripts)', 'npx', ['tsc', '-p', 'tests', '--noEmit']);
  }
  console.log('\n== browser and H5 build');
  ensureBrowser();
  await ensureH5Build();

  const outDir = path.join(repoRoot, 'test-output');
  fs.mkdirSync(outDir, { recursive: true });
  const report = path.join(outDir, 'jest.json');
  fs.rmSync(report, { force: true });
  console.log('\n== jest');
  const result = spawnSync('npx', ['jest', '--maxWorkers=2', '--json', `--outputFile=${report}`, ...only], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR },
  });
  if (!fs.existsSync(report)) {
    console.error('jest wrote no report');
    process.exit(result.status || 1);
  }
  const summary = JSON.parse(fs.readFileSync(report, 'utf8')) as JestSummary;
  const skipped = summary.numPendingTests + summary.numTodoTests;
  const brokenSuites =
    summary.numFailedTestSuites > 0 && summary.numFailedTests === 0 ? summary.numFailedTestSuites : 0;
  const failed = summary.numFailedTests + brokenSuites;
  console.log(`\ntests: ${summary.numPassedTests} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(summary.success && result.status === 0 && summary.numPassedTests > 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
