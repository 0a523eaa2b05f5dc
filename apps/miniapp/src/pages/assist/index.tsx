// 帮办代办授权 (resident): enter or scan the guide's code, see who asks for what and for how long,
// agree; below, every grant with its 代办记录, revoke at once, and the 委托书 of a 代办.
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import {
  grantAssist,
  listMyGrants,
  previewAssistRequest,
  revokeAssist,
  type AssistGrant,
  type RequestPreview,
} from '@/api/assist';
import { getMe } from '@/api/auth';
import { ApiError } from '@/api/errors';
import { getToken } from '@/api/session';
import { FormField } from '@/components/FormField';
import { PageShell } from '@/components/PageShell';
import { ActionButton } from '@/components/PrimaryButton';
import { Skeleton } from '@/components/Skeleton';
import { messages } from '@/messages/zh-CN';
import { go, routes } from '@/utils/navigation';
import { ActionRecord, assistRoutes, chinaTime, InfoRow, StateBadge } from './shared';

const t = messages.assist;

type Access = 'checking' | 'guest' | 'needRealName' | 'failed' | 'ok';

const codeOf = (text: string) => {
  const digits = text.trim().replace(/^BIANMIN-ASSIST:/, '');
  return /^\d{8}$/.test(digits) ? digits : null;
};

export default function AssistPage() {
  const router = useRouter();
  const [access, setAccess] = useState<Access>('checking');
  const [code, setCode] = useState(router.params.code ?? '');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [preview, setPreview] = useState<RequestPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [grants, setGrants] = useState<AssistGrant[] | null>(null);

  const load = async () => {
    if (!getToken()) return setAccess('guest');
    try {
      const me = await getMe();
      if (me.session.level === 'LOGGED_IN') return setAccess('needRealName');
      setAccess('ok');
      setGrants((await listMyGrants()).grants);
    } catch (error) {
      setAccess(error instanceof ApiError && error.status === 401 ? 'guest' : 'failed');
    }
  };

  useDidShow(() => void load());

  const look = async (text = code) => {
    const clean = codeOf(text);
    if (!clean) return setCodeError(t.codeInvalid);
    setCodeError(null);
    setNotice(null);
    setBusy(true);
    try {
      setCode(clean);
      setPreview(await previewAssistRequest(clean));
    } catch (error) {
      setCodeError(error instanceof ApiError ? error.message : null);
    } finally {
      setBusy(false);
    }
  };

  const scan = async () => {
    try {
      const result = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] });
      await look(result.result);
    } catch {
      // Scanning cancelled: the code can still be typed.
    }
  };

  const agree = async () => {
    setBusy(true);
    try {
      await grantAssist(code);
      setPreview(null);
      setCode('');
      setNotice(t.granted);
      setGrants((await listMyGrants()).grants);
    } catch (error) {
      setCodeError(error instanceof ApiError ? error.message : null);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (grant: AssistGrant) => {
    const sure = await Taro.showModal({
      title: t.revoke,
      content: t.revokeConfirm,
      confirmText: t.revoke,
      cancelText: messages.common.back,
    });
    if (!sure.confirm) return;
    await revokeAssist(grant.grantId);
    setNotice(t.revoked);
    setGrants((await listMyGrants()).grants);
  };

  return (
    <PageShell title={t.title} withFooterNav>
      {access === 'checking' && <Skeleton lines={4} />}
      {access === 'guest' && (
        <View className="bm-card bm-form">
          <Text>{t.needLogin}</Text>
          <ActionButton onClick={() => go(routes.login)}>{t.goLogin}</ActionButton>
        </View>
      )}
      {access === 'needRealName' && (
        <View className="bm-card bm-form">
          <Text>{t.needRealName}</Text>
          <ActionButton onClick={() => go(routes.identity)}>{t.goRealName}</ActionButton>
        </View>
      )}
      {access === 'failed' && (
        <View className="bm-card bm-form" role="alert">
          <Text>{t.loadFailed}</Text>
          <ActionButton onClick={() => void load()}>{messages.common.retry}</ActionButton>
        </View>
      )}

      {access === 'ok' && (
        <View className="bm-card bm-form">
          <Text className="bm-muted">{t.intro}</Text>
          {notice && (
            <View className="assist-ok" role="status">
              <Text>{notice}</Text>
            </View>
          )}
          {!preview && (
            <>
              <FormField
                name="assist-code"
                label={t.codeLabel}
                value={code}
                type="numeric"
                maxLength={8}
                placeholder={t.codePlaceholder}
                error={codeError}
                onChange={(v) => setCode(v.replace(/\D/g, ''))}
              />
              <ActionButton loading={busy} onClick={() => void look()}>
                {t.look}
              </ActionButton>
              {process.env.TARO_ENV === 'weapp' && (
                <ActionButton variant="secondary" onClick={() => void scan()}>
                  {t.scan}
                </ActionButton>
              )}
            </>
          )}
          {preview && (
            <View className="bm-form" role="region" aria-label={t.previewTitle}>
              <Text className="assist-head__title">{t.previewTitle}</Text>
              <InfoRow label={t.guideLabel} value={`${preview.guide.name}（${preview.guide.staffId}）`} />
              <InfoRow label={t.itemsLabel} value={preview.items.map((i) => i.name).join('、')} />
              <InfoRow label={t.modeLabel} value={t.modes[preview.mode]} />
              <InfoRow label={t.durationLabel} value={t.duration(preview.durationMinutes)} />
              {codeError && (
                <View className="assist-alert" role="alert">
                  <Text>{codeError}</Text>
                </View>
              )}
              <ActionButton loading={busy} onClick={() => void agree()}>
                {t.agree}
              </ActionButton>
              <ActionButton variant="secondary" onClick={() => setPreview(null)}>
                {messages.common.cancel}
              </ActionButton>
            </View>
          )}
        </View>
      )}

      {access === 'ok' && (
        <Text className="assist-head__title" role="heading" aria-level={2}>
          {t.mineTitle}
        </Text>
      )}
      {access === 'ok' && !grants && <Skeleton lines={3} />}
      {access === 'ok' && grants?.length === 0 && (
        <View className="bm-card" role="status">
          <Text>{t.empty}</Text>
        </View>
      )}
      {access === 'ok' &&
        grants?.map((g) => (
          <View key={g.grantId} className="bm-card bm-form" role="group" aria-label={`${g.guide.name} ${g.stateName}`}>
            <View className="assist-head">
              <Text className="assist-head__title">{`${t.modeShort[g.mode]} · ${g.guide.name}`}</Text>
              <StateBadge state={g.state} name={g.stateName} />
            </View>
            <InfoRow label={t.itemsLabel} value={g.items.map((i) => i.name).join('、')} />
            <InfoRow label={t.expiresLabel} value={chinaTime(g.revokedAt ?? g.expiresAt)} />
            <InfoRow label={t.consentLabel} value={g.consentMethod === 'QR' ? t.consentQr : t.consentSms} />
            <ActionRecord actions={g.actions} />
            {g.hasLetter && (
              <ActionButton variant="secondary" onClick={() => go(assistRoutes.letter(g.grantId))}>
                {t.letter}
              </ActionButton>
            )}
            {g.state === 'ACTIVE' && (
              <ActionButton variant="danger" onClick={() => void revoke(g)}>
                {t.revoke}
              </ActionButton>
            )}
          </View>
        ))}
    </PageShell>
  );
}
