// One application: status, case number, deadline in working days (paused while awaiting a
// correction), what to correct with the upload and 提交补正, the materials with their trust
// levels, and the timeline (including the electronic migration-certificate exchange).
import { Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { getApplication } from '@/api/applications';
import { ApiError } from '@/api/errors';
import { newSubmitKey, submitMoveApplication, uploadMoveMaterial, type MoveApplication } from '@/api/moves';
import { PageShell } from '@/components/PageShell';
import { ActionButton } from '@/components/PrimaryButton';
import { Skeleton } from '@/components/Skeleton';
import { messages } from '@/messages/zh-CN';
import {
  checkMoveAccess,
  deadlineText,
  MaterialRow,
  MoveAccessGate,
  StatusBadge,
  UploadControl,
  type MoveAccess,
} from '../shared';

const t = messages.moves;

function when(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export default function ApplicationDetailPage() {
  const router = useRouter();
  const id = router.params.applicationId as string;
  const [access, setAccess] = useState<MoveAccess>('checking');
  const [app, setApp] = useState<MoveApplication | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const key = useRef<string | null>(null);

  const load = async () => {
    const who = await checkMoveAccess();
    setAccess(who);
    if (who !== 'ok') return;
    try {
      setApp(await getApplication(id));
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : messages.network.serviceBusy);
    }
  };
  useDidShow(() => void load());

  const upload = async (materialKey: string, file: { data: ArrayBuffer | Blob; type: string }) => {
    setUploading(materialKey);
    setProblem(null);
    try {
      setApp(await uploadMoveMaterial(id, materialKey, file));
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : messages.network.serviceBusy);
    } finally {
      setUploading(null);
    }
  };

  const sendCorrection = async () => {
    setBusy(true);
    setProblem(null);
    key.current ??= newSubmitKey();
    try {
      setApp(await submitMoveApplication(id, true, key.current));
      key.current = null;
      setSent(true);
    } catch (error) {
      const missing =
        error instanceof ApiError && Array.isArray(error.details.missing)
          ? (error.details.missing as Array<{ message: string }>)
          : null;
      setProblem(
        missing
          ? missing.map((m) => m.message).join('；')
          : error instanceof ApiError
            ? error.message
            : messages.network.serviceBusy,
      );
    } finally {
      setBusy(false);
    }
  };

  if (access !== 'ok')
    return (
      <PageShell title={t.progress.title} withFooterNav>
        <MoveAccessGate access={access} retry={() => void load()} />
      </PageShell>
    );

  const due = app ? deadlineText(app.deadline) : null;
  return (
    <PageShell title={app?.itemName ?? t.progress.title} withFooterNav>
      {!app && !problem && <Skeleton lines={5} />}
      {app && (
        <View className="bm-form">
          <View className="bm-card bm-form" role="status" aria-live="polite">
            <View className="mv-material__head">
              <Text className="mv-tile__name">{app.statusText}</Text>
              <StatusBadge status={app.status} text={app.statusText} />
            </View>
            {app.caseId && <Text>{t.progress.caseNo(app.caseId)}</Text>}
            {due && <Text>{due}</Text>}
            {app.destination && <Text className="bm-muted">{`${t.destination}：${app.destination.address}`}</Text>}
            <Text>{`${t.nextStep}：${app.nextStep}`}</Text>
          </View>

          {app.status === 'NEEDS_CORRECTION' && (
            <View className="bm-card bm-form">
              <Text className="mv-tile__name mv-check--fail">{t.progress.correctionTitle}</Text>
              <Text className="bm-muted">{t.progress.correctionHint}</Text>
              {app.corrections.map((c, i) => {
                const material = app.materials.find((m) => m.key === c.materialKey);
                return (
                  <View key={i} className="mv-material">
                    <Text className="mv-check mv-check--fail">{`• ${c.materialName ? `${c.materialName}：` : ''}${c.reason}`}</Text>
                    {material?.mode === 'upload' && (
                      <UploadControl
                        label={t.reupload(material.name)}
                        busy={uploading === material.key}
                        onFile={(file) => void upload(material.key, file)}
                      />
                    )}
                  </View>
                );
              })}
              <ActionButton onClick={() => void sendCorrection()} loading={busy}>
                {t.progress.submitCorrection}
              </ActionButton>
            </View>
          )}
          {sent && app.status !== 'NEEDS_CORRECTION' && (
            <Text role="status" className="bm-badge bm-badge--done">
              {t.progress.correctionSent}
            </Text>
          )}
          {app.rejectReason && (
            <View className="bm-card" role="alert">
              <Text className="mv-tile__name">{t.progress.rejectReason}</Text>
              <Text>{app.rejectReason}</Text>
            </View>
          )}

          <View className="bm-card">
            <Text className="mv-tile__name" role="heading" aria-level={2}>
              {t.progress.timeline}
            </Text>
            <View className="mv-timeline" role="list">
              {[...app.timeline].reverse().map((e, i) => (
                <View key={i} className="mv-event" role="listitem">
                  <Text className="mv-event__title">{e.title}</Text>
                  <Text className="bm-muted">{`${when(e.at)} · ${e.actor}`}</Text>
                  {e.detail && <Text>{e.detail}</Text>}
                </View>
              ))}
            </View>
          </View>

          <View className="bm-card">
            <Text className="mv-tile__name" role="heading" aria-level={2}>
              {t.progress.materials}
            </Text>
            {app.materials.map((m) => (
              <MaterialRow key={m.key} m={m} />
            ))}
          </View>
          <ActionButton variant="secondary" onClick={() => void load()}>
            {t.progress.refresh}
          </ActionButton>
        </View>
      )}
      {problem && (
        <Text className="bm-field__error" role="alert">
          {`⚠ ${problem}`}
        </Text>
      )}
    </PageShell>
  );
}
