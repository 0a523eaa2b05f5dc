// One query thread as its reader sees it: a resident never receives internal notes (the server
// leaves them out); staff see them marked as 内部备注.
import { Text, View } from '@tarojs/components';
import type { Question } from '@/api/questions';
import { messages } from '@/messages/zh-CN';
import dayjs from 'dayjs';
import { CHINA_ZONE } from '@/utils/time';

export const whenLabel = (iso: string) => dayjs(iso).tz(CHINA_ZONE).format('M月D日 HH:mm');

const t = messages.feedback;

export function ThreadMessages({ question }: { question: Question }) {
  return (
    <View className="bm-card" role="list" aria-label={question.title}>
      {question.messages.map((m) => (
        <View
          key={m.messageId}
          role="listitem"
          className={`ask-message ${m.author === 'staff' ? 'ask-message--staff' : ''} ${m.kind === 'note' ? 'ask-message--note' : ''}`}
        >
          <Text className="ask-message__who">
            {m.kind === 'note' ? `${t.staff.noteTag} · ` : ''}
            {m.author === 'staff'
              ? t.ask.staff(m.staffName)
              : question.residentNameMasked === undefined
                ? t.ask.me
                : t.staff.resident(question.residentNameMasked)}
            {` · ${whenLabel(m.at)}`}
          </Text>
          <Text>{m.text}</Text>
        </View>
      ))}
    </View>
  );
}
