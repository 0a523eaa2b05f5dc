// Staff desk (subpackage): the query inbox with its filters, a thread with take / auto-assign,
// canned answers, replies, internal notes, close and reopen; rectification cases to answer;
// and, for supervisors, the supervision summary. Supervisors read the inbox but do not answer.
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { getMe } from '@/api/auth';
import { ApiError } from '@/api/errors';
import {
  assignQuestion,
  closeQuestion,
  getQuestion,
  listCannedAnswers,
  listInbox,
  reopenQuestion,
  replyToQuestion,
  type InboxFilter,
  type InboxItem,
  type Question,
} from '@/api/questions';
import type { Rectification } from '@/api/questions';
import { answerRectification, listRectifications } from '@/api/ratings';
import { getSupervisionSummary, type SupervisionSummary } from '@/api/supervision';
import { FormField } from '@/components/FormField';
import { PageShell } from '@/components/PageShell';
import { ActionButton } from '@/components/PrimaryButton';
import { messages } from '@/messages/zh-CN';
import { ThreadMessages } from '../../../pages/ask/Thread';
import '../../../pages/ask/ask.scss';

const t = messages.feedback.staff;
const FILTERS: InboxFilter[] = ['unassigned', 'mine', 'waiting', 'overdue', 'open'];
type Tab = 'inbox' | 'rectifications' | 'supervision';

function Chips<T extends string>({
  value,
  options,
  label,
  onPick,
}: {
  value: T;
  options: Array<[T, string]>;
  label: string;
  onPick: (v: T) => void;
}) {
  return (
    <View className="ask-choices" role="tablist" aria-label={label}>
      {options.map(([key, text]) => (
        <View
          key={key}
          role="tab"
          aria-selected={value === key}
          tabIndex={0}
          className={`ask-choice ${value === key ? 'ask-choice--on' : ''}`}
          onClick={() => onPick(key)}
        >
          <Text>{text}</Text>
        </View>
      ))}
    </View>
  );
}

function StaffThread({ id, canAnswer, back }: { id: string; canAnswer: boolean; back: () => void }) {
  const [q, setQ] = useState<Question | null>(null);
  const [canned, setCanned] = useState<Array<{ cannedId: string; title: string }>>([]);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void getQuestion(id).then(setQ);
    if (canAnswer) void listCannedAnswers().then((r) => setCanned(r.answers));
  }, [id, canAnswer]);
  if (!q) return <View className="bm-card bm-muted">…</View>;

  const act = async (run: () => Promise<Question>) => {
    setProblem(null);
    try {
      setQ(await run());
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : String(error));
    }
  };
  const send = (internal: boolean) =>
    text.trim()
      ? act(async () => await replyToQuestion(id, { text: text.trim(), internal }).finally(() => setText('')))
      : undefined;

  return (
    <View>
      <View className="bm-card">
        <Text className="bm-card__title">{q.title}</Text>
        <Text role="status">{` ${q.statusText}${q.overdue ? ` · ${t.overdue(q.workingDaysLate ?? 0)}` : ''}`}</Text>
      </View>
      <ThreadMessages question={q} />
      {problem && (
        <Text className="bm-form-error" role="alert">
          {problem}
        </Text>
      )}
      {canAnswer && q.status !== 'CLOSED' && (
        <View className="bm-card bm-form">
          {!q.assignee && (
            <View className="ask-row">
              <ActionButton variant="secondary" onClick={() => void act(() => assignQuestion(id, 'take'))}>
                {t.take}
              </ActionButton>
              <ActionButton variant="secondary" onClick={() => void act(() => assignQuestion(id, 'auto'))}>
                {t.auto}
              </ActionButton>
            </View>
          )}
          <Text className="bm-muted">{t.canned}</Text>
          {canned.map((c) => (
            <ActionButton
              key={c.cannedId}
              variant="secondary"
              onClick={() => void act(() => replyToQuestion(id, { cannedId: c.cannedId }))}
            >
              {t.useCanned(c.title)}
            </ActionButton>
          ))}
          <FormField name="staff-reply" label={t.reply} value={text} onChange={setText} maxLength={2000} />
          <ActionButton onClick={() => void send(false)}>{t.send}</ActionButton>
          <ActionButton variant="secondary" onClick={() => void send(true)}>
            {t.note}
          </ActionButton>
          <ActionButton variant="secondary" onClick={() => void act(() => closeQuestion(id))}>
            {t.close}
          </ActionButton>
        </View>
      )}
      {canAnswer && q.status === 'CLOSED' && (
        <ActionButton variant="secondary" onClick={() => void act(() => reopenQuestion(id))}>
          {t.reopen}
        </ActionButton>
      )}
      <ActionButton variant="secondary" onClick={back}>
        {t.back}
      </ActionButton>
    </View>
  );
}

function Inbox({ canAnswer }: { canAnswer: boolean }) {
  const [filter, setFilter] = useState<InboxFilter>(canAnswer ? 'unassigned' : 'open');
  const [items, setItems] = useState<InboxItem[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const load = () => void listInbox(filter).then((r) => setItems(r.items));
  useEffect(load, [filter, open]);
  if (open) return <StaffThread id={open} canAnswer={canAnswer} back={() => setOpen(null)} />;
  return (
    <View>
      <Chips value={filter} label={t.inbox} options={FILTERS.map((f) => [f, t.filters[f]])} onPick={setFilter} />
      <View className="bm-card" role="list" aria-label={t.filters[filter]}>
        {items.length === 0 && <Text className="bm-muted">{t.empty}</Text>}
        {items.map((i) => (
          <View key={i.questionId} className="ask-row" role="listitem">
            <Text>{`${i.title}（${i.statusText}${i.overdue ? `，${t.overdue(i.workingDaysLate)}` : ''}）`}</Text>
            <ActionButton variant="secondary" accessibleName={`查看 ${i.title}`} onClick={() => setOpen(i.questionId)}>
              查看
            </ActionButton>
          </View>
        ))}
      </View>
    </View>
  );
}

function Rectifications({ canAnswer }: { canAnswer: boolean }) {
  const [list, setList] = useState<Rectification[]>([]);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const load = () => void listRectifications('ALL').then((r) => setList(r.rectifications));
  useEffect(load, []);
  return (
    <View role="list" aria-label={t.rectifications}>
      {list.length === 0 && <Text className="bm-card bm-muted">{t.noRectifications}</Text>}
      {list.map((r) => (
        <View key={r.rectificationId} className="bm-card bm-form" role="listitem" aria-label={r.serviceLabel}>
          <Text className="bm-card__title">{`${r.serviceLabel}（${r.levelText}）`}</Text>
          {r.comment && <Text>{r.comment}</Text>}
          <Text className="bm-muted">{`${r.statusText} · ${t.due(r.dueDay)}`}</Text>
          {r.answer && <Text>{`${t.answer}：${r.answer.text}`}</Text>}
          {canAnswer && r.status === 'OPEN' && (
            <>
              <FormField
                name={`answer-${r.rectificationId}`}
                label={t.answer}
                value={drafts[r.rectificationId] ?? ''}
                onChange={(v) => setDrafts({ ...drafts, [r.rectificationId]: v })}
                maxLength={2000}
              />
              <ActionButton
                onClick={() =>
                  void answerRectification(r.rectificationId, (drafts[r.rectificationId] ?? '').trim()).then(load)
                }
              >
                {t.sendAnswer}
              </ActionButton>
            </>
          )}
        </View>
      ))}
    </View>
  );
}

function Supervision() {
  const [s, setS] = useState<SupervisionSummary | null>(null);
  useEffect(() => void getSupervisionSummary().then(setS), []);
  if (!s) return <View className="bm-card bm-muted">…</View>;
  const row = (label: string, value: string | number) => (
    <View className="ask-row" role="listitem">
      <Text>{label}</Text>
      <Text>{String(value)}</Text>
    </View>
  );
  return (
    <View className="bm-card" role="list" aria-label={t.supervision}>
      <Text className="bm-muted">{`${s.period.from} ~ ${s.period.to}`}</Text>
      {row(t.sup.overdueQueries, s.queries.overdueNow)}
      {row(t.sup.answeredLate, s.queries.answeredLate)}
      {row(t.sup.applications, s.applications.note ?? s.applications.pastTimeLimit)}
      {row(t.sup.openCases, s.rectifications.open)}
      {row(t.sup.overdueCases, s.rectifications.overdue)}
      {row(t.sup.ratings, s.satisfaction.ratings)}
      <Text className="bm-card__title">{t.sup.byItem}</Text>
      {s.satisfaction.byItem.map((g) => row(g.name ?? '—', t.sup.rate(g.ratings, g.satisfiedRate)))}
      <Text className="bm-card__title">{t.sup.byHall}</Text>
      {s.satisfaction.byHall.map((g) => row(g.name ?? '—', t.sup.rate(g.ratings, g.satisfiedRate)))}
    </View>
  );
}

export default function StaffDeskPage() {
  const [role, setRole] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('inbox');
  useDidShow(
    () =>
      void getMe()
        .then((me) => setRole(me.session.role))
        .catch(() => setRole('none')),
  );
  const desk = role === 'staff' || role === 'supervisor';
  const tabs: Array<[Tab, string]> = [
    ['inbox', t.inbox],
    ['rectifications', t.rectifications],
  ];
  if (role === 'supervisor') tabs.push(['supervision', t.supervision]);
  return (
    <PageShell title={t.title} withFooterNav>
      {role !== null && !desk && <Text className="bm-card">{t.onlyStaff}</Text>}
      {desk && (
        <>
          <Chips value={tab} label={messages.roles.staff.title} options={tabs} onPick={setTab} />
          {tab === 'inbox' && <Inbox canAnswer={role === 'staff'} />}
          {tab === 'rectifications' && <Rectifications canAnswer={role === 'staff'} />}
          {tab === 'supervision' && <Supervision />}
        </>
      )}
    </PageShell>
  );
}
