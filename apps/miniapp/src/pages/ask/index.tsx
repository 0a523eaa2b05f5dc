// 我要问: ask a question (matching FAQ entries are suggested while typing, before anything is
// sent), follow my threads, add to them, close them, and rate the answer once a thread is closed.
// A bad rating becomes a rectification case whose answer shows here.
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { ApiError } from '@/api/errors';
import {
  askQuestion,
  closeQuestion,
  getQuestion,
  listMyQuestions,
  replyToQuestion,
  suggestFaq,
  type FaqEntry,
  type Question,
  type QuestionSummary,
} from '@/api/questions';
import { getToken } from '@/api/session';
import { FormField } from '@/components/FormField';
import { PageShell } from '@/components/PageShell';
import { ActionButton } from '@/components/PrimaryButton';
import { messages } from '@/messages/zh-CN';
import { go, routes } from '@/utils/navigation';
import { RatingForm } from './RatingForm';
import { ThreadMessages } from './Thread';
import './ask.scss';

const t = messages.feedback.ask;

function AskForm({ onAsked }: { onAsked: (q: Question) => void }) {
  const [text, setText] = useState('');
  const [faq, setFaq] = useState<FaqEntry[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const q = text.trim();
    if (q.length < 4) return setFaq([]);
    const timer = setTimeout(() => {
      suggestFaq(q)
        .then((r) => setFaq(r.entries))
        .catch(() => setFaq([]));
    }, 400);
    return () => clearTimeout(timer);
  }, [text]);

  const submit = async () => {
    if (text.trim().length < 5) return setProblem(t.tooShort);
    setBusy(true);
    try {
      const q = await askQuestion(text.trim());
      setText('');
      onAsked(q);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="bm-card bm-form">
      <FormField
        name="question"
        label={t.questionLabel}
        value={text}
        onChange={(v) => (setText(v), setProblem(null))}
        hint={t.questionHint}
        error={problem}
        maxLength={1000}
      />
      {faq.length > 0 && (
        <View role="region" aria-label={t.suggestions}>
          <Text className="bm-muted">{t.suggestions}</Text>
          {faq.map((e) => (
            <View key={e.faqId} className="ask-message" role="article" aria-label={e.question}>
              <Text className="ask-message__who">{`${e.question}（${e.itemName}）`}</Text>
              <Text>{e.answer}</Text>
            </View>
          ))}
        </View>
      )}
      <ActionButton onClick={() => void submit()} loading={busy} disabled={busy}>
        {t.stillAsk}
      </ActionButton>
    </View>
  );
}

function ThreadView({ id, back }: { id: string; back: () => void }) {
  const [question, setQuestion] = useState<Question | null>(null);
  const [more, setMore] = useState('');
  const load = () =>
    getQuestion(id)
      .then(setQuestion)
      .catch(() => back());
  // eslint-disable-next-line react-hooks/exhaustive-deps -- reload only when another thread is opened
  useEffect(() => void load(), [id]);
  if (!question) return <View className="bm-card bm-muted">…</View>;

  const follow = async () => {
    if (!more.trim()) return;
    setQuestion(await replyToQuestion(id, { text: more.trim() }));
    setMore('');
  };
  const r = question.rectification;
  return (
    <View>
      <View className="bm-card">
        <Text className="bm-card__title">{question.title}</Text>
        <Text role="status">{` ${question.statusText}`}</Text>
      </View>
      <ThreadMessages question={question} />
      {question.status !== 'CLOSED' && (
        <View className="bm-card bm-form">
          <FormField name="follow-up" label={t.followUp} value={more} onChange={setMore} maxLength={1000} />
          <ActionButton variant="secondary" onClick={() => void follow()}>
            {t.sendFollowUp}
          </ActionButton>
          <ActionButton variant="secondary" onClick={() => void closeQuestion(id).then(setQuestion)}>
            {t.closeThread}
          </ActionButton>
        </View>
      )}
      {question.canRate && <RatingForm questionId={id} onRated={() => void load()} />}
      {question.rating && (
        <View className="bm-card" role="status">
          <Text>{t.rated(question.rating.levelText)}</Text>
        </View>
      )}
      {r && (
        <View className="bm-card" role="region" aria-label={t.rectificationAnswer}>
          {r.answer ? (
            <>
              <Text className="ask-message__who">{`${t.rectificationAnswer}（${r.statusText}）`}</Text>
              <Text>{r.answer.text}</Text>
            </>
          ) : (
            <Text>{t.rectificationOpen(r.dueDay)}</Text>
          )}
        </View>
      )}
      <ActionButton variant="secondary" onClick={back}>
        {t.back}
      </ActionButton>
    </View>
  );
}

export default function AskPage() {
  const params = Taro.getCurrentInstance().router?.params ?? {};
  const [guest, setGuest] = useState(!getToken());
  const [mine, setMine] = useState<QuestionSummary[]>([]);
  const [open, setOpen] = useState<string | null>(params.questionId ?? null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = async () => {
    if (!getToken()) return setGuest(true);
    setGuest(false);
    try {
      setMine((await listMyQuestions()).questions);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setGuest(true);
    }
  };
  useDidShow(() => void load());

  return (
    <PageShell title={t.title} withFooterNav hideAsk>
      {guest ? (
        <View className="bm-card bm-form">
          <Text>{t.needLogin}</Text>
          <ActionButton onClick={() => go(routes.login)}>{t.goLogin}</ActionButton>
        </View>
      ) : open ? (
        <ThreadView id={open} back={() => (setOpen(null), void load())} />
      ) : (
        <>
          {notice && (
            <View className="bm-card" role="status">
              <Text>{notice}</Text>
            </View>
          )}
          <AskForm
            onAsked={(q) => {
              setNotice(t.sent(q.firstReplyDueDay));
              void load();
            }}
          />
          <View className="bm-card" role="list" aria-label={t.mine}>
            <Text className="bm-card__title">{t.mine}</Text>
            {mine.length === 0 && <Text className="bm-muted">{t.empty}</Text>}
            {mine.map((q) => (
              <View key={q.questionId} className="ask-row" role="listitem">
                <Text>{`${q.title}（${q.statusText}）`}</Text>
                <ActionButton
                  variant="secondary"
                  accessibleName={`${t.open} ${q.title}`}
                  onClick={() => setOpen(q.questionId)}
                >
                  {t.open}
                </ActionButton>
              </View>
            ))}
          </View>
        </>
      )}
    </PageShell>
  );
}
