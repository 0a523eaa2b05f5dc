// Issue 2 acceptance for the mini-program: `npm run build:weapp` gives a project WeChat DevTools
// opens (project.config.json -> dist/weapp), both role subpackages listed, main package ≤ 500 KB.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../scripts/lib/spawn-service';
import { buildWeapp, MAIN_PACKAGE_TARGET, measureWeapp, weappDir } from '../support/weapp-size';

test('the weapp build lists the guide and staff subpackages and keeps the main package small', () => {
  buildWeapp();
  const sizes = measureWeapp();
  expect(sizes.roots).toEqual(expect.arrayContaining(['packages/guide', 'packages/staff']));
  expect(sizes.mainBytes).toBeGreaterThan(0);
  expect(sizes.mainBytes).toBeLessThanOrEqual(MAIN_PACKAGE_TARGET);
  for (const sub of sizes.subpackages) expect(sub.bytes).toBeLessThanOrEqual(2 * 1024 * 1024);

  const project = JSON.parse(fs.readFileSync(path.join(repoRoot, 'project.config.json'), 'utf8')) as {
    miniprogramRoot: string;
  };
  expect(path.resolve(repoRoot, project.miniprogramRoot)).toBe(weappDir);
  expect(fs.existsSync(path.join(weappDir, 'app.js'))).toBe(true);
});
