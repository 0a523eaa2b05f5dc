// Durability for --dbpath. Every change is appended to `journal.bin` as a framed record
// ([u32 length][u32 crc32][BSON entry]) and fsynced before the write is acknowledged. Writes
// arriving while a flush is in progress are grouped into the next flush (group commit), so
// concurrent clients share one fsync. When the journal grows past a threshold the whole state is
// written to `snapshot.bin` (temp file + rename, so a crash leaves the old or the new one) and the
// journal starts again. Replaying entries is idempotent, so a crash between the rename and the
// truncation only replays entries the snapshot already holds.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { BSON } from 'bson';
import type { JournalEntry, JournalSink, Store } from './store';

const JOURNAL_FILE = 'journal.bin';
const SNAPSHOT_FILE = 'snapshot.bin';
const RECORD_HEADER = 8;

export interface JournalOptions {
  /** Journal size in bytes that triggers compaction into a snapshot. */
  compactBytes: number;
  log: (line: string) => void;
}

function encode(entry: JournalEntry): Buffer {
  const payload = BSON.serialize(entry);
  const header = Buffer.alloc(RECORD_HEADER);
  header.writeUInt32LE(payload.length, 0);
  header.writeUInt32LE(zlib.crc32(payload), 4);
  return Buffer.concat([header, payload]);
}

/** Reads records until the end or the first damaged one; returns the entries and the good length. */
function decodeAll(data: Buffer): { entries: JournalEntry[]; goodBytes: number } {
  const entries: JournalEntry[] = [];
  let at = 0;
  while (at + RECORD_HEADER <= data.length) {
    const length = data.readUInt32LE(at);
    const end = at + RECORD_HEADER + length;
    if (length < 5 || end > data.length) break;
    const payload = data.subarray(at + RECORD_HEADER, end);
    if (zlib.crc32(payload) !== data.readUInt32LE(at + 4)) break;
    try {
      entries.push(BSON.deserialize(payload) as JournalEntry);
    } catch {
      break;
    }
    at = end;
  }
  return { entries, goodBytes: at };
}

export class Journal implements JournalSink {
  private pending: Buffer[] = [];
  private waiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  private flushing = false;
  private size: number;
  private closed = false;

  private constructor(
    private readonly dir: string,
    private readonly store: Store,
    private fd: number,
    private readonly options: JournalOptions,
  ) {
    this.size = fs.fstatSync(fd).size;
  }

  /** Loads snapshot and journal into `store`, drops a torn tail, then attaches for new writes. */
  static open(dir: string, store: Store, options: JournalOptions): Journal {
    fs.mkdirSync(dir, { recursive: true });
    const snapshotPath = path.join(dir, SNAPSHOT_FILE);
    const journalPath = path.join(dir, JOURNAL_FILE);
    fs.rmSync(`${snapshotPath}.tmp`, { force: true });
    let replayed = 0;
    if (fs.existsSync(snapshotPath)) {
      const { entries } = decodeAll(fs.readFileSync(snapshotPath));
      for (const entry of entries) store.apply(entry);
      replayed += entries.length;
    }
    if (fs.existsSync(journalPath)) {
      const data = fs.readFileSync(journalPath);
      const { entries, goodBytes } = decodeAll(data);
      for (const entry of entries) store.apply(entry);
      replayed += entries.length;
      if (goodBytes < data.length) {
        // A record cut short by a crash was never acknowledged: drop it instead of failing.
        options.log(`devdb: dropped ${data.length - goodBytes} bytes of torn journal tail in ${journalPath}`);
        fs.truncateSync(journalPath, goodBytes);
      }
    }
    const fd = fs.openSync(journalPath, 'a');
    const journal = new Journal(dir, store, fd, options);
    store.journal = journal;
    if (replayed) options.log(`devdb: recovered ${replayed} journal entries from ${dir}`);
    return journal;
  }

  /** Records made since start; lets a caller tell whether its command wrote anything. */
  recordCount = 0;

  record(entry: JournalEntry): void {
    this.pending.push(encode(entry));
    this.recordCount++;
  }

  /** Resolves once everything recorded so far is on disk. */
  flush(): Promise<void> {
    if (this.pending.length === 0 && !this.flushing) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      void this.run();
    });
  }

  private async run(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.pending.length || this.waiters.length) {
        const batch = this.pending;
        const waiters = this.waiters;
        this.pending = [];
        this.waiters = [];
        try {
          if (batch.length) await this.append(Buffer.concat(batch));
        } catch (error) {
          waiters.forEach((waiter) => waiter.reject(error as Error));
          throw error;
        }
        waiters.forEach((waiter) => waiter.resolve());
        if (this.size > this.options.compactBytes) this.compact();
      }
    } catch (error) {
      // Without a working journal no further write can be acknowledged honestly.
      this.options.log(`devdb: journal write failed, stopping: ${(error as Error).message}`);
      process.exit(1);
    } finally {
      this.flushing = false;
    }
  }

  private async append(data: Buffer): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      fs.write(this.fd, data, 0, data.length, null, (error, written) => {
        if (error) reject(error);
        else if (written !== data.length) reject(new Error(`short journal write (${written}/${data.length})`));
        else resolve();
      });
    });
    await new Promise<void>((resolve, reject) => fs.fdatasync(this.fd, (error) => (error ? reject(error) : resolve())));
    this.size += data.length;
  }

  /** Writes the whole state to a new snapshot, then empties the journal. Runs between flushes. */
  compact(): void {
    const snapshotPath = path.join(this.dir, SNAPSHOT_FILE);
    const temporary = `${snapshotPath}.tmp`;
    const fd = fs.openSync(temporary, 'w');
    try {
      let chunk: Buffer[] = [];
      let chunkBytes = 0;
      for (const entry of this.store.entries()) {
        const record = encode(entry);
        chunk.push(record);
        chunkBytes += record.length;
        if (chunkBytes > 8 * 2 ** 20) {
          fs.writeSync(fd, Buffer.concat(chunk));
          chunk = [];
          chunkBytes = 0;
        }
      }
      if (chunk.length) fs.writeSync(fd, Buffer.concat(chunk));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, snapshotPath);
    syncDirectory(this.dir);
    fs.ftruncateSync(this.fd, 0);
    fs.fsyncSync(this.fd);
    this.size = 0;
    this.options.log(`devdb: compacted journal into ${snapshotPath}`);
  }

  /** Flushes what is pending and closes the file (graceful shutdown). */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    this.closed = true;
    fs.closeSync(this.fd);
  }
}

function syncDirectory(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some filesystems refuse fsync on directories; the rename is still atomic.
  }
}
