// Starts a devdb child process for a test suite: in memory unless `dbpath` is given. Suites call
// `stop()` in afterAll; `stop('SIGKILL')` simulates a crash.
import type { ChildProcess } from 'node:child_process';
import { startService } from '../../scripts/lib/spawn-service';

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
  return { uri: service.url, port, stop: (signal) => service.stop(signal), child: service.child };
}
