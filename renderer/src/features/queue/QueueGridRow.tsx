// One row of the queue grid, or its placeholder while its page is on the way.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueRow } from '../../api/contract';
import { STATUS_COLOR } from '../../app/statusColor';
import { formatDate, formatDateTime } from '../../i18n/format';
import classes from './Queue.module.css';

export const ROW_HEIGHT = 36;

export const rowDomId = (index: number): string => `queue-row-${index}`;

interface Props {
  index: number;
  row: QueueRow | undefined;
  active: boolean;
  top: number;
  onOpen: (index: number, row: QueueRow) => void;
}

function Cell({ children, title }: { children?: React.ReactNode; title?: string }) {
  return (
    <div role="gridcell" className={classes.cell} title={title}>
      {children}
    </div>
  );
}

export const QueueGridRow = memo(function QueueGridRow({ index, row, active, top, onOpen }: Props) {
  const { t } = useTranslation();
  const common = {
    id: rowDomId(index),
    role: 'row',
    'aria-rowindex': index + 2,
    'aria-selected': active,
    className: classes.row,
    style: { transform: `translateY(${top}px)` },
  } as const;

  if (!row) {
    return (
      <div {...common}>
        <div role="gridcell" className={`${classes.cell} ${classes.placeholder}`}>
          {t('queue.loadingRow')}
        </div>
      </div>
    );
  }

  const type = t(`enums.requestType.${row.requestType}`);
  // The production type says it already; on other types production is a flag worth showing.
  const productionFlag = row.hasProduction && row.requestType !== 'production';
  const address = `${row.address}, ${row.municipalityName}`;
  return (
    <div {...common} onClick={() => onOpen(index, row)}>
      <Cell>
        <span className={classes.caseNumber}>{row.caseNumber}</span>
      </Cell>
      <Cell>{formatDateTime(row.receivedAt)}</Cell>
      <Cell title={productionFlag ? `${type} · ${t('queue.withProduction')}` : type}>
        {type}
        {productionFlag && <span className={classes.secondary}> · {t('queue.withProduction')}</span>}
      </Cell>
      <Cell title={address}>
        {row.address}
        <span className={classes.secondary}>, {row.municipalityName}</span>
      </Cell>
      <Cell title={row.installerName}>{row.installerName}</Cell>
      <Cell>
        <span
          aria-hidden
          className={classes.statusDot}
          style={{ background: `var(--mantine-color-${STATUS_COLOR[row.status]}-6)` }}
        />
        {t(`enums.status.${row.status}`)}
      </Cell>
      <Cell>
        {row.dueDate === null ? (
          <span className={classes.secondary}>{t('queue.noDueDate')}</span>
        ) : row.overdue ? (
          <span className={classes.overdue}>
            <span aria-hidden>⚠ </span>
            {formatDate(row.dueDate)} {t('queue.overdue')}
          </span>
        ) : (
          formatDate(row.dueDate)
        )}
      </Cell>
      <Cell title={row.assigneeName ?? undefined}>
        {row.assigneeName ?? <span className={classes.unassigned}>{t('queue.unassigned')}</span>}
      </Cell>
    </div>
  );
});
