// 登录: by SMS code in H5 (mobile, 获取验证码 with a countdown, code, 登录); by WeChat in the
// mini-program (wx.login code → BFF). Errors appear beside the field they concern.
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { loginWithSms, loginWithWechat, requestSmsCode } from '@/api/auth';
import { ApiError } from '@/api/errors';
import { FormField } from '@/components/FormField';
import { PageShell } from '@/components/PageShell';
import { ActionButton } from '@/components/PrimaryButton';
import { messages } from '@/messages/zh-CN';
import { useCountdown, useDraft } from '@/utils/hooks';
import { isMobile, normaliseMobile } from '@/utils/mobile';
import { routes } from '@/utils/navigation';
import { storageKeys } from '@/utils/storage';

const t = messages.login;

/** Where to go after logging in: the page that sent the resident here, else 我的. */
export function afterLogin(redirect: string | undefined): void {
  const target = redirect ? decodeURIComponent(redirect) : routes.mine;
  if (target === routes.mine || target === routes.home || target === routes.progress)
    void Taro.switchTab({ url: target });
  else void Taro.redirectTo({ url: target });
}

function WechatLogin({ redirect }: { redirect?: string }) {
  const [busy, setBusy] = useState(false);
  const login = async () => {
    setBusy(true);
    try {
      const { code } = await Taro.login();
      await loginWithWechat(code);
      void Taro.showToast({ title: t.success, icon: 'success' });
      afterLogin(redirect);
    } catch {
      // The client has already told the resident what went wrong.
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="bm-card login__card">
      <Text>{t.wechatIntro}</Text>
      <ActionButton onClick={login} loading={busy}>
        {t.wechatSubmit}
      </ActionButton>
    </View>
  );
}

interface Errors {
  mobile?: string;
  code?: string;
  form?: string;
}

function SmsLogin({ redirect }: { redirect?: string }) {
  // The mobile number is kept as a draft; a one-time code is not worth keeping.
  const { draft, update } = useDraft(storageKeys.loginDraft, { mobile: '' });
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const countdown = useCountdown();

  const mobile = normaliseMobile(draft.mobile);

  const sendCode = async () => {
    if (sending || countdown.left > 0) return;
    if (!isMobile(mobile)) {
      setErrors({ mobile: t.mobileInvalid });
      return;
    }
    setSending(true);
    setErrors({});
    try {
      const sent = await requestSmsCode(mobile);
      setSentTo(sent.sentTo);
      countdown.start(sent.resendAfterSeconds);
    } catch (error) {
      if (error instanceof ApiError) {
        if (error.retryAfterSeconds) countdown.start(error.retryAfterSeconds);
        setErrors({ mobile: error.fieldMessage('mobile') ?? error.message });
      } else {
        setErrors({ form: messages.network.unstable });
      }
    } finally {
      setSending(false);
    }
  };

  const submit = async () => {
    const problems: Errors = {};
    if (!isMobile(mobile)) problems.mobile = t.mobileInvalid;
    if (!/^\d{6}$/.test(code.trim())) problems.code = t.codeInvalid;
    setErrors(problems);
    if (problems.mobile || problems.code) return;
    setSubmitting(true);
    try {
      await loginWithSms(mobile, code.trim());
      void Taro.showToast({ title: t.success, icon: 'success' });
      afterLogin(redirect);
    } catch (error) {
      if (error instanceof ApiError) {
        const field = error.fieldMessage('mobile')
          ? 'mobile'
          : error.code.startsWith('SMS_CODE') || error.fieldMessage('code')
            ? 'code'
            : 'form';
        setErrors({ [field]: error.fieldMessage(field) ?? error.message });
      } else {
        setErrors({ form: messages.network.unstable });
      }
    } finally {
      setSubmitting(false);
    }
  };

  const waiting = countdown.left > 0;
  return (
    <View className="bm-card login__card">
      <FormField
        name="mobile"
        label={t.mobileLabel}
        type="numeric"
        maxLength={11}
        value={draft.mobile}
        placeholder={t.mobilePlaceholder}
        error={errors.mobile}
        onChange={(value) => {
          update({ mobile: value });
          if (errors.mobile) setErrors({ ...errors, mobile: undefined });
        }}
        onBlur={(value) => {
          if (value && !isMobile(value)) setErrors({ ...errors, mobile: t.mobileInvalid });
        }}
      />
      <FormField
        name="code"
        label={t.codeLabel}
        type="numeric"
        maxLength={6}
        value={code}
        placeholder={t.codePlaceholder}
        error={errors.code}
        hint={sentTo ? t.codeSent(sentTo) : null}
        onChange={(value) => {
          setCode(value);
          if (errors.code) setErrors({ ...errors, code: undefined });
        }}
        trailing={
          <View
            className="bm-inline-action"
            role="button"
            tabIndex={0}
            aria-label={t.getCode}
            aria-disabled={waiting || sending}
            onClick={sendCode}
          >
            <Text>{waiting ? t.resendIn(countdown.left) : t.getCode}</Text>
          </View>
        }
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

export default function LoginPage() {
  const { params } = useRouter();
  const redirect = params?.redirect;
  return (
    <PageShell title={t.title} withFooterNav>
      <Text className="bm-muted">{t.intro}</Text>
      {process.env.TARO_ENV === 'weapp' ? <WechatLogin redirect={redirect} /> : <SmsLogin redirect={redirect} />}
    </PageShell>
  );
}
