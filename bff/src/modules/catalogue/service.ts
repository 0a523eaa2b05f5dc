// The service-item catalogue, cached. The catalogue changes rarely and every move screen reads
// it, so answers are kept in this process for CACHE_TTL_MS (60 s): short enough that an
// updated guide shows within a minute on every instance, long enough to spare the platform.
// When the platform fails, a cached answer up to STALE_MAX_MS (10 min) old is served instead.
// A per-process cache keeps no state that matters: losing it costs one platform call.
import { AppError } from '../../core/errors';
import type { CatalogueClient, ItemGuide, ItemSummary } from '../../platform/catalogue';
import { isPlatformFailure } from '../../platform/errors';

export const CACHE_TTL_MS = 60_000;
export const STALE_MAX_MS = 10 * 60_000;
const MAX_ENTRIES = 500;

interface Entry<T> {
  at: number;
  value: T;
}

export class CatalogueService {
  private readonly entries = new Map<string, Entry<unknown>>();

  constructor(
    private readonly client: CatalogueClient,
    private readonly clock: () => number = Date.now,
  ) {}

  list(q?: string): Promise<ItemSummary[]> {
    const term = (q ?? '').trim().replace(/\s+/g, ' ');
    return this.cached(`list:${term}`, () => this.client.list(term || undefined));
  }

  async get(code: string): Promise<ItemGuide> {
    const guide = await this.cached(`item:${code}`, () => this.client.get(code));
    if (!guide) throw new AppError(404, 'ITEM_NOT_FOUND', '未找到该办事事项');
    return guide;
  }

  private async cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.clock();
    const hit = this.entries.get(key) as Entry<T> | undefined;
    if (hit && now - hit.at < CACHE_TTL_MS) return hit.value;
    try {
      const value = await load();
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(key, { at: now, value });
      return value;
    } catch (error) {
      if (hit && isPlatformFailure(error) && now - hit.at < STALE_MAX_MS) return hit.value;
      throw error;
    }
  }
}
