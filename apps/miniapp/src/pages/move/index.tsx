// 户口迁移: choose the move-in category and see, condition by condition, whether it applies; then a
// four-step form whose draft is saved on the device at once and on the server when it answers
// (resumable on another device); the materials step shows what the departments supply
// (已为您自动获取, with trust level) and asks uploads only for the rest; review, consent, submit;
// then the number, the next step, the deadline in working days and where to follow it.
import { Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { getApplication } from '@/api/applications';
import { ApiError } from '@/api/errors';
import {
  checkMoveEligibility,
  createMoveApplication,
  MOVE_CATEGORIES,
  newSubmitKey,
  submitMoveApplication,
  updateMoveApplication,
  uploadMoveMaterial,
  type Eligibility,
  type MoveApplication,
  type MoveCategory,
} from '@/api/moves';
import { FormField } from '@/components/FormField';
import { PageShell } from '@/components/PageShell';
import { ActionButton } from '@/components/PrimaryButton';
import { Skeleton } from '@/components/Skeleton';
import { StepIndicator } from '@/components/StepIndicator';
import { messages } from '@/messages/zh-CN';
import { useDraft } from '@/utils/hooks';
import { formatDay } from '@/utils/time';
import { go } from '@/utils/navigation';
import { readStored, removeStored, writeStored } from '@/utils/storage';
import {
  checkMoveAccess,
  deadlineText,
  MaterialRow,
  MoveAccessGate,
  moveRoutes,
  UploadControl,
  type MoveAccess,
} from '../progress/shared';

const t = messages.moves;
const APP_KEY = 'bm.move.applicationId';

interface LocalDraft {
  category: MoveCategory | null;
  relativeName: string;
  relativeIdNumber: string;
  destinationCity: string;
  titleId: string;
  contactMobile: string;
  promise: boolean;
}

const EMPTY: LocalDraft = {
  category: null,
  relativeName: '',
  relativeIdNumber: '',
  destinationCity: '',
  titleId: '',
  contactMobile: '',
  promise: false,
};
const JOINING: MoveCategory[] = ['SPOUSE', 'ELDERLY_PARENT', 'CHILD'];
const CITY_BASED: MoveCategory[] = ['TALENT', 'EMPLOYMENT'];

function Tick({ on, label, onToggle }: { on: boolean; label: string; onToggle: () => void }) {
  return (
    <View className="mv-tick" role="checkbox" aria-checked={on} aria-label={label} tabIndex={0} onClick={onToggle}>
      <Text className={`mv-tick__box ${on ? 'mv-tick__box--on' : ''}`} aria-hidden>
        {on ? '✓' : ''}
      </Text>
      <Text>{label}</Text>
    </View>
  );
}

function Kv({ k, v }: { k: string; v: string }) {
  return (
    <View className="mv-kv">
      <Text className="mv-kv__key">{k}</Text>
      <Text className="mv-kv__value">{v}</Text>
    </View>
  );
}

export default function MovePage() {
  const router = useRouter();
  const [access, setAccess] = useState<MoveAccess>('checking');
  const { draft, update, clear } = useDraft<LocalDraft>('bm.move.draft', EMPTY);
  const [step, setStep] = useState(1);
  const [app, setApp] = useState<MoveApplication | null>(null);
  const [answer, setAnswer] = useState<Eligibility | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const [saveNote, setSaveNote] = useState<string | null>(null);
  const [consent, setConsent] = useState(false);
  const [uploading, setUploading] = useState<string | null>(null);
  const [done, setDone] = useState<MoveApplication | null>(null);
  const submitKey = useRef<string | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const restore = (a: MoveApplication) => {
    setApp(a);
    setStep(Math.min(Math.max(a.step, 2), 4));
    update({
      category: a.category,
      destinationCity: a.form.destinationCity ?? draft.destinationCity,
      titleId: a.form.titleId ?? draft.titleId,
      contactMobile: a.form.contactMobile ?? draft.contactMobile,
      promise: a.form.promise ?? draft.promise,
      relativeName: a.form.relativeName ?? draft.relativeName,
    });
  };

  const load = async () => {
    const who = await checkMoveAccess();
    setAccess(who);
    if (who !== 'ok' || done) return;
    const id = (router.params.applicationId as string | undefined) ?? readStored<string | null>(APP_KEY, null);
    if (!id || app?.applicationId === id) return;
    try {
      const found = await getApplication(id);
      if (found.status === 'DRAFT') restore(found);
      else removeStored(APP_KEY);
    } catch {
      removeStored(APP_KEY);
    }
  };
  useDidShow(() => void load());

  const category = draft.category;
  const relative =
    draft.relativeName && draft.relativeIdNumber
      ? { name: draft.relativeName.trim(), idNumber: draft.relativeIdNumber.trim() }
      : undefined;
  const eligibilityInput = () => ({
    category: category!,
    ...(category && JOINING.includes(category) && relative ? { relative } : {}),
    ...(category && CITY_BASED.includes(category) && draft.destinationCity
      ? { destinationCity: draft.destinationCity }
      : {}),
    ...(category === 'PROPERTY' && draft.titleId ? { titleId: draft.titleId } : {}),
  });

  const check = async () => {
    if (!category) return;
    setBusy(true);
    setProblem(null);
    try {
      const result = await checkMoveEligibility(eligibilityInput());
      setAnswer(result);
      if (category === 'PROPERTY' && !draft.titleId && result.titles?.length === 1)
        update({ titleId: result.titles[0].titleId });
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : messages.network.serviceBusy);
    } finally {
      setBusy(false);
    }
  };

  const formInput = () => ({
    ...(draft.titleId ? { titleId: draft.titleId } : {}),
    ...(relative && category && JOINING.includes(category) ? { relative } : {}),
    ...(draft.destinationCity && category && CITY_BASED.includes(category)
      ? { destinationCity: draft.destinationCity }
      : {}),
    ...(/^1[3-9]\d{9}$/.test(draft.contactMobile) ? { contactMobile: draft.contactMobile } : {}),
    promise: draft.promise,
  });

  const start = async () => {
    if (!category) return;
    setBusy(true);
    try {
      const created = await createMoveApplication({ category, form: formInput(), step: 2 });
      writeStored(APP_KEY, created.applicationId);
      setApp(created);
      setStep(2);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : messages.network.serviceBusy);
    } finally {
      setBusy(false);
    }
  };

  /** Saves to the server; the device copy is already saved. A conflict loads the newer version. */
  const saveToServer = async (nextStep = step) => {
    if (!app) return app;
    try {
      const saved = await updateMoveApplication(app.applicationId, {
        version: app.version,
        form: formInput(),
        step: nextStep,
      });
      setApp(saved);
      setSaveNote(t.saved);
      return saved;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
        const latest = await getApplication(app.applicationId);
        restore(latest);
        setSaveNote(t.conflict);
        return latest;
      }
      setSaveNote(t.savedLocal);
      return app;
    }
  };

  // Typing saves locally at once (useDraft) and to the server shortly after the last change.
  useEffect(() => {
    if (!app || step < 2 || done) return;
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => void saveToServer(), 800);
    return () => {
      if (saveTimer.current) clearTimeout(saveTimer.current);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft.contactMobile, draft.promise]);

  const goTo = async (next: number) => {
    setProblem(null);
    setMissing([]);
    if (saveTimer.current) clearTimeout(saveTimer.current);
    await saveToServer(next);
    setStep(next);
    if (next === 3 || next === 4) void check();
  };

  const upload = async (key: string, file: { data: ArrayBuffer | Blob; type: string }) => {
    if (!app) return;
    setUploading(key);
    setProblem(null);
    try {
      setApp(await uploadMoveMaterial(app.applicationId, key, file));
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : messages.network.serviceBusy);
    } finally {
      setUploading(null);
    }
  };

  const submit = async () => {
    if (!app) return;
    setBusy(true);
    setProblem(null);
    setMissing([]);
    submitKey.current ??= newSubmitKey();
    try {
      await saveToServer(4);
      const result = await submitMoveApplication(app.applicationId, consent, submitKey.current);
      submitKey.current = null;
      removeStored(APP_KEY);
      clear();
      setDone(result);
    } catch (error) {
      if (error instanceof ApiError && Array.isArray(error.details.missing)) {
        setMissing((error.details.missing as Array<{ message: string }>).map((m) => m.message));
      } else setProblem(error instanceof ApiError ? error.message : messages.network.serviceBusy);
    } finally {
      setBusy(false);
    }
  };

  if (access !== 'ok')
    return (
      <PageShell title={t.title} withFooterNav>
        <MoveAccessGate access={access} retry={() => void load()} />
      </PageShell>
    );

  if (done) {
    return (
      <PageShell title={t.doneTitle} withFooterNav>
        <View className="bm-card bm-form" role="status">
          <Text className="mv-tile__name">{`✓ ${t.doneTitle}`}</Text>
          <Kv k={t.caseNumber} v={done.caseId ?? ''} />
          <Kv k={t.nextStep} v={done.nextStep} />
          {done.deadline && (
            <Kv
              k={t.deadline}
              v={t.deadlineText(done.deadline.timeLimitDays, done.deadline.dueDate, done.deadline.estimated)}
            />
          )}
          <Kv k={t.followAt} v={done.followAt} />
        </View>
        <ActionButton onClick={() => go(moveRoutes.detail(done.applicationId))}>{t.goProgress}</ActionButton>
      </PageShell>
    );
  }

  const materials = answer?.materials ?? [];
  const uploadsByKey = new Map((app?.materials ?? []).map((m) => [m.key, m]));

  return (
    <PageShell title={t.title} withFooterNav>
      <StepIndicator current={step} total={4} name={t.steps[step - 1]} />
      {app?.uploadsDeleted && (
        <View className="bm-card mv-notice" role="status">
          <Text>{t.uploadsDeleted(app.uploadsDeleted.afterDays, formatDay(app.uploadsDeleted.at))}</Text>
        </View>
      )}
      {step === 1 && (
        <View className="bm-form">
          <Text className="bm-muted">{t.intro}</Text>
          <View className="mv-grid" role="radiogroup" aria-label={t.steps[0]}>
            {MOVE_CATEGORIES.map((c) => (
              <View
                key={c}
                className={`mv-tile ${category === c ? 'mv-tile--on' : ''}`}
                role="radio"
                aria-checked={category === c}
                aria-label={`${t.categories[c].name}：${t.categories[c].hint}`}
                tabIndex={0}
                onClick={() => {
                  update({ category: c });
                  setAnswer(null);
                }}
              >
                <Text className="mv-tile__name">{t.categories[c].name}</Text>
                <Text className="bm-muted">{t.categories[c].hint}</Text>
              </View>
            ))}
          </View>
          {category && JOINING.includes(category) && (
            <View className="bm-card bm-form">
              <FormField
                name="relativeName"
                label={t.relativeName}
                value={draft.relativeName}
                onChange={(v) => update({ relativeName: v })}
              />
              <FormField
                name="relativeIdNumber"
                type="idcard"
                maxLength={18}
                label={t.relativeIdNumber}
                value={draft.relativeIdNumber}
                onChange={(v) => update({ relativeIdNumber: v })}
              />
            </View>
          )}
          {category && CITY_BASED.includes(category) && (
            <View className="bm-card bm-form">
              <Text className="bm-field__label">{t.city}</Text>
              <View className="mv-select" role="radiogroup" aria-label={t.city}>
                {t.cities.map((city) => (
                  <View
                    key={city}
                    className={`mv-option ${draft.destinationCity === city ? 'mv-option--on' : ''}`}
                    role="radio"
                    aria-checked={draft.destinationCity === city}
                    aria-label={city}
                    tabIndex={0}
                    onClick={() => update({ destinationCity: city })}
                  >
                    <Text>{city}</Text>
                  </View>
                ))}
              </View>
            </View>
          )}
          {category && (
            <ActionButton
              variant={answer?.eligible ? 'secondary' : 'primary'}
              onClick={() => void check()}
              loading={busy}
            >
              {busy ? t.checking : t.check}
            </ActionButton>
          )}
          {problem && (
            <Text className="bm-field__error" role="alert">
              {`⚠ ${problem}`}
            </Text>
          )}
          {answer && (
            <View className="bm-card bm-form" role="status" aria-live="polite">
              <Text className="mv-tile__name">{answer.eligible ? `✓ ${t.eligible}` : `✗ ${t.notEligible}`}</Text>
              {answer.titles && answer.titles.length > 1 && (
                <View className="mv-select" role="radiogroup" aria-label={t.chooseTitle}>
                  {answer.titles.map((title) => (
                    <View
                      key={title.titleId}
                      className={`mv-option ${draft.titleId === title.titleId ? 'mv-option--on' : ''}`}
                      role="radio"
                      aria-checked={draft.titleId === title.titleId}
                      aria-label={title.location}
                      tabIndex={0}
                      onClick={() => update({ titleId: title.titleId })}
                    >
                      <Text>{title.location}</Text>
                    </View>
                  ))}
                </View>
              )}
              <View className="mv-checks">
                {answer.checks.map((c) => (
                  <Text
                    key={c.key}
                    className={`mv-check ${c.passed ? '' : 'mv-check--fail'}`}
                  >{`${c.passed ? '✓' : '✗'} ${c.passed ? t.passed : t.failed}：${c.message}`}</Text>
                ))}
              </View>
              {answer.destination && <Kv k={t.destination} v={answer.destination.address} />}
              {answer.eligible && (
                <ActionButton onClick={() => void start()} loading={busy}>
                  {t.start}
                </ActionButton>
              )}
            </View>
          )}
        </View>
      )}

      {step === 2 && (
        <View className="bm-form">
          <View className="bm-card bm-form">
            <Kv k={t.category} v={app?.categoryName ?? ''} />
            <FormField
              name="contactMobile"
              type="numeric"
              maxLength={11}
              label={t.contactMobile}
              hint={t.contactHint}
              value={draft.contactMobile}
              onChange={(v) => update({ contactMobile: v.replace(/\D/g, '') })}
            />
            <Tick on={draft.promise} label={t.promise} onToggle={() => update({ promise: !draft.promise })} />
          </View>
          {saveNote && (
            <Text className="bm-muted" role="status">
              {saveNote}
            </Text>
          )}
          <ActionButton onClick={() => void goTo(3)}>{t.next}</ActionButton>
          <ActionButton variant="secondary" onClick={() => setStep(1)}>
            {t.prev}
          </ActionButton>
        </View>
      )}

      {step === 3 && (
        <View className="bm-form">
          <View className="bm-card">
            <Text className="mv-tile__name">{t.materialsTitle}</Text>
            {!answer && <Skeleton lines={4} />}
            {answer && materials.every((m) => m.mode === 'fetch') && (
              // A block of its own: two Texts side by side run on as one line under the title.
              <View>
                <Text className="bm-muted">{t.noUploads}</Text>
              </View>
            )}
            <View className="mv-list">
              {materials.map((m) => {
                const mine = uploadsByKey.get(m.key);
                const shown = m.mode === 'upload' && mine ? mine : m;
                return (
                  <MaterialRow
                    key={m.key}
                    m={shown}
                    action={
                      m.mode === 'upload' ? (
                        <UploadControl
                          label={mine?.available ? t.reupload(m.name) : t.upload(m.name)}
                          busy={uploading === m.key}
                          onFile={(file) => void upload(m.key, file)}
                        />
                      ) : undefined
                    }
                  />
                );
              })}
            </View>
          </View>
          {problem && (
            <Text className="bm-field__error" role="alert">
              {`⚠ ${problem}`}
            </Text>
          )}
          <ActionButton onClick={() => void goTo(4)}>{t.next}</ActionButton>
          <ActionButton variant="secondary" onClick={() => setStep(2)}>
            {t.prev}
          </ActionButton>
        </View>
      )}

      {step === 4 && (
        <View className="bm-form">
          <View className="bm-card bm-form">
            <Text className="mv-tile__name">{t.reviewTitle}</Text>
            <Kv k={t.category} v={app?.categoryName ?? ''} />
            {answer?.destination && <Kv k={t.destination} v={answer.destination.address} />}
            <Kv k={t.contactMobile} v={draft.contactMobile} />
            {answer && <Kv k={t.deadline} v={t.deadlineText(answer.timeLimitDays, null, true)} />}
            <View className="mv-list">
              {materials.map((m) => (
                <MaterialRow key={m.key} m={m.mode === 'upload' ? (uploadsByKey.get(m.key) ?? m) : m} />
              ))}
            </View>
            <Tick on={consent} label={t.consent} onToggle={() => setConsent(!consent)} />
          </View>
          {missing.length > 0 && (
            <View className="bm-card" role="alert">
              <Text className="mv-check--fail">{t.missingTitle}</Text>
              {missing.map((m) => (
                <Text key={m} className="mv-check mv-check--fail">{`• ${m}`}</Text>
              ))}
            </View>
          )}
          {problem && (
            <Text className="bm-field__error" role="alert">
              {`⚠ ${problem}`}
            </Text>
          )}
          <ActionButton onClick={() => void submit()} loading={busy}>
            {busy ? t.submitting : t.submit}
          </ActionButton>
          <ActionButton variant="secondary" onClick={() => setStep(3)}>
            {t.prev}
          </ActionButton>
        </View>
      )}
      {app && step > 1 && app.deadline && <Text className="bm-muted">{deadlineText(app.deadline)}</Text>}
    </PageShell>
  );
}
