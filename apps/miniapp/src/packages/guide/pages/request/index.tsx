// 发起授权请求: the guide names the items, the mode (帮办 / 代办) and the duration, then shows the
// one-time QR code and short code to the resident and waits for their consent. For a resident
// without a phone at hand, a code goes by SMS to their registered mobile and the guide types it in.
import { Text, View } from '@tarojs/components';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { listHalls } from '@/api/appointments';
import {
  createAssistRequest,
  getAssistRequest,
  grantAssistBySms,
  sendAssistSmsCode,
  type AssistMode,
  type AssistRequest,
  type ItemRef,
} from '@/api/assist';
import { ApiError } from '@/api/errors';
import { FormField } from '@/components/FormField';
import { PageShell } from '@/components/PageShell';
import { ActionButton } from '@/components/PrimaryButton';
import { Skeleton } from '@/components/Skeleton';
import { StepIndicator } from '@/components/StepIndicator';
import { messages } from '@/messages/zh-CN';
import { chinaTime, InfoRow } from '@/pages/assist/shared';
import { go } from '@/utils/navigation';
import { Chip, guideRoutes, RequestQr } from '../../shared';

const t = messages.assist;
const POLL_MS = 3000;

const errorText = (error: unknown) => (error instanceof ApiError ? error.message : t.loadFailed);

export default function AssistRequestPage() {
  const [catalogue, setCatalogue] = useState<ItemRef[] | null>(null);
  const [items, setItems] = useState<string[]>([]);
  const [mode, setMode] = useState<AssistMode>('PROXY');
  const [duration, setDuration] = useState(120);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [request, setRequest] = useState<AssistRequest | null>(null);
  const [visible, setVisible] = useState(true);

  useDidShow(() => {
    setVisible(true);
    if (catalogue) return;
    listHalls()
      .then(({ halls }) => {
        const byCode = new Map<string, string>();
        for (const hall of halls) for (const item of hall.serviceItems) byCode.set(item.code, item.name);
        setCatalogue([...byCode].map(([code, name]) => ({ code, name })));
      })
      .catch(() => setCatalogue([]));
  });
  useDidHide(() => setVisible(false));

  // Wait for the resident's consent while the code is shown.
  useEffect(() => {
    if (!request || request.status !== 'OPEN' || !visible) return;
    const timer = setInterval(() => {
      getAssistRequest(request.requestId)
        .then((latest) => latest.status !== 'OPEN' && setRequest(latest))
        .catch(() => undefined);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [request, visible]);

  const create = async () => {
    if (items.length === 0) return setProblem(t.needItems);
    setBusy(true);
    setProblem(null);
    try {
      setRequest(await createAssistRequest({ items, mode, durationMinutes: duration }));
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const toggle = (code: string) =>
    setItems((now) => (now.includes(code) ? now.filter((c) => c !== code) : [...now, code]));

  return (
    <PageShell title={t.requestTitle} withFooterNav>
      <StepIndicator current={request ? 2 : 1} total={2} name={request ? t.stepCode : t.requestTitle} />
      {!request && (
        <View className="bm-card bm-form">
          <Text className="guide-section-title">{t.pickItems}</Text>
          {!catalogue && <Skeleton lines={3} />}
          <View className="guide-chips" role="group" aria-label={t.pickItems}>
            {catalogue?.map((item) => (
              <Chip
                key={item.code}
                multiple
                label={item.name}
                on={items.includes(item.code)}
                onClick={() => toggle(item.code)}
              />
            ))}
          </View>
          <Text className="guide-section-title">{t.pickMode}</Text>
          <View className="guide-chips" role="radiogroup" aria-label={t.pickMode}>
            {(['PROXY', 'ASSIST'] as const).map((m) => (
              <Chip key={m} label={t.modes[m]} on={mode === m} onClick={() => setMode(m)} />
            ))}
          </View>
          <Text className="guide-section-title">{t.pickDuration}</Text>
          <View className="guide-chips" role="radiogroup" aria-label={t.pickDuration}>
            {t.durations.map((minutes) => (
              <Chip
                key={minutes}
                label={t.duration(minutes)}
                on={duration === minutes}
                onClick={() => setDuration(minutes)}
              />
            ))}
          </View>
          {problem && (
            <View className="assist-alert" role="alert">
              <Text>{problem}</Text>
            </View>
          )}
          <ActionButton loading={busy} onClick={() => void create()}>
            {t.createCode}
          </ActionButton>
        </View>
      )}
      {request && request.status === 'OPEN' && <ShowCode request={request} onGranted={setRequest} />}
      {request && request.status === 'EXPIRED' && (
        <View className="bm-card bm-form" role="alert">
          <Text>{t.requestExpired}</Text>
          <ActionButton onClick={() => setRequest(null)}>{t.newRequest}</ActionButton>
        </View>
      )}
      {request && request.status === 'GRANTED' && request.grantId && (
        <View className="bm-card bm-form" role="status">
          <View className="assist-ok">
            <Text>{t.residentGranted}</Text>
          </View>
          {request.mode === 'PROXY' ? (
            <ActionButton onClick={() => go(guideRoutes.act(request.grantId!))}>{t.startProxy}</ActionButton>
          ) : (
            <Text>{t.notProxy}</Text>
          )}
          <ActionButton variant="secondary" onClick={() => go(guideRoutes.desk)}>
            {t.myGrants}
          </ActionButton>
        </View>
      )}
    </PageShell>
  );
}

function ShowCode({ request, onGranted }: { request: AssistRequest; onGranted: (r: AssistRequest) => void }) {
  const [mobile, setMobile] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const requestId = useRef(request.requestId);

  const send = async () => {
    setBusy(true);
    setProblem(null);
    try {
      setSentTo((await sendAssistSmsCode(requestId.current, mobile)).sentTo);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const grant = await grantAssistBySms(requestId.current, code);
      onGranted({ ...request, status: 'GRANTED', grantId: grant.grantId });
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <View className="bm-card bm-form guide-qr">
        <Text>{t.showToResident}</Text>
        <RequestQr text={request.qrText} label={`${t.codeLabel} ${request.code}`} />
        <Text className="guide-qr__code" aria-label={`${t.codeLabel} ${request.code.split('').join(' ')}`}>
          {request.code.replace(/(\d{4})(\d{4})/, '$1 $2')}
        </Text>
        <Text className="bm-muted">{t.codeValid(chinaTime(request.expiresAt))}</Text>
        <InfoRow label={t.itemsLabel} value={request.items.map((i) => i.name).join('、')} />
        <InfoRow label={t.modeLabel} value={t.modeShort[request.mode]} />
        <InfoRow label={t.durationLabel} value={t.duration(request.durationMinutes)} />
        <Text role="status">{t.waiting}</Text>
      </View>
      <View className="bm-card bm-form">
        <Text className="guide-section-title">{t.smsTitle}</Text>
        <Text className="bm-muted">{t.smsHint}</Text>
        <FormField
          name="assist-mobile"
          label={t.smsMobile}
          value={mobile}
          type="numeric"
          maxLength={11}
          onChange={(v) => setMobile(v.replace(/\D/g, ''))}
        />
        <ActionButton variant="secondary" loading={busy && !sentTo} onClick={() => void send()}>
          {t.smsSend}
        </ActionButton>
        {sentTo && (
          <>
            <Text role="status">{t.smsSent(sentTo)}</Text>
            <FormField
              name="assist-sms-code"
              label={t.smsCode}
              value={code}
              type="numeric"
              maxLength={6}
              onChange={(v) => setCode(v.replace(/\D/g, ''))}
            />
            <ActionButton loading={busy} onClick={() => void confirm()}>
              {t.smsConfirm}
            </ActionButton>
          </>
        )}
        {problem && (
          <View className="assist-alert" role="alert">
            <Text>{problem}</Text>
          </View>
        )}
      </View>
    </>
  );
}
