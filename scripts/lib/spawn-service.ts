// Starts one of bianmin's own processes (devdb, sandbox, BFF) as a child, waits for the line
// containing "ready" and the URL it prints, and stops it again. Shared by `npm start`, the
// test suites and the benchmarks so all of them start services the same way.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

export const repoRoot = path.resolve(__dirname, '..', '..');
const tsxCli = require.resolve('tsx/cli');

export interface ServiceOptions {
  name: string;
  /** TypeScript entry, relative to the repository root. */
  entry: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
  /** Milliseconds to wait for the ready line. */
  readyTimeoutMs?: number;
  /** Receives every output line (stdout and stderr) after the ready line; defaults to dropping them. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

export interface RunningService {
  name: string;
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code once the child has gone; SIGTERM first, SIGKILL after graceMs. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<number | null>;
  exited: Promise<number | null>;
}

const urlPattern = /\b((?:mongodb|https?):\/\/[^\s"']+)/;

export function startService(options: ServiceOptions): Promise<RunningService> {
  const { name, entry, args = [], env = {}, readyTimeoutMs = 60_000, onLine } = options;
  const child = spawn(process.execPath, [tsxCli, path.join(repoRoot, entry), ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const early: string[] = [];

  return new Promise<RunningService>((resolve, reject) => {
    let ready = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not print ready within ${readyTimeoutMs} ms:\n${early.slice(-30).join('\n')}`));
    }, readyTimeoutMs);

    const watch = (stream: NodeJS.ReadableStream, kind: 'stdout' | 'stderr') => {
      readline.createInterface({ input: stream }).on('line', (line) => {
        if (!ready) {
          early.push(line);
          const match = /\bready\b/i.test(line) ? urlPattern.exec(line) : null;
          if (match) {
            ready = true;
            clearTimeout(timer);
            resolve({
              name,
              url: match[1],
              child,
              exited,
              stop: (signal, graceMs) => stopChild(child, exited, signal, graceMs),
            });
          }
          return;
        }
        onLine?.(line, kind);
      });
    };
    watch(child.stdout!, 'stdout');
    watch(child.stderr!, 'stderr');
    void exited.then((code) => {
      if (!ready) {
        clearTimeout(timer);
        reject(new Error(`${name} exited with code ${code} before it was ready:\n${early.slice(-30).join('\n')}`));
      }
    });
  });
}

async function stopChild(
  child: ChildProcess,
  exited: Promise<number | null>,
  signal: NodeJS.Signals = 'SIGTERM',
  graceMs = 10_000,
): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}
