// 核验亮证 (for the verifying party): scan the holder's QR code in the mini-program, or type the
// 6-digit PIN shown beside it (H5, or when scanning is not possible). The answer shows the key
// fields masked, the trust level and whether the registry confirms it; a used or lapsed code
// is said plainly.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { verifyShowCode, type ShowCodeVerification } from '@/api/certificates';
import { ApiError } from '@/api/errors';
import { getToken } from '@/api/session';
import { FormField } from '@/components/FormField';
import { PageShell } from '@/components/PageShell';
import { ActionButton } from '@/components/PrimaryButton';
import { messages } from '@/messages/zh-CN';
import { go, routes } from '@/utils/navigation';
import { formatClock } from '@/utils/time';
import { FieldList, StatusBadge, TrustLevel } from '../shared';
import '../shared.scss';

const t = messages.certificates.verify;
const PIN = /^\d{6}$/;

function Result({ result, onAgain }: { result: ShowCodeVerification; onAgain: () => void }) {
  const c = result.certificate;
  return (
    <>
      <View className={`bm-card bm-form cert-result--${result.authentic ? 'ok' : 'bad'}`} role="status">
        <Text className={`bm-badge bm-badge--${result.authentic ? 'done' : 'todo'}`}>
          {result.authentic ? t.authentic : t.notAuthentic}
        </Text>
        <Text>{result.authenticityText}</Text>
        <Text className="bm-muted">{t.checkedAt(formatClock(result.checkedAt))}</Text>
        {c && (
          <View className="cert-item__head">
            <Text className="cert-item__title">{c.title}</Text>
            <StatusBadge status={c.status} text={c.statusText} />
          </View>
        )}
        {c && <TrustLevel level={c.trustLevel} text={c.trustLevelText} />}
        {c && <Text className="cert-item__subtitle">{c.trustLevelText}</Text>}
      </View>
      {c && <FieldList fields={c.fields} />}
      <ActionButton variant="secondary" onClick={onAgain}>
        {t.again}
      </ActionButton>
    </>
  );
}

export default function VerifyShowCodePage() {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ShowCodeVerification | null>(null);

  const verify = async (input: { code: string } | { pin: string }) => {
    setBusy(true);
    setError(null);
    try {
      setResult(await verifyShowCode(input));
      setPin('');
    } catch (e) {
      setError(e instanceof ApiError ? (e.fieldMessage('body.pin') ?? e.message) : messages.network.unstable);
    } finally {
      setBusy(false);
    }
  };

  const submitPin = () => {
    if (!PIN.test(pin.trim())) {
      setError(t.pinInvalid);
      return;
    }
    void verify({ pin: pin.trim() });
  };

  const scan = async () => {
    try {
      const scanned = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      void verify({ code: scanned.result.trim() });
    } catch {
      // The resident closed the camera: nothing to say.
    }
  };

  if (!getToken()) {
    return (
      <PageShell title={t.title} withFooterNav>
        <View className="bm-card bm-form">
          <Text>{t.needLogin}</Text>
          <ActionButton onClick={() => go(routes.login)}>{messages.certificates.goLogin}</ActionButton>
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell title={t.title} withFooterNav>
      {result ? (
        <Result result={result} onAgain={() => setResult(null)} />
      ) : (
        <View className="bm-card bm-form">
          <Text>{t.intro}</Text>
          {process.env.TARO_ENV === 'weapp' && (
            <ActionButton loading={busy} onClick={() => void scan()}>
              {t.scan}
            </ActionButton>
          )}
          <FormField
            name="pin"
            label={t.pinLabel}
            type="numeric"
            value={pin}
            placeholder={t.pinPlaceholder}
            maxLength={6}
            error={error}
            onChange={(value) => {
              setPin(value);
              if (error) setError(null);
            }}
          />
          <ActionButton
            variant={process.env.TARO_ENV === 'weapp' ? 'secondary' : 'primary'}
            loading={busy}
            onClick={submitPin}
          >
            {t.submit}
          </ActionButton>
        </View>
      )}
    </PageShell>
  );
}
