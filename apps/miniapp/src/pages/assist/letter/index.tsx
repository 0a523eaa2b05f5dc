// 委托书: the proxy letter of a 代办 grant, for the resident who gave it.
import { Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { getAssistLetter, type AssistLetter } from '@/api/assist';
import { ApiError } from '@/api/errors';
import { PageShell } from '@/components/PageShell';
import { Skeleton } from '@/components/Skeleton';
import { messages } from '@/messages/zh-CN';
import { chinaTime, InfoRow, StateBadge } from '../shared';

const t = messages.assist;

export default function AssistLetterPage() {
  const { params } = useRouter();
  const [letter, setLetter] = useState<AssistLetter | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useDidShow(() => {
    if (!params.grantId) return setProblem(t.loadFailed);
    getAssistLetter(params.grantId)
      .then(setLetter)
      .catch((error: unknown) => setProblem(error instanceof ApiError ? error.message : t.loadFailed));
  });

  return (
    <PageShell title={t.letterTitle} withFooterNav>
      {!letter && !problem && <Skeleton lines={6} />}
      {problem && (
        <View className="bm-card assist-alert" role="alert">
          <Text>{problem}</Text>
        </View>
      )}
      {letter && (
        <View className="bm-card bm-form" role="document" aria-label={letter.title}>
          <Text className="assist-letter__title">{letter.title}</Text>
          <Text className="assist-letter__no">{letter.letterNo}</Text>
          <View className="assist-head">
            <Text>{t.stateLabel}</Text>
            <StateBadge state={letter.state} name={letter.stateName} />
          </View>
          <InfoRow label={t.principal} value={`${letter.principal.nameMasked} ${letter.principal.idNumberMasked}`} />
          <InfoRow label={t.agent} value={`${letter.agent.role} ${letter.agent.name}（${letter.agent.staffId}）`} />
          <InfoRow label={t.itemsLabel} value={letter.items.map((i) => i.name).join('、')} />
          <InfoRow label={t.validity} value={`${chinaTime(letter.validFrom)} 至 ${chinaTime(letter.validUntil)}`} />
          {letter.paragraphs.map((p, i) => (
            <Text key={i} className="assist-letter__para">
              {p}
            </Text>
          ))}
        </View>
      )}
    </PageShell>
  );
}
