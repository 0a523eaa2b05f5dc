// 我的: who is logged in (masked name, ID number and mobile), how sure we are of it (已登录 / 已实名 /
// 已刷脸), the next step up, role desks for guides and staff, 长辈版, and log-out.
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { getMe, logout } from '@/api/auth';
import { ApiError } from '@/api/errors';
import { clearToken, getToken } from '@/api/session';
import type { Me, SessionLevel } from '@/api/types';
import { ElderToggle } from '@/components/ElderToggle';
import { PageShell } from '@/components/PageShell';
import { ActionButton } from '@/components/PrimaryButton';
import { Skeleton } from '@/components/Skeleton';
import { messages } from '@/messages/zh-CN';
import { go, routes } from '@/utils/navigation';
import { formatClock } from '@/utils/time';
import './index.scss';

const t = messages.mine;

type State = { kind: 'loading' } | { kind: 'guest' } | { kind: 'failed' } | { kind: 'ready'; me: Me };

function LevelBadge({ level }: { level: SessionLevel }) {
  const tone = level === 'LOGGED_IN' ? 'todo' : 'done';
  return <Text className={`bm-badge bm-badge--${tone}`}>{messages.levels[level] ?? level}</Text>;
}

function InfoRow({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <View className="mine-row">
      <Text className="mine-row__label">{label}</Text>
      <View className="mine-row__value">{value}</View>
    </View>
  );
}

export default function MinePage() {
  const [state, setState] = useState<State>({ kind: getToken() ? 'loading' : 'guest' });
  const [leaving, setLeaving] = useState(false);

  const load = async () => {
    if (!getToken()) {
      setState({ kind: 'guest' });
      return;
    }
    try {
      setState({ kind: 'ready', me: await getMe() });
    } catch (error) {
      setState({ kind: error instanceof ApiError && error.status === 401 ? 'guest' : 'failed' });
    }
  };

  // A tab page stays mounted: refresh every time it is shown (after log-in, verification, face check).
  useDidShow(() => void load());

  const signOut = async (allDevices: boolean) => {
    setLeaving(true);
    try {
      await logout(allDevices);
    } catch {
      // Even if the BFF cannot be reached, this device forgets the session.
    } finally {
      clearToken();
      setLeaving(false);
      setState({ kind: 'guest' });
      void Taro.showToast({ title: t.loggedOut, icon: 'none' });
    }
  };

  return (
    <PageShell title={t.title}>
      {state.kind === 'loading' && <Skeleton lines={4} />}

      {state.kind === 'guest' && (
        <View className="bm-card bm-form">
          <Text className="mine__headline">{t.notLoggedIn}</Text>
          <Text className="bm-muted">{t.notLoggedInHint}</Text>
          <ActionButton onClick={() => go(routes.login)}>{t.goLogin}</ActionButton>
        </View>
      )}

      {state.kind === 'failed' && (
        <View className="bm-card bm-form">
          <Text className="bm-form-error" role="alert">
            {t.loadFailed}
          </Text>
          <ActionButton variant="secondary" onClick={() => void load()}>
            {messages.common.retry}
          </ActionButton>
        </View>
      )}

      {state.kind === 'ready' && <Profile me={state.me} />}

      <View className="bm-card mine-settings">
        <Text className="mine__section-title">{t.settings}</Text>
        <ElderToggle />
      </View>

      {state.kind === 'ready' && (
        <View className="bm-form">
          <ActionButton variant="danger" loading={leaving} onClick={() => void signOut(false)}>
            {t.logout}
          </ActionButton>
          <View
            className="bm-link-button mine__all-devices"
            role="button"
            tabIndex={0}
            aria-label={t.logoutAll}
            onClick={() => void signOut(true)}
          >
            <Text>{t.logoutAll}</Text>
          </View>
        </View>
      )}
    </PageShell>
  );
}

function Profile({ me }: { me: Me }) {
  const { user, session } = me;
  const level = session.level;
  const faceUntil = session.faceCheckedUntil ? formatClock(session.faceCheckedUntil) : null;
  return (
    <View className="bm-card mine-profile" role="region" aria-label={t.title}>
      <InfoRow label={t.level} value={<LevelBadge level={level} />} />
      {level === 'FACE_CHECKED' && faceUntil && <Text className="bm-muted">{t.faceValidUntil(faceUntil)}</Text>}
      <InfoRow label={t.mobile} value={<Text>{user.mobileMasked ?? '—'}</Text>} />
      <InfoRow label={t.name} value={<Text>{user.nameMasked ?? t.notVerified}</Text>} />
      <InfoRow label={t.idNumber} value={<Text>{user.idNumberMasked ?? t.notVerified}</Text>} />
      {level === 'LOGGED_IN' && <ActionButton onClick={() => go(routes.identity)}>{t.goVerify}</ActionButton>}
      {level === 'REAL_NAME' && (
        <ActionButton variant="secondary" onClick={() => go(routes.identity)}>
          {t.goFace}
        </ActionButton>
      )}
      {user.role === 'resident' && (
        <ActionButton variant="secondary" onClick={() => go('/pages/assist/index')}>
          {messages.assist.entry}
        </ActionButton>
      )}
      {user.role === 'guide' && (
        <ActionButton variant="secondary" onClick={() => go(routes.guideDesk)}>
          {messages.roles.guide.title}
        </ActionButton>
      )}
      {(user.role === 'staff' || user.role === 'supervisor') && (
        <ActionButton variant="secondary" onClick={() => go(routes.staffDesk)}>
          {messages.roles.staff.title}
        </ActionButton>
      )}
    </View>
  );
}
