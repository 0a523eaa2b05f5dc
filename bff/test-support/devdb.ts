// Starts a devdb child process for a test suite: in memory unless `dbpath` is given. Suites call
// `stop()` in afterAll; `stop('SIGKILL')` simulates a crash.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startService } from '../../scripts/lib/spawn-service';
import { isAlive } from '../devdb/src/storage/lock';

export interface DevdbOptions {
  /** Data folder for a durable instance; omitted means `--memory`. */
  dbpath?: string;
  ttlIntervalMs?: number;
  /** Extra command-line flags, e.g. `['--compact-bytes', '4096']`. */
  extraArgs?: string[];
}

export interface RunningDevdb {
  uri: string;
  port: number;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  child: ChildProcess;
}

export async function startDevdb(opts: DevdbOptions = {}): Promise<RunningDevdb> {
  const args = ['--port', '0', ...(opts.dbpath ? ['--dbpath', opts.dbpath] : ['--memory'])];
  if (opts.ttlIntervalMs !== undefined) args.push('--ttl-interval-ms', String(opts.ttlIntervalMs));
  args.push(...(opts.extraArgs ?? []));
  const service = await startService({
    name: 'devdb',
    entry: 'bff/devdb/src/main.ts',
    args,
    onLine: (line, stream) => {
      if (stream === 'stderr' && process.env.DEVDB_LOG) process.stderr.write(`${line}\n`);
    },
  });
  const port = Number(new URL(service.url).port);
  const stop = async (signal?: NodeJS.Signals) => {
    const code = await service.stop(signal);
    if (opts.dbpath) await waitForLockRelease(opts.dbpath);
    return code;
  };
  return { uri: service.url, port, stop, child: service.child };
}

/**
 * The server runs in a child of the tsx wrapper; after a SIGKILL of the wrapper it exits on its
 * own within ~100 ms. Waiting for the lock owner to be gone lets a test restart on the same
 * folder right away.
 */
async function waitForLockRelease(dbpath: string, timeoutMs = 5000): Promise<void> {
  const lockPath = path.join(dbpath, 'devdb.lock');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    let owner: number;
    try {
      owner = Number(fs.readFileSync(lockPath, 'utf8').trim());
    } catch {
      return;
    }
    if (!owner || !isAlive(owner)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
