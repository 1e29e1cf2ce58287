// Confirming an order: the day the work is planned, picked with the phone's own date picker (from today, at most
// 90 days ahead — the service holds the same limits), with a word when it lies after the due date.
import { Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalWorkOrder } from '../../../../shared/portalApi/workOrders';
import { plannedDateProblem, PLANNED_DATE_MAX_DAYS_AHEAD } from '../../../../shared/rules/workOrderAnswers';
import { addCalendarDays } from '../../../../shared/rules/isoWeek';
import type { ApiError } from '../../app/api';
import { Card } from '../../app/Screen';
import { workOrderApi } from './api';
import { formatDay, osloToday, WorkOrderError } from './present';

export function ConfirmWorkOrderForm({ order, onAnswered }: { order: PortalWorkOrder; onAnswered(order: PortalWorkOrder, notice: string): void }) {
  const { t } = useTranslation();
  const today = osloToday();
  const [date, setDate] = useState(order.dueDate >= today ? order.dueDate : today);
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const problem = date === '' ? 'empty' : plannedDateProblem(date, today);
  const problemText = problem === 'empty' ? t('workOrders.validation.date')
    : problem === 'past' ? t('workOrders.validation.plannedPast')
      : problem === 'tooFarAhead' ? t('workOrders.validation.plannedFar') : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (problem) return;
    setBusy(true);
    setError(null);
    const answer = await workOrderApi.confirm(order.id, date);
    setBusy(false);
    if (answer.ok) onAnswered(answer.value.order, t('workOrders.confirm.done', { date: formatDay(date) }));
    else setError(answer.error);
  };

  return (
    <Card labelledBy="work-order-confirm">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Title order={2} id="work-order-confirm">{t('workOrders.confirm.title')}</Title>
          <Text size="sm">{t('workOrders.confirm.intro', { due: formatDay(order.dueDate) })}</Text>
          <WorkOrderError error={error} />
          <TextInput
            type="date"
            label={t('workOrders.confirm.date')}
            description={t('workOrders.confirm.dateHint')}
            value={date}
            min={today}
            max={addCalendarDays(today, PLANNED_DATE_MAX_DAYS_AHEAD)}
            onChange={(event) => setDate(event.currentTarget.value)}
            error={checked ? problemText : undefined}
            required
            maw={260}
          />
          {!problem && date > order.dueDate ? <Text size="sm" c="orange.9" role="status">{t('workOrders.confirm.afterDue')}</Text> : null}
          <Button type="submit" loading={busy} w="fit-content">{t('workOrders.confirm.submit')}</Button>
        </Stack>
      </form>
    </Card>
  );
}
