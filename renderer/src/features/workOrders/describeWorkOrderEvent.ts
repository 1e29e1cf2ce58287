// A work order's history entries in words: ordered (with the work and due date), accepted, done.
import type { TFunction } from 'i18next';
import type { CaseEventEntry } from '../../api/contract';
import { formatDate } from '../../i18n/format';

export function describeWorkOrderEvent(t: TFunction, event: CaseEventEntry): { summary: string } {
  const work = typeof event.data.workKind === 'string' ? t(`installerCheck.work.${event.data.workKind}`) : '–';
  if (event.kind === 'work_ordered') {
    const dueDate = typeof event.data.dueDate === 'string' ? formatDate(event.data.dueDate) : '–';
    return { summary: t('workOrders.history.ordered', { work, dueDate }) };
  }
  return { summary: t(event.kind === 'work_order_accepted' ? 'workOrders.history.accepted' : 'workOrders.history.done', { work }) };
}
