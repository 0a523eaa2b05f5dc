// The service catalogue's common questions (FAQ): keyword search and the items they belong to.
// Both are read-only and safe to retry (GET).
import { z } from 'zod';
import type { CallOptions } from '../core/budget';
import type { PlatformHttp } from './http';
import { parseAnswer, unexpectedStatus } from './parse';

const SERVICE = 'faq';

const entry = z.object({
  faqId: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  question: z.string(),
  answer: z.string(),
  score: z.number(),
});
export type FaqEntry = z.output<typeof entry>;

const item = z.object({ code: z.string(), name: z.string(), department: z.string() });
export type FaqItem = z.output<typeof item>;

export class FaqClient {
  constructor(private readonly http: PlatformHttp) {}

  async search(q: string, options: { itemCode?: string; limit?: number } = {}, call: CallOptions = {}) {
    const what = 'faq search';
    const res = await this.http.request(SERVICE, {
      method: 'GET',
      path: '/v1/faq/search',
      query: { q, itemCode: options.itemCode, limit: options.limit ? String(options.limit) : undefined },
      deadline: call.deadline,
    });
    if (res.status !== 200) throw unexpectedStatus(SERVICE, what, res);
    return parseAnswer(SERVICE, what, z.object({ entries: z.array(entry) }), res.body).entries;
  }

  async items(call: CallOptions = {}): Promise<FaqItem[]> {
    const what = 'faq items';
    const res = await this.http.request(SERVICE, { method: 'GET', path: '/v1/faq/items', deadline: call.deadline });
    if (res.status !== 200) throw unexpectedStatus(SERVICE, what, res);
    return parseAnswer(SERVICE, what, z.object({ items: z.array(item) }), res.body).items;
  }
}
