// devdb command line: `--port P (--dbpath DIR | --memory) [--ttl-interval-ms 1000] [--host 127.0.0.1]`.
// Prints exactly one stdout line once listening: `devdb ready mongodb://127.0.0.1:<port>`.
import { DevdbServer } from './server';
import { Journal } from './storage/journal';
import { acquireLock } from './storage/lock';
import { Store } from './storage/store';

interface Options {
  port: number;
  host: string;
  dbpath: string | null;
  ttlIntervalMs: number;
  cursorTimeoutMs: number;
  compactBytes: number;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

function usage(problem: string): never {
  log(`devdb: ${problem}`);
  log(
    'usage: devdb --port P (--dbpath DIR | --memory) [--ttl-interval-ms 1000] [--host 127.0.0.1] [--cursor-timeout-ms 600000] [--compact-bytes 67108864]',
  );
  process.exit(2);
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    port: 27017,
    host: '127.0.0.1',
    dbpath: null,
    ttlIntervalMs: 1000,
    cursorTimeoutMs: 600_000,
    compactBytes: 64 * 2 ** 20,
  };
  let memory = false;
  const numberAfter = (i: number, name: string) => {
    const value = Number(argv[i + 1]);
    if (argv[i + 1] === undefined || !Number.isFinite(value) || value < 0) usage(`${name} needs a non-negative number`);
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--memory') memory = true;
    else if (arg === '--port') options.port = numberAfter(i++, arg);
    else if (arg === '--ttl-interval-ms') options.ttlIntervalMs = Math.max(10, numberAfter(i++, arg));
    else if (arg === '--cursor-timeout-ms') options.cursorTimeoutMs = numberAfter(i++, arg);
    else if (arg === '--compact-bytes') options.compactBytes = numberAfter(i++, arg);
    else if (arg === '--host') options.host = argv[++i] ?? usage('--host needs a value');
    else if (arg === '--dbpath') options.dbpath = argv[++i] ?? usage('--dbpath needs a folder');
    else usage(`unknown argument ${arg}`);
  }
  if (memory === (options.dbpath !== null)) usage('give exactly one of --dbpath DIR or --memory');
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const store = new Store();
  let release = () => {};
  let journal: Journal | null = null;
  if (options.dbpath) {
    try {
      release = acquireLock(options.dbpath);
    } catch (error) {
      log(`devdb: ${(error as Error).message}`);
      process.exit(1);
    }
    journal = Journal.open(options.dbpath, store, { compactBytes: options.compactBytes, log });
  }
  const server = new DevdbServer({ ...options, store, journal, log });
  const port = await server.listen();
  process.stdout.write(`devdb ready mongodb://${options.host}:${port}\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`devdb: ${signal} received, shutting down`);
    await server.close();
    await journal?.close();
    release();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  watchParent();
}

/**
 * `tsx` runs this file in a child of its own process and relays SIGINT/SIGTERM, but a SIGKILL
 * of the wrapper cannot be relayed. When the wrapper disappears we die the same abrupt way, so
 * a "kill -9" of the started process really is one and no orphan keeps the port or the lock.
 * Every acknowledged write is already on disk, so nothing is lost by not flushing here.
 */
function watchParent(): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    log('devdb: parent process is gone, exiting');
    process.kill(process.pid, 'SIGKILL');
  }, 100);
  timer.unref();
}

main().catch((error: Error) => {
  log(`devdb: failed to start: ${error.message}`);
  process.exit(1);
});
