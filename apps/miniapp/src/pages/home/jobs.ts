// The home screen's entries. The four jobs come first in both modes (one tap each); elder mode
// shows fewer, bigger entries: the four jobs, 我要问 and a call for help.
import { messages } from '@/messages/zh-CN';
import { routes } from '@/utils/navigation';

export interface HomeEntry {
  key: string;
  title: string;
  hint: string;
  /** One character drawn in the tile's badge; decorative, the title carries the meaning. */
  glyph: string;
  url: string;
  /** Entries that place a phone call instead of opening a page. */
  phone?: string;
}

export const fourJobs: HomeEntry[] = [
  { key: 'move', ...messages.jobs.move, glyph: '迁', url: routes.move },
  { key: 'identity', ...messages.jobs.identity, glyph: '认', url: routes.identity },
  { key: 'certificates', ...messages.jobs.certificates, glyph: '证', url: routes.certificates },
  { key: 'appointments', ...messages.jobs.appointments, glyph: '约', url: routes.appointments },
];

export const moreEntries: HomeEntry[] = [
  { key: 'ask', ...messages.jobs.ask, glyph: '问', url: routes.ask },
  { key: 'guide', ...messages.jobs.guide, glyph: '指', url: routes.guideItems },
];

export const elderExtras: HomeEntry[] = [
  { key: 'ask', ...messages.jobs.ask, glyph: '问', url: routes.ask },
  { key: 'help', ...messages.jobs.help, glyph: '帮', url: routes.ask, phone: '12345' },
];
