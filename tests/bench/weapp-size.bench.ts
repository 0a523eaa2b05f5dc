// Mini-program package sizes beside WeChat's limits: main package ≤ 2 MB, each subpackage ≤ 2 MB,
// everything ≤ 20 MB. Builds the weapp first so the figures describe the current sources.
import { buildWeapp, MAIN_PACKAGE_TARGET, measureWeapp } from '../support/weapp-size';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

buildWeapp();
const { mainBytes, totalBytes, subpackages } = measureWeapp();
console.log(
  `weapp main package: ${kb(mainBytes)} of 2048 KB limit (${((mainBytes / (2 * 1024 * 1024)) * 100).toFixed(1)}%), target ≤ 500 KB`,
);
for (const s of subpackages) console.log(`weapp subpackage ${s.root}: ${kb(s.bytes)} of 2048 KB limit`);
console.log(`weapp all packages: ${kb(totalBytes)} of 20480 KB limit`);
console.log(
  `BENCH ${JSON.stringify({ weappMainBytes: mainBytes, weappTotalBytes: totalBytes, subpackages, mainWithinTarget: mainBytes <= MAIN_PACKAGE_TARGET })}`,
);
