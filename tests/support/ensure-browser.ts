// The browser suite drives Debian's Chromium. A bare machine has neither Chromium nor a Chinese
// font (without one every Chinese character renders as an empty box), so install both when missing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function hasChineseFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}

export function ensureBrowser(log: (line: string) => void = console.log): void {
  const missing: string[] = [];
  if (!fs.existsSync(chromiumPath)) missing.push('chromium');
  if (!hasChineseFont()) missing.push('fonts-wqy-microhei');
  if (missing.length === 0) return;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(
      `The browser suite needs ${missing.join(' and ')}: run "sudo apt-get install -y ${missing.join(' ')}"`,
    );
  }
  log(`installing ${missing.join(', ')} with apt-get ...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing, 'fontconfig'], {
    stdio: 'inherit',
    env,
  });
}
