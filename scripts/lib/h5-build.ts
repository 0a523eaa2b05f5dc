// Builds the H5 app when dist/h5 is missing or older than its sources, so `npm start` and the
// browser suite always serve what the sources say. A lock file keeps two starts from building at once.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './spawn-service';

export const h5Dir = path.join(repoRoot, 'dist', 'h5');
const sources = ['apps/miniapp/src', 'config', 'apps/miniapp/package.json'].map((p) => path.join(repoRoot, p));

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export function h5IsStale(): boolean {
  const index = path.join(h5Dir, 'index.html');
  if (!fs.existsSync(index)) return true;
  const built = fs.statSync(index).mtimeMs;
  return sources.some((source) => newestMtime(source) > built);
}

export async function ensureH5Build(log: (line: string) => void = console.log): Promise<void> {
  if (!h5IsStale()) return;
  const lock = path.join(repoRoot, 'dist', '.h5-build.lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  let fd: number | undefined;
  for (let waited = 0; fd === undefined; waited += 500) {
    try {
      fd = fs.openSync(lock, 'wx');
    } catch {
      // Another start is building; a lock older than 10 minutes belongs to a dead process.
      if (Date.now() - fs.statSync(lock).mtimeMs > 600_000) fs.rmSync(lock, { force: true });
      if (waited > 600_000) throw new Error('H5 build lock held for over 10 minutes: ' + lock);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    if (!h5IsStale()) return;
    log('building the H5 app (dist/h5) ...');
    const started = Date.now();
    // The build's progress bar is noise in logs; its output is shown only when it fails.
    const result = spawnSync('npx', ['taro', 'build', '--type', 'h5'], {
      cwd: repoRoot,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (result.status !== 0) {
      const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.split('\n').slice(-80).join('\n');
      throw new Error(`H5 build failed (exit ${result.status}):\n${output}`);
    }
    log(`H5 app built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    fs.closeSync(fd);
    fs.rmSync(lock, { force: true });
  }
}
