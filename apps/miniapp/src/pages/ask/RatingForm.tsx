// 好差评 for a closed query: five levels, the five online indicators (1-5, preset from the
// level and adjustable) and an optional comment. One rating per service: the server refuses a second.
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { rateService, type Indicators, type RatingLevel } from '@/api/ratings';
import { FormField } from '@/components/FormField';
import { ActionButton } from '@/components/PrimaryButton';
import { messages } from '@/messages/zh-CN';

const t = messages.feedback.ask;
const LEVELS: RatingLevel[] = [
  'VERY_SATISFIED',
  'SATISFIED',
  'BASICALLY_SATISFIED',
  'DISSATISFIED',
  'VERY_DISSATISFIED',
];
const SCORE: Record<RatingLevel, number> = {
  VERY_SATISFIED: 5,
  SATISFIED: 4,
  BASICALLY_SATISFIED: 3,
  DISSATISFIED: 2,
  VERY_DISSATISFIED: 1,
};
const KEYS = ['overall', 'efficiency', 'guideAccuracy', 'convenience', 'easeOfUse'] as const;

export function RatingForm({ questionId, onRated }: { questionId: string; onRated: () => void }) {
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [scores, setScores] = useState<Indicators | null>(null);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const pick = (l: RatingLevel) => {
    setLevel(l);
    setScores(Object.fromEntries(KEYS.map((k) => [k, SCORE[l]])) as Indicators);
    setProblem(null);
  };

  const submit = async () => {
    if (!level || !scores) return setProblem(t.pickLevel);
    setBusy(true);
    try {
      await rateService({
        serviceRef: { type: 'question', id: questionId },
        level,
        indicators: scores,
        comment: comment.trim() || undefined,
      });
      onRated();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="bm-card bm-form" role="group" aria-label={t.rateTitle}>
      <Text className="bm-card__title">{t.rateTitle}</Text>
      <View className="ask-choices" role="radiogroup" aria-label={t.rateTitle}>
        {LEVELS.map((l) => (
          <View
            key={l}
            role="radio"
            aria-checked={level === l}
            tabIndex={0}
            className={`ask-choice ${level === l ? 'ask-choice--on' : ''}`}
            onClick={() => pick(l)}
          >
            <Text>{t.rateLevels[l]}</Text>
          </View>
        ))}
      </View>
      {scores &&
        KEYS.map((k) => (
          <View key={k} className="ask-row" role="radiogroup" aria-label={t.indicators[k]}>
            <Text>{t.indicators[k]}</Text>
            <View className="ask-choices">
              {[1, 2, 3, 4, 5].map((n) => (
                <View
                  key={n}
                  role="radio"
                  aria-checked={scores[k] === n}
                  aria-label={`${t.indicators[k]} ${t.score(n)}`}
                  tabIndex={0}
                  className={`ask-choice ${scores[k] === n ? 'ask-choice--on' : ''}`}
                  onClick={() => setScores({ ...scores, [k]: n })}
                >
                  <Text>{n}</Text>
                </View>
              ))}
            </View>
          </View>
        ))}
      <FormField name="rating-comment" label={t.comment} value={comment} onChange={setComment} maxLength={500} />
      {problem && (
        <Text className="bm-form-error" role="alert">
          {problem}
        </Text>
      )}
      <ActionButton onClick={() => void submit()} loading={busy} disabled={busy}>
        {t.submitRating}
      </ActionButton>
    </View>
  );
}
