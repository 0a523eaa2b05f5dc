// 首页: the four jobs one tap away, then 我要问 and 办事指南; the 长辈版 switch at the top.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PageShell } from '@/components/PageShell';
import { ElderToggle } from '@/components/ElderToggle';
import { messages } from '@/messages/zh-CN';
import { useElderMode } from '@/theme/elder-mode';
import { go } from '@/utils/navigation';
import { elderExtras, fourJobs, moreEntries, type HomeEntry } from './jobs';
import './index.scss';

function JobTile({ entry, showHint }: { entry: HomeEntry; showHint: boolean }) {
  return (
    <View className="home-tile" role="button" tabIndex={0} aria-label={entry.title} onClick={() => go(entry.url)}>
      <Text className="home-tile__glyph" aria-hidden>
        {entry.glyph}
      </Text>
      <Text className="home-tile__title">{entry.title}</Text>
      {showHint && <Text className="home-tile__hint">{entry.hint}</Text>}
    </View>
  );
}

function open(entry: HomeEntry): void {
  if (entry.phone) {
    // If the call cannot be placed (desktop browser), 我要问 is the way to ask instead.
    Taro.makePhoneCall({ phoneNumber: entry.phone }).catch(() => go(entry.url));
  } else {
    go(entry.url);
  }
}

function EntryRow({ entry }: { entry: HomeEntry }) {
  return (
    <View className="home-row" role="button" tabIndex={0} aria-label={entry.title} onClick={() => open(entry)}>
      <Text className="home-row__glyph" aria-hidden>
        {entry.glyph}
      </Text>
      <View className="home-row__text">
        <Text className="home-row__title">{entry.title}</Text>
        <Text className="home-row__hint">{entry.hint}</Text>
      </View>
      <Text className="home-row__chevron" aria-hidden>
        ›
      </Text>
    </View>
  );
}

export default function HomePage() {
  const { elder } = useElderMode();
  const extras = elder ? elderExtras : moreEntries;
  return (
    <PageShell title={messages.home.greeting} className="home">
      <View className="home__toolbar">
        <Text className="home__tagline">{messages.app.tagline}</Text>
        <ElderToggle />
      </View>
      <View className="home__section" role="region" aria-label={messages.home.jobsTitle}>
        {!elder && <Text className="home__section-title">{messages.home.jobsTitle}</Text>}
        <View className="home__grid">
          {fourJobs.map((entry) => (
            <JobTile key={entry.key} entry={entry} showHint={!elder} />
          ))}
        </View>
      </View>
      <View className="home__section" role="region" aria-label={messages.home.moreTitle}>
        {!elder && <Text className="home__section-title">{messages.home.moreTitle}</Text>}
        <View className="home__list">
          {extras.map((entry) => (
            <EntryRow key={entry.key} entry={entry} />
          ))}
        </View>
      </View>
    </PageShell>
  );
}
