// 预约办事: choose a hall, then the item, then a day and a slot with its remaining seats, confirm,
// and see the check-in QR code. Guests are led to log in and residents without real-name to
// 实名认证 first; a suspension is said before anything is chosen.
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { bookAppointment, listHalls, newIdempotencyKey, type Appointment, type Hall } from '@/api/appointments';
import { ApiError } from '@/api/errors';
import { PageShell } from '@/components/PageShell';
import { ActionButton } from '@/components/PrimaryButton';
import { Skeleton } from '@/components/Skeleton';
import { StepIndicator } from '@/components/StepIndicator';
import { messages } from '@/messages/zh-CN';
import { go } from '@/utils/navigation';
import {
  AccessGate,
  appointmentRoutes,
  checkAccess,
  CheckInQr,
  refusalText,
  Row,
  SlotPicker,
  Summary,
  timeLabel,
  type Access,
} from './shared';

const t = messages.appointments;

type Step = 'hall' | 'item' | 'slot' | 'confirm';

export default function AppointmentsPage() {
  const [access, setAccess] = useState<Access>({ kind: 'checking' });
  const [halls, setHalls] = useState<Hall[] | null>(null);
  const [step, setStep] = useState<Step>('hall');
  const [hall, setHall] = useState<Hall | null>(null);
  const [item, setItem] = useState<Hall['serviceItems'][number] | null>(null);
  const [slot, setSlot] = useState<{ slotId: string; label: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [booked, setBooked] = useState<Appointment | null>(null);
  const [pickerKey, setPickerKey] = useState(0);
  // One key per confirmation attempt: a retried tap (or a lost answer) books once.
  const attemptKey = useRef<string | null>(null);

  const load = async (location?: { lat: number; lng: number }) => {
    setAccess(await checkAccess());
    setHalls(null);
    try {
      setHalls((await listHalls(location)).halls);
    } catch {
      setHalls([]);
    }
  };

  useDidShow(() => {
    if (!booked) void load();
  });

  const sortByDistance = async () => {
    try {
      const here = await Taro.getLocation({ type: 'gcj02' });
      await load({ lat: here.latitude, lng: here.longitude });
    } catch {
      // Location refused: keep the list as it is.
    }
  };

  const confirm = async () => {
    if (!hall || !item || !slot) return;
    attemptKey.current ??= newIdempotencyKey();
    setBusy(true);
    setProblem(null);
    try {
      setBooked(
        await bookAppointment({ hallId: hall.hallId, itemCode: item.code, slotId: slot.slotId }, attemptKey.current),
      );
      attemptKey.current = null;
    } catch (error) {
      const text = refusalText(error);
      if (error instanceof ApiError) attemptKey.current = null;
      if (error instanceof ApiError && error.code === 'LEVEL_REQUIRED') setAccess({ kind: 'needRealName' });
      else if (error instanceof ApiError && error.status === 401) setAccess({ kind: 'guest' });
      else if (error instanceof ApiError && (error.code === 'SLOT_FULL' || error.code === 'SLOT_NOT_BOOKABLE')) {
        setProblem(error.code === 'SLOT_FULL' ? t.full : text);
        setSlot(null);
        setPickerKey((k) => k + 1);
        setStep('slot');
      } else setProblem(text);
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    setBooked(null);
    setHall(null);
    setItem(null);
    setSlot(null);
    setProblem(null);
    setStep('hall');
  };

  if (booked) {
    return (
      <PageShell title={t.booked} withFooterNav>
        <View className="bm-card" role="status">
          <Text>{t.bookedNext}</Text>
        </View>
        <View className="bm-card">
          <CheckInQr appointment={booked} />
        </View>
        <View className="bm-card">
          <Summary appointment={booked} />
          <Text className="appt-choice__sub">{t.cutoff(timeLabel(booked.cancelCutoffAt))}</Text>
        </View>
        <View className="appt-actions">
          <ActionButton onClick={() => go(appointmentRoutes.mine)}>{t.viewMine}</ActionButton>
          <ActionButton variant="secondary" onClick={restart}>
            {t.bookAnother}
          </ActionButton>
        </View>
      </PageShell>
    );
  }

  const stepNo = { hall: 1, item: 2, slot: 3, confirm: 4 }[step];
  return (
    <PageShell title={t.title} withFooterNav>
      <View
        className="bm-link-button"
        role="button"
        tabIndex={0}
        aria-label={t.mine}
        onClick={() => go(appointmentRoutes.mine)}
      >
        <Text>{`${t.mine} ›`}</Text>
      </View>
      <AccessGate access={access} retry={() => void load()} />
      {access.kind === 'ok' && access.suspendedUntil && (
        <View className="bm-card appt-alert" role="alert">
          <Text>{t.suspended(timeLabel(access.suspendedUntil).split(' ')[0])}</Text>
        </View>
      )}
      {access.kind === 'ok' && !access.suspendedUntil && (
        <>
          <StepIndicator current={stepNo} total={4} name={t.steps[step]} />
          {problem && (
            <View className="bm-card appt-alert" role="alert">
              <Text>{problem}</Text>
            </View>
          )}
          {step === 'hall' && (
            <View className="bm-form">
              <View
                className="bm-link-button"
                role="button"
                tabIndex={0}
                aria-label={t.nearest}
                onClick={() => void sortByDistance()}
              >
                <Text>{t.nearest}</Text>
              </View>
              {!halls && (
                <>
                  <Skeleton lines={3} />
                  <Skeleton lines={3} />
                </>
              )}
              {halls?.length === 0 && (
                <View className="bm-card bm-form" role="alert">
                  <Text>{t.loadFailed}</Text>
                  <ActionButton onClick={() => void load()}>{messages.common.retry}</ActionButton>
                </View>
              )}
              {halls?.map((h) => (
                <View
                  key={h.hallId}
                  className="bm-card appt-choice"
                  role="button"
                  tabIndex={0}
                  aria-label={t.pickHall(h.name)}
                  onClick={() => {
                    setHall(h);
                    setStep('item');
                  }}
                >
                  <Text className="appt-choice__title">{h.name}</Text>
                  <Text className="appt-choice__sub">{h.address}</Text>
                  <Text className="appt-choice__sub">{`${t.hours}：${h.openingText}`}</Text>
                  {h.distanceKm !== null && <Text className="appt-choice__sub">{t.distance(h.distanceKm)}</Text>}
                </View>
              ))}
            </View>
          )}
          {step === 'item' && hall && (
            <View className="bm-form">
              <Text className="appt-choice__sub">{hall.name}</Text>
              {hall.serviceItems.map((i) => (
                <View
                  key={i.code}
                  className="bm-card appt-choice"
                  role="button"
                  tabIndex={0}
                  aria-label={t.pickItem(i.name)}
                  onClick={() => {
                    setItem(i);
                    setSlot(null);
                    setStep('slot');
                  }}
                >
                  <Text className="appt-choice__title">{i.name}</Text>
                  <Text className="appt-choice__sub">{i.department}</Text>
                </View>
              ))}
              <ActionButton variant="secondary" onClick={() => setStep('hall')}>
                {t.change}
              </ActionButton>
            </View>
          )}
          {step === 'slot' && hall && item && (
            <View className="bm-form">
              <Text className="appt-choice__sub">{`${hall.name} · ${item.name}`}</Text>
              <SlotPicker
                key={pickerKey}
                hallId={hall.hallId}
                itemCode={item.code}
                selected={slot?.slotId ?? null}
                onSelect={(slotId, label) => {
                  setSlot({ slotId, label });
                  setProblem(null);
                  setStep('confirm');
                }}
              />
              <ActionButton variant="secondary" onClick={() => setStep('item')}>
                {t.change}
              </ActionButton>
            </View>
          )}
          {step === 'confirm' && hall && item && slot && (
            <View className="bm-form">
              <View className="bm-card">
                <Row label={t.summary.hall} value={hall.name} />
                <Row label={t.summary.item} value={item.name} />
                <Row label={t.summary.time} value={slot.label} />
                <Row label={t.summary.address} value={hall.address} />
              </View>
              <ActionButton onClick={() => void confirm()} loading={busy} disabled={busy}>
                {t.confirm}
              </ActionButton>
              <ActionButton variant="secondary" onClick={() => setStep('slot')}>
                {t.change}
              </ActionButton>
            </View>
          )}
        </>
      )}
    </PageShell>
  );
}
