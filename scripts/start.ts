// `npm start`: the product on its embedded default. Builds H5 if needed, then devdb (unless
// MONGODB_URI), the platform sandbox (unless PLATFORM_URL) and the BFF on PORT. Ctrl-C stops every
// child; a child that dies stops the whole with a clear message.
import fs from 'node:fs';
import path from 'node:path';
import { ensureH5Build, h5Dir } from './lib/h5-build';
import { repoRoot } from './lib/spawn-service';
import { startStack, type Stack } from './lib/stack';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${process.env.PORT}"`);
  const dataDir = path.resolve(repoRoot, process.env.DATA_DIR ?? '.data');
  fs.mkdirSync(dataDir, { recursive: true });

  await ensureH5Build();
  const stack: Stack = await startStack({
    port,
    dataDir,
    mongodbUri: process.env.MONGODB_URI || undefined,
    platformUrl: process.env.PLATFORM_URL || undefined,
    sandboxPort: process.env.SANDBOX_PORT ? Number(process.env.SANDBOX_PORT) : undefined,
    staticDir: h5Dir,
    onLine: (service, line) => process.stdout.write(`[${service}] ${line}\n`),
  });

  let stopping = false;
  const shutdown = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    console.log(`bianmin stopping: ${reason}`);
    await stack.stop();
    process.exit(code);
  };
  for (const service of stack.services) {
    void service.exited.then((exitCode) =>
      shutdown(`${service.name} exited unexpectedly (code ${exitCode}); stopping the rest`, 1),
    );
  }
  process.on('SIGINT', () => void shutdown('interrupted', 0));
  process.on('SIGTERM', () => void shutdown('terminated', 0));

  const extras = [
    stack.sandboxUrl
      ? `sandbox ${stack.sandboxUrl} (demo people: ${stack.sandboxUrl}/sandbox/personas)`
      : `platform ${process.env.PLATFORM_URL}`,
    process.env.MONGODB_URI
      ? 'store MONGODB_URI'
      : `devdb ${stack.mongodbUri.replace(/\/[^/]*$/, '')} (data in ${dataDir})`,
  ];
  console.log(`bianmin ready ${stack.url}  ·  ${extras.join('  ·  ')}`);
}

main().catch((error: unknown) => {
  console.error(`bianmin failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
