// Mini-program package sizes beside WeChat's limits: main package ≤ 2 MB, each subpackage ≤ 2 MB,
// everything ≤ 20 MB. Builds the weapp first so the figures describe the current sources.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../scripts/lib/spawn-service';

const MB = 1024 * 1024;
const weappDir = path.join(repoRoot, 'dist', 'weapp');

function sizeOf(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.size;
  return fs.readdirSync(target).reduce((sum, entry) => sum + sizeOf(path.join(target, entry)), 0);
}

function main(): void {
  const build = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], { cwd: repoRoot, stdio: 'ignore' });
  if (build.status !== 0) throw new Error('weapp build failed');
  const app = JSON.parse(fs.readFileSync(path.join(weappDir, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[];
    subpackages?: { root: string }[];
  };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));
  const total = sizeOf(weappDir);
  const subs = roots.map((root) => ({ root, bytes: sizeOf(path.join(weappDir, root)) }));
  const main = total - subs.reduce((sum, s) => sum + s.bytes, 0);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `weapp main package: ${kb(main)} of 2048 KB limit (${((main / (2 * MB)) * 100).toFixed(1)}%), target ≤ 500 KB`,
  );
  for (const s of subs) console.log(`weapp subpackage ${s.root}: ${kb(s.bytes)} of 2048 KB limit`);
  console.log(`weapp all packages: ${kb(total)} of 20480 KB limit`);
  console.log(
    `BENCH ${JSON.stringify({ weappMainBytes: main, weappTotalBytes: total, subpackages: subs, mainWithinTarget: main <= 500 * 1024 })}`,
  );
}

main();
