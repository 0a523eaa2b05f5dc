// 实名认证 in two steps: 1) name + ID number, checked inline (GB 11643) and then by the identity
// service; 2) the face check. Drafts survive closing the app; errors sit beside their field.
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { getMe } from '@/api/auth';
import { ApiError } from '@/api/errors';
import { startFaceCheck, verifyIdentity } from '@/api/identity';
import { getToken } from '@/api/session';
import { FormField } from '@/components/FormField';
import { PageShell } from '@/components/PageShell';
import { ActionButton } from '@/components/PrimaryButton';
import { Skeleton } from '@/components/Skeleton';
import { StepIndicator } from '@/components/StepIndicator';
import { messages } from '@/messages/zh-CN';
import { openFaceFlow, openFacePage, waitForFaceResult } from '@/utils/face-check';
import { useDraft } from '@/utils/hooks';
import { checkIdNumber, checkIdNumberWhileTyping, normaliseIdNumber } from '@/utils/id-number';
import { go, routes } from '@/utils/navigation';
import { readStored, removeStored, storageKeys, writeStored } from '@/utils/storage';

const t = messages.identity;
const NAME_PATTERN = /^[\u4e00-\u9fa5·]{2,30}$/;

type Stage = 'loading' | 'needLogin' | 'realName' | 'face' | 'done';

export function checkName(raw: string): string | null {
  const name = raw.trim();
  if (!name) return t.nameRequired;
  return NAME_PATTERN.test(name) ? null : t.nameInvalid;
}

interface FieldErrors {
  name?: string | null;
  idNumber?: string | null;
  form?: string | null;
}

/** Server answers to verifyIdentity, placed where the resident will look for them. */
export function placeVerifyError(error: ApiError): FieldErrors {
  const remaining = error.remainingAttempts;
  const withRemaining = remaining !== undefined ? `${error.message}（${t.remaining(remaining)}）` : error.message;
  switch (error.code) {
    case 'ID_NUMBER_INVALID':
    case 'ID_NUMBER_BOUND_ELSEWHERE':
      return { idNumber: error.message };
    case 'IDENTITY_MISMATCH':
    case 'IDENTITY_NOT_FOUND':
    case 'IDENTITY_CANCELLED':
      return { idNumber: withRemaining };
    default: {
      const name = error.fieldMessage('name');
      const idNumber = error.fieldMessage('idNumber');
      if (name || idNumber) return { name, idNumber };
      return { form: withRemaining };
    }
  }
}

function RealNameStep({ onDone }: { onDone: () => void }) {
  const { draft, update, clear } = useDraft(storageKeys.identityDraft, { name: '', idNumber: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    const nameError = checkName(draft.name);
    const idCheck = checkIdNumber(draft.idNumber);
    const next: FieldErrors = { name: nameError, idNumber: idCheck.ok ? null : idCheck.message };
    setErrors(next);
    if (nameError || !idCheck.ok) return;
    setSubmitting(true);
    try {
      await verifyIdentity(draft.name.trim(), idCheck.value);
      clear();
      onDone();
    } catch (error) {
      setErrors(error instanceof ApiError ? placeVerifyError(error) : { form: messages.network.unstable });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className="bm-card bm-form">
      <StepIndicator current={1} total={2} name={t.stepRealName} />
      <Text>{t.intro}</Text>
      <FormField
        name="name"
        label={t.nameLabel}
        value={draft.name}
        placeholder={t.namePlaceholder}
        maxLength={30}
        error={errors.name}
        onChange={(value) => {
          update({ name: value });
          if (errors.name) setErrors({ ...errors, name: null });
        }}
        onBlur={(value) => value && setErrors((e) => ({ ...e, name: checkName(value) }))}
      />
      <FormField
        name="idNumber"
        label={t.idLabel}
        type="idcard"
        value={draft.idNumber}
        placeholder={t.idPlaceholder}
        maxLength={22}
        error={errors.idNumber}
        hint={draft.name || draft.idNumber ? t.draftKept : null}
        onChange={(value) => {
          update({ idNumber: value });
          const early = checkIdNumberWhileTyping(value);
          // Say wrong characters at once; a complete number gets the full check (checksum included).
          const full = normaliseIdNumber(value).length === 18 ? checkIdNumber(value) : null;
          const problem = early ?? (full && !full.ok ? full : null);
          setErrors((e) => ({ ...e, idNumber: problem && !problem.ok ? problem.message : null, form: null }));
        }}
        onBlur={(value) => {
          if (!value) return;
          const check = checkIdNumber(value);
          setErrors((e) => ({ ...e, idNumber: check.ok ? null : check.message }));
        }}
      />
      {errors.form && (
        <Text className="bm-form-error" role="alert">
          {errors.form}
        </Text>
      )}
      <ActionButton onClick={submit} loading={submitting}>
        {t.submit}
      </ActionButton>
      <Text className="bm-muted">{t.consent}</Text>
    </View>
  );
}

type FacePhase = 'idle' | 'starting' | 'waiting' | 'pass' | 'fail' | 'expired';

function FaceStep() {
  const [phase, setPhase] = useState<FacePhase>('idle');
  const [faceUrl, setFaceUrl] = useState<string | null>(null);
  const leaving = useRef(false);

  const poll = async (faceCheckId: string) => {
    setPhase('waiting');
    const result = await waitForFaceResult(faceCheckId, () => leaving.current);
    if (!result) return;
    removeStored(storageKeys.pendingFaceCheck);
    if (result.status === 'PASS') {
      setPhase('pass');
    } else {
      setPhase(result.status === 'FAIL' ? 'fail' : 'expired');
    }
  };

  useEffect(() => {
    leaving.current = false;
    // A check started before the page was reloaded (H5 tabs get discarded) is picked up again.
    const pending = readStored<{ faceCheckId: string; h5Url: string } | null>(storageKeys.pendingFaceCheck, null);
    if (pending?.faceCheckId) {
      setFaceUrl(pending.h5Url);
      void poll(pending.faceCheckId);
    }
    return () => {
      leaving.current = true;
    };
  }, []);

  const start = async () => {
    setPhase('starting');
    try {
      const started = await startFaceCheck();
      writeStored(storageKeys.pendingFaceCheck, { faceCheckId: started.faceCheckId, h5Url: started.h5Url });
      setFaceUrl(started.h5Url);
      const opened = await openFaceFlow(started);
      if (!opened) {
        removeStored(storageKeys.pendingFaceCheck);
        setPhase('idle');
        void Taro.showToast({ title: t.faceCancelled, icon: 'none' });
        return;
      }
      await poll(started.faceCheckId);
    } catch {
      setPhase('idle');
    }
  };

  return (
    <View className="bm-card bm-form">
      <StepIndicator current={2} total={2} name={t.stepFace} />
      <Text className="bm-form-ok">{`✓ ${t.doneRealName}`}</Text>
      <Text>{t.faceIntro}</Text>
      {phase === 'waiting' && (
        <View className="bm-form" role="status">
          <Text>{t.faceWaiting}</Text>
          {faceUrl && process.env.TARO_ENV !== 'weapp' && (
            <View
              className="bm-link-button"
              role="button"
              tabIndex={0}
              aria-label={t.faceOpenAgain}
              onClick={() => openFacePage(faceUrl)}
            >
              <Text>{t.faceOpenAgain}</Text>
            </View>
          )}
        </View>
      )}
      {phase === 'pass' && (
        <Text className="bm-form-ok" role="status">
          {`✓ ${t.facePass}`}
        </Text>
      )}
      {(phase === 'fail' || phase === 'expired') && (
        <Text className="bm-form-error" role="alert">
          {phase === 'fail' ? t.faceFail : t.faceExpired}
        </Text>
      )}
      {phase === 'pass' ? (
        <ActionButton onClick={() => go(routes.mine)}>{t.toMine}</ActionButton>
      ) : (
        <ActionButton onClick={start} loading={phase === 'starting'} disabled={phase === 'waiting'}>
          {phase === 'fail' || phase === 'expired' ? t.faceRetry : t.faceStart}
        </ActionButton>
      )}
    </View>
  );
}

export default function IdentityPage() {
  const [stage, setStage] = useState<Stage>('loading');

  const load = async () => {
    if (!getToken()) {
      setStage('needLogin');
      return;
    }
    try {
      const me = await getMe();
      setStage(me.session.level === 'LOGGED_IN' ? 'realName' : me.session.level === 'REAL_NAME' ? 'face' : 'done');
    } catch (error) {
      setStage(error instanceof ApiError && error.status === 401 ? 'needLogin' : 'realName');
    }
  };

  useDidShow(() => {
    // Coming back from the log-in page or the face window: re-read where the resident stands.
    if (stage === 'loading' || stage === 'needLogin') void load();
  });

  return (
    <PageShell title={t.title} withFooterNav>
      {stage === 'loading' && <Skeleton lines={4} />}
      {stage === 'needLogin' && (
        <View className="bm-card bm-form">
          <Text>{t.needLogin}</Text>
          <ActionButton onClick={() => go(`${routes.login}?redirect=${encodeURIComponent(routes.identity)}`)}>
            {t.goLogin}
          </ActionButton>
        </View>
      )}
      {stage === 'realName' && <RealNameStep onDone={() => setStage('face')} />}
      {stage === 'face' && <FaceStep />}
      {stage === 'done' && (
        <View className="bm-card bm-form">
          <Text className="bm-form-ok" role="status">
            {`✓ ${t.alreadyVerified}`}
          </Text>
          <ActionButton onClick={() => go(routes.mine)}>{t.toMine}</ActionButton>
          <ActionButton variant="secondary" onClick={() => setStage('face')}>
            {t.faceStart}
          </ActionButton>
        </View>
      )}
    </PageShell>
  );
}
