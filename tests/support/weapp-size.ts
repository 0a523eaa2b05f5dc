// Builds the mini-program and measures its packages the way WeChat counts them: the main package
// is everything outside the subpackage roots listed in app.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../scripts/lib/spawn-service';

export const weappDir = path.join(repoRoot, 'dist', 'weapp');
export const MAIN_PACKAGE_LIMIT = 2 * 1024 * 1024;
export const MAIN_PACKAGE_TARGET = 500 * 1024;

export interface WeappSizes {
  roots: string[];
  mainBytes: number;
  totalBytes: number;
  subpackages: { root: string; bytes: number }[];
}

function sizeOf(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.size;
  return fs.readdirSync(target).reduce((sum, entry) => sum + sizeOf(path.join(target, entry)), 0);
}

export function buildWeapp(): void {
  // A production build, as WeChat gets it (jest runs with NODE_ENV=test, which Taro reads as a dev build).
  const build = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], {
    cwd: repoRoot,
    stdio: 'ignore',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error('weapp build failed');
}

export function measureWeapp(): WeappSizes {
  const app = JSON.parse(fs.readFileSync(path.join(weappDir, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[];
    subpackages?: { root: string }[];
  };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));
  const totalBytes = sizeOf(weappDir);
  const subpackages = roots.map((root) => ({ root, bytes: sizeOf(path.join(weappDir, root)) }));
  const mainBytes = totalBytes - subpackages.reduce((sum, s) => sum + s.bytes, 0);
  return { roots, mainBytes, totalBytes, subpackages };
}
