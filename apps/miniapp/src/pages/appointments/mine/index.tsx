// 我的预约: every booking with its status in words; for an active one the check-in QR code,
// cancel (until the cut-off) and reschedule (pick a new slot; the old one is kept if that fails).
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import {
  cancelAppointment,
  listMyAppointments,
  rescheduleAppointment,
  type Appointment,
  type MyAppointments,
} from '@/api/appointments';
import { ApiError } from '@/api/errors';
import { getToken } from '@/api/session';
import { PageShell } from '@/components/PageShell';
import { ActionButton } from '@/components/PrimaryButton';
import { messages } from '@/messages/zh-CN';
import { go } from '@/utils/navigation';
import { AccessGate, appointmentRoutes, CheckInQr, refusalText, SlotPicker, Summary, timeLabel } from '../shared';

const t = messages.appointments;

type State =
  | { kind: 'checking' }
  | { kind: 'guest' }
  | { kind: 'needRealName' }
  | { kind: 'failed' }
  | { kind: 'ready'; mine: MyAppointments };

function Card({ appointment, onChanged }: { appointment: Appointment; onChanged: (message: string) => void }) {
  const [open, setOpen] = useState<'qr' | 'reschedule' | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const active = appointment.status === 'BOOKED';

  const cancel = async () => {
    const sure = await Taro.showModal({
      title: t.cancel,
      content: t.cancelConfirm,
      confirmText: t.cancel,
      cancelText: messages.common.back,
    });
    if (!sure.confirm) return;
    setBusy(true);
    setProblem(null);
    try {
      await cancelAppointment(appointment.appointmentId);
      onChanged(t.cancelled);
    } catch (error) {
      setProblem(refusalText(error));
    } finally {
      setBusy(false);
    }
  };

  const reschedule = async (slotId: string) => {
    setBusy(true);
    setProblem(null);
    try {
      await rescheduleAppointment(appointment.appointmentId, slotId, appointment.slotId);
      setOpen(null);
      onChanged(t.rescheduled);
    } catch (error) {
      setProblem(error instanceof ApiError && error.code === 'SLOT_FULL' ? t.full : refusalText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="bm-card bm-form" role="group" aria-label={`${appointment.itemName} ${appointment.statusText}`}>
      <Summary appointment={appointment} />
      {active && <Text className="appt-choice__sub">{t.cutoff(timeLabel(appointment.cancelCutoffAt))}</Text>}
      {problem && (
        <View className="appt-alert" role="alert">
          <Text>{problem}</Text>
        </View>
      )}
      {active && open === 'qr' && <CheckInQr appointment={appointment} />}
      {active && open === 'reschedule' && (
        <View className="bm-form">
          <Text className="appt-choice__title">{t.rescheduleTitle}</Text>
          <SlotPicker
            hallId={appointment.hallId}
            itemCode={appointment.itemCode}
            selected={null}
            exclude={appointment.slotId}
            onSelect={(slotId) => void reschedule(slotId)}
          />
        </View>
      )}
      {active && (
        <View className="appt-actions">
          <ActionButton variant="secondary" onClick={() => setOpen(open === 'qr' ? null : 'qr')}>
            {open === 'qr' ? t.hideQr : t.showQr}
          </ActionButton>
          <ActionButton
            variant="secondary"
            disabled={busy}
            onClick={() => setOpen(open === 'reschedule' ? null : 'reschedule')}
          >
            {t.reschedule}
          </ActionButton>
          <ActionButton variant="danger" disabled={busy} loading={busy} onClick={() => void cancel()}>
            {t.cancel}
          </ActionButton>
        </View>
      )}
    </View>
  );
}

export default function MyAppointmentsPage() {
  const [state, setState] = useState<State>({ kind: 'checking' });
  const [notice, setNotice] = useState<string | null>(null);

  const load = async () => {
    if (!getToken()) return setState({ kind: 'guest' });
    try {
      setState({ kind: 'ready', mine: await listMyAppointments() });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setState({ kind: 'guest' });
      else if (error instanceof ApiError && error.code === 'LEVEL_REQUIRED') setState({ kind: 'needRealName' });
      else setState({ kind: 'failed' });
    }
  };

  useDidShow(() => void load());

  return (
    <PageShell title={t.mine} withFooterNav>
      {state.kind !== 'ready' && <AccessGate access={state} retry={() => void load()} />}
      {notice && (
        <View className="bm-card" role="status">
          <Text>{notice}</Text>
        </View>
      )}
      {state.kind === 'ready' && state.mine.booking.suspended && state.mine.booking.suspendedUntil && (
        <View className="bm-card appt-alert" role="alert">
          <Text>{t.suspended(timeLabel(state.mine.booking.suspendedUntil).split(' ')[0])}</Text>
        </View>
      )}
      {state.kind === 'ready' && state.mine.appointments.length === 0 && (
        <View className="bm-card bm-form" role="status">
          <Text>{t.empty}</Text>
          <ActionButton onClick={() => go(appointmentRoutes.book)}>{t.goBook}</ActionButton>
        </View>
      )}
      {state.kind === 'ready' &&
        state.mine.appointments.map((a) => (
          <Card
            key={`${a.appointmentId}-${a.slotId}-${a.status}`}
            appointment={a}
            onChanged={(message) => {
              setNotice(message);
              void load();
            }}
          />
        ))}
    </PageShell>
  );
}
