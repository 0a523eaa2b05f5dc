// 代为预约: under a live 代办 grant the guide books an appointment for the resident, only for the
// granted items, and sees the resident's appointments in those items. Every request carries the
// grant (X-Assist-Grant) and lands in the resident's 代办记录.
import { Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { listHalls, newIdempotencyKey, type Appointment, type Hall } from '@/api/appointments';
import {
  bookForResident,
  listGuideGrants,
  listResidentAppointments,
  type AssistGrant,
  type ItemRef,
} from '@/api/assist';
import { ApiError } from '@/api/errors';
import { PageShell } from '@/components/PageShell';
import { ActionButton } from '@/components/PrimaryButton';
import { Skeleton } from '@/components/Skeleton';
import { messages } from '@/messages/zh-CN';
import { SlotPicker, Summary } from '@/pages/appointments/shared';
import { chinaTime, InfoRow } from '@/pages/assist/shared';
import { go } from '@/utils/navigation';
import { Chip, guideRoutes } from '../../shared';

const t = messages.assist;

export default function ActForResidentPage() {
  const { params } = useRouter();
  const grantId = params.grantId ?? '';
  const [grant, setGrant] = useState<AssistGrant | null | undefined>(undefined);
  const [halls, setHalls] = useState<Hall[] | null>(null);
  const [hall, setHall] = useState<Hall | null>(null);
  const [item, setItem] = useState<ItemRef | null>(null);
  const [slot, setSlot] = useState<{ slotId: string; label: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [booked, setBooked] = useState<Appointment | null>(null);
  const [theirs, setTheirs] = useState<Appointment[] | null>(null);
  const attemptKey = useRef<string | null>(null);

  const loadTheirs = async () => {
    try {
      setTheirs((await listResidentAppointments(grantId)).appointments);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : t.loadFailed);
    }
  };

  useDidShow(() => {
    void (async () => {
      try {
        const { grants } = await listGuideGrants();
        const found = grants.find((g) => g.grantId === grantId) ?? null;
        setGrant(found);
        if (!found || found.state !== 'ACTIVE' || found.mode !== 'PROXY') return;
        const granted = new Set(found.items.map((i) => i.code));
        const all = (await listHalls()).halls;
        setHalls(all.filter((h) => h.serviceItems.some((i) => granted.has(i.code))));
        await loadTheirs();
      } catch {
        setGrant(null);
      }
    })();
  });

  const confirm = async () => {
    if (!hall || !item || !slot) return;
    attemptKey.current ??= newIdempotencyKey();
    setBusy(true);
    setProblem(null);
    try {
      setBooked(
        await bookForResident(
          grantId,
          { hallId: hall.hallId, itemCode: item.code, slotId: slot.slotId },
          attemptKey.current,
        ),
      );
      attemptKey.current = null;
      await loadTheirs();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : t.loadFailed);
    } finally {
      setBusy(false);
    }
  };

  if (grant === undefined)
    return (
      <PageShell title={t.bookFor} withFooterNav>
        <Skeleton lines={5} />
      </PageShell>
    );
  if (!grant || grant.state !== 'ACTIVE' || grant.mode !== 'PROXY')
    return (
      <PageShell title={t.bookFor} withFooterNav>
        <View className="bm-card bm-form" role="alert">
          <Text>{grant && grant.mode !== 'PROXY' ? t.notProxy : t.grantEnded}</Text>
          <ActionButton onClick={() => go(guideRoutes.desk)}>{t.myGrants}</ActionButton>
        </View>
      </PageShell>
    );

  const itemsHere = hall ? grant.items.filter((i) => hall.serviceItems.some((s) => s.code === i.code)) : [];
  return (
    <PageShell title={t.bookFor} withFooterNav>
      <View className="guide-banner" role="status">
        <Text>{t.actFor(grant.resident.nameMasked)}</Text>
      </View>
      <Text className="bm-muted">{t.actHint}</Text>
      <InfoRow label={t.itemsLabel} value={grant.items.map((i) => i.name).join('、')} />
      <InfoRow label={t.expiresLabel} value={chinaTime(grant.expiresAt)} />

      {booked ? (
        <View className="bm-card bm-form" role="status">
          <View className="assist-ok">
            <Text>{t.bookedFor(grant.resident.nameMasked)}</Text>
          </View>
          <Summary appointment={booked} />
          <ActionButton variant="secondary" onClick={() => go(guideRoutes.desk)}>
            {t.myGrants}
          </ActionButton>
        </View>
      ) : (
        <View className="bm-card bm-form">
          <Text className="guide-section-title">{t.pickHall}</Text>
          {!halls && <Skeleton lines={3} />}
          <View className="guide-chips" role="radiogroup" aria-label={t.pickHall}>
            {halls?.map((h) => (
              <Chip
                key={h.hallId}
                label={h.name}
                on={hall?.hallId === h.hallId}
                onClick={() => {
                  setHall(h);
                  setItem(null);
                  setSlot(null);
                }}
              />
            ))}
          </View>
          {hall && (
            <>
              <Text className="guide-section-title">{t.pickItem}</Text>
              <View className="guide-chips" role="radiogroup" aria-label={t.pickItem}>
                {itemsHere.map((i) => (
                  <Chip
                    key={i.code}
                    label={i.name}
                    on={item?.code === i.code}
                    onClick={() => {
                      setItem(i);
                      setSlot(null);
                    }}
                  />
                ))}
              </View>
            </>
          )}
          {hall && item && (
            <>
              <Text className="guide-section-title">{t.pickSlot}</Text>
              <SlotPicker
                hallId={hall.hallId}
                itemCode={item.code}
                selected={slot?.slotId ?? null}
                onSelect={(slotId, label) => setSlot({ slotId, label })}
              />
            </>
          )}
          {slot && <InfoRow label={messages.appointments.summary.time} value={slot.label} />}
          {problem && (
            <View className="assist-alert" role="alert">
              <Text>{problem}</Text>
            </View>
          )}
          <ActionButton disabled={!slot} loading={busy} onClick={() => void confirm()}>
            {t.confirmBook}
          </ActionButton>
        </View>
      )}

      <Text className="guide-section-title" role="heading" aria-level={2}>
        {t.residentAppointments}
      </Text>
      {!theirs && <Skeleton lines={2} />}
      {theirs?.length === 0 && (
        <View className="bm-card" role="status">
          <Text>{t.noAppointments}</Text>
        </View>
      )}
      {theirs?.map((a) => (
        <View key={`${a.appointmentId}-${a.status}`} className="bm-card">
          <Summary appointment={a} />
        </View>
      ))}
    </PageShell>
  );
}
