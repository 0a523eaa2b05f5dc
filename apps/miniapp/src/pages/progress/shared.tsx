// Pieces shared by 户口迁移 and 办事进度: who may apply, status badges, the deadline in working days,
// the material list (fetched with its trust level, or uploaded) and the upload control.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { listMyApplications } from '@/api/applications';
import { ApiError } from '@/api/errors';
import { MAX_UPLOAD_BYTES, UPLOAD_TYPES, type Deadline, type MoveMaterial } from '@/api/moves';
import { getToken } from '@/api/session';
import { ActionButton } from '@/components/PrimaryButton';
import { Skeleton } from '@/components/Skeleton';
import { messages } from '@/messages/zh-CN';
import { go, routes } from '@/utils/navigation';
import './moves.scss';

const t = messages.moves;

export const moveRoutes = {
  detail: (id: string) => `/pages/progress/detail/index?applicationId=${id}`,
  move: (id?: string) => (id ? `/pages/move/index?applicationId=${id}` : '/pages/move/index'),
  guide: (code: string) => `/pages/guide-items/detail/index?code=${code}`,
};

export type MoveAccess = 'checking' | 'guest' | 'needRealName' | 'ok' | 'failed';

export async function checkMoveAccess(): Promise<MoveAccess> {
  if (!getToken()) return 'guest';
  try {
    await listMyApplications(true);
    return 'ok';
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return 'guest';
    if (error instanceof ApiError && error.code === 'LEVEL_REQUIRED') return 'needRealName';
    return 'failed';
  }
}

export function MoveAccessGate({ access, retry }: { access: MoveAccess; retry: () => void }) {
  if (access === 'checking') return <Skeleton lines={3} />;
  if (access === 'guest')
    return (
      <View className="bm-card bm-form">
        <Text>{t.loginFirst}</Text>
        <ActionButton onClick={() => go(routes.login)}>{t.goLogin}</ActionButton>
      </View>
    );
  if (access === 'needRealName')
    return (
      <View className="bm-card bm-form">
        <Text>{t.realNameFirst}</Text>
        <ActionButton onClick={() => go(routes.identity)}>{t.goRealName}</ActionButton>
      </View>
    );
  return (
    <View className="bm-card bm-form" role="alert">
      <Text>{messages.network.serviceBusy}</Text>
      <ActionButton onClick={retry}>{messages.common.retry}</ActionButton>
    </View>
  );
}

const BADGE: Record<string, string> = {
  DRAFT: 'info',
  SUBMITTED: 'info',
  ACCEPTED: 'info',
  UNDER_REVIEW: 'info',
  NEEDS_CORRECTION: 'todo',
  APPROVED: 'done',
  COMPLETED: 'done',
  REJECTED: 'todo',
};

/** Status in words and colour (never colour alone). */
export function StatusBadge({ status, text }: { status: string; text: string }) {
  return <Text className={`bm-badge bm-badge--${BADGE[status] ?? 'info'}`}>{text}</Text>;
}

export function deadlineText(d: Deadline | null): string | null {
  if (!d || !d.dueDate) return null;
  if (d.paused) return `${t.progress.due(d.dueDate, null)}（${t.progress.paused}）`;
  if (d.overdue) return `${t.progress.due(d.dueDate, null)}（${t.progress.overdue}）`;
  return t.progress.due(`${d.estimated ? '预计 ' : ''}${d.dueDate}`, d.remainingWorkingDays);
}

/** One material: fetched (with who holds it and its trust level) or to upload. */
export function MaterialRow({ m, action }: { m: MoveMaterial; action?: React.ReactNode }) {
  const fetched = m.mode === 'fetch';
  const state = fetched
    ? m.available
      ? t.fetched
      : t.notFound
    : m.available
      ? t.uploaded(m.fileName ?? m.name)
      : t.needUpload;
  return (
    <View className="mv-material" aria-label={`${m.name}：${state}${m.trustLevel ? `，${t.trust(m.trustLevel)}` : ''}`}>
      <View className="mv-material__head">
        <Text className="mv-material__name">{m.name}</Text>
        <Text className={`bm-badge bm-badge--${m.available ? 'done' : 'todo'}`}>
          {fetched && m.available ? `✓ ${t.fetched}` : state}
        </Text>
      </View>
      <Text className="bm-muted">{fetched ? t.fromService(m.sourceName) : m.note}</Text>
      {m.trustLevel && <Text className="bm-muted">{t.trustNames[m.trustLevel] ?? t.trust(m.trustLevel)}</Text>}
      {action}
    </View>
  );
}

type PickedFile = { data: ArrayBuffer | Blob; type: string; name: string };

function typeOf(name: string): string | null {
  const ext = name.split('.').pop()?.toLowerCase() ?? '';
  return UPLOAD_TYPES[ext] ?? null;
}

/** Picks one jpg/png/pdf ≤ 5 MB. H5: a real file input (labelled); mini-program: chooseMessageFile. */
export function UploadControl({
  label,
  onFile,
  busy,
}: {
  label: string;
  onFile: (file: PickedFile) => void;
  busy?: boolean;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const accept = (name: string, size: number, data: ArrayBuffer | Blob) => {
    const type = typeOf(name);
    if (!type) return setProblem('只能上传 jpg、png 图片或 pdf 文件');
    if (size > MAX_UPLOAD_BYTES) return setProblem('文件不能超过 5 MB，请压缩或重新拍照后再上传');
    setProblem(null);
    onFile({ data, type, name });
  };
  const pickInMiniProgram = async () => {
    try {
      const chosen = await Taro.chooseMessageFile({ count: 1, type: 'all', extension: ['jpg', 'jpeg', 'png', 'pdf'] });
      const file = chosen.tempFiles[0];
      const data = Taro.getFileSystemManager().readFileSync(file.path) as ArrayBuffer;
      accept(file.name, file.size, data);
    } catch {
      // Cancelled: nothing to do.
    }
  };
  return (
    <View className="mv-upload">
      {process.env.TARO_ENV === 'h5' ? (
        <label className={`mv-upload__button ${busy ? 'mv-upload__button--busy' : ''}`}>
          <Text>{busy ? t.uploading : label}</Text>
          <input
            className="mv-upload__input"
            type="file"
            accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"
            aria-label={label}
            disabled={busy}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) accept(file.name, file.size, file);
              e.currentTarget.value = '';
            }}
          />
        </label>
      ) : (
        <ActionButton variant="secondary" onClick={() => void pickInMiniProgram()} loading={busy}>
          {label}
        </ActionButton>
      )}
      <Text className="bm-muted">{t.uploadHint}</Text>
      {problem && (
        <Text className="bm-field__error" role="alert">
          {`⚠ ${problem}`}
        </Text>
      )}
    </View>
  );
}
