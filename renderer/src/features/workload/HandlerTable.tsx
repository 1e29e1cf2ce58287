// Per case handler: the open cases they hold, those due this week and those overdue (working days, as the queue
// counts them); the unassigned cases as the last row. Each row opens that list on the right.
import { Button, Title, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkloadView } from '../../api/contract';
import { formatNumber } from '../../i18n/format';
import classes from './Workload.module.css';

interface Props {
  view: WorkloadView;
  /** The list shown on the right: a handler's id, or null for the unassigned cases. */
  shown: string | null;
  onShow(assigneeId: string | null): void;
}

export function HandlerTable({ view, shown, onShow }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const rows = [
    ...view.handlers.map((handler) => ({
      id: handler.id,
      name: handler.active ? handler.displayName : t('workload.handlers.retired', { name: handler.displayName }),
      counts: handler,
    })),
    { id: null, name: t('workload.handlers.unassigned'), counts: view.unassigned },
  ];
  return (
    <section className={classes.panel} aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="xs">
        {t('workload.handlers.title')}
      </Title>
      <table className={classes.table} aria-labelledby={headingId}>
        <thead>
          <tr>
            <th scope="col">{t('workload.handlers.name')}</th>
            <th scope="col">{t('workload.handlers.held')}</th>
            <th scope="col">{t('workload.handlers.dueThisWeek')}</th>
            <th scope="col">{t('workload.handlers.overdue')}</th>
            <th scope="col">
              <VisuallyHidden>{t('workload.handlers.show')}</VisuallyHidden>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const current = row.id === shown;
            return (
              <tr key={row.id ?? ''} className={current ? classes.current : undefined} data-handler={row.id ?? 'unassigned'}>
                <th scope="row">{row.name}</th>
                <td data-count="held">{formatNumber(row.counts.held)}</td>
                <td data-count="dueThisWeek">{formatNumber(row.counts.dueThisWeek)}</td>
                <td data-count="overdue" className={row.counts.overdue > 0 ? classes.overdueCount : undefined}>
                  {formatNumber(row.counts.overdue)}
                </td>
                <td>
                  <Button
                    size="compact-xs"
                    variant={current ? 'light' : 'subtle'}
                    aria-pressed={current}
                    aria-label={t('workload.handlers.showFor', { name: row.name })}
                    onClick={() => onShow(row.id)}
                  >
                    {t('workload.handlers.show')}
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
