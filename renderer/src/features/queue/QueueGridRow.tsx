// One row of the queue grid, or its placeholder while its page is on the way.
//
// Rows are memoised and get their words from one RowLabels object made by the grid, not from a useTranslation
// of their own: a row whose case is unchanged after a keystroke does not render again, and one that is new
// does little more than place its text.
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CASE_STATUSES, CLOSURE_REASONS, REQUEST_TYPES, dueDateMeaning, type CaseStatus, type ClosureReason, type RequestType,
} from '../../../../shared/rules';
import type { QueueRow } from '../../api/contract';
import { STATUS_COLOR } from '../../app/statusColor';
import { formatDate, formatDateTime } from '../../i18n/format';
import classes from './Queue.module.css';

export const ROW_HEIGHT = 36;

export const rowDomId = (index: number): string => `queue-row-${index}`;

/** The words rows show, translated once per language for all of them. */
export interface RowLabels {
  status: Record<CaseStatus, string>;
  closureReason: Record<ClosureReason, string>;
  type: Record<RequestType, string>;
  withProduction: string;
  noDueDate: string;
  /** The tooltip of a due date that is the meter clock's (completion_reported). */
  meterDueBy(date: string): string;
  waiting: string;
  dueToday: string;
  dueIn(workingDays: number): string;
  overdueBy(workingDays: number): string;
  unassigned: string;
  loadingRow: string;
}

export function useRowLabels(): RowLabels {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => ({
      status: Object.fromEntries(CASE_STATUSES.map((status) => [status, t(`enums.status.${status}`)])) as Record<
        CaseStatus,
        string
      >,
      closureReason: Object.fromEntries(CLOSURE_REASONS.map((reason) => [reason, t(`enums.closureReason.${reason}`)])) as Record<
        ClosureReason,
        string
      >,
      type: Object.fromEntries(REQUEST_TYPES.map((type) => [type, t(`enums.requestType.${type}`)])) as Record<
        RequestType,
        string
      >,
      withProduction: t('queue.withProduction'),
      noDueDate: t('queue.noDueDate'),
      meterDueBy: (date: string) => t('queue.due.meterBy', { date }),
      waiting: t('queue.due.waiting'),
      dueToday: t('queue.due.today'),
      dueIn: (count: number) => t('queue.due.inDays', { count }),
      overdueBy: (count: number) => t('queue.due.overdueBy', { count }),
      unassigned: t('queue.unassigned'),
      loadingRow: t('queue.loadingRow'),
    }),
    // The language is named so that the labels follow a change of it even if t were to keep its identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on purpose, as said above.
    [t, language],
  );
}

interface Props {
  index: number;
  row: QueueRow | undefined;
  active: boolean;
  top: number;
  labels: RowLabels;
  onOpen: (index: number, row: QueueRow) => void;
}

function Cell({ children, title }: { children?: React.ReactNode; title?: string }) {
  return (
    <div role="gridcell" className={classes.cell} title={title}>
      {children}
    </div>
  );
}

/**
 * Where the case stands against its due date, in working days while the clock runs ("forfaller om 3
 * arbeidsdager", "2 arbeidsdager over frist"); "frist stoppet" while the case waits for the installer; the date
 * itself otherwise, and always in the tooltip (after the ferdigmelding: "Måler skal monteres innen …").
 */
function DueCell({ row, labels }: { row: QueueRow; labels: RowLabels }) {
  const shown = row.dueDate === null ? undefined : formatDate(row.dueDate);
  const date = shown !== undefined && dueDateMeaning(row.status) === 'meterMounting' ? labels.meterDueBy(shown) : shown;
  if (row.waitingForInstaller) {
    return (
      <Cell title={date}>
        <span className={classes.waiting}>{labels.waiting}</span>
      </Cell>
    );
  }
  if (shown === undefined) {
    return (
      <Cell>
        <span className={classes.secondary}>{labels.noDueDate}</span>
      </Cell>
    );
  }
  const left = row.workingDaysLeft;
  if (left === null) return <Cell title={date}>{shown}</Cell>;
  if (left < 0 || row.overdue) {
    return (
      <Cell title={date}>
        <span className={classes.overdue}>
          <span aria-hidden>⚠ </span>
          {labels.overdueBy(Math.max(1, -left))}
        </span>
      </Cell>
    );
  }
  return <Cell title={date}>{left === 0 ? labels.dueToday : labels.dueIn(left)}</Cell>;
}

export const QueueGridRow = memo(function QueueGridRow({ index, row, active, top, labels, onOpen }: Props) {
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
          {labels.loadingRow}
        </div>
      </div>
    );
  }

  const type = labels.type[row.requestType];
  // The production type says it already; on other types production is a flag worth showing.
  const productionFlag = row.hasProduction && row.requestType !== 'production';
  const address = `${row.address}, ${row.municipalityName}`;
  return (
    <div {...common} onClick={() => onOpen(index, row)}>
      <Cell>
        <span className={classes.caseNumber}>{row.caseNumber}</span>
      </Cell>
      <Cell>{formatDateTime(row.receivedAt)}</Cell>
      <Cell title={productionFlag ? `${type} · ${labels.withProduction}` : type}>
        {type}
        {productionFlag && <span className={classes.secondary}> · {labels.withProduction}</span>}
      </Cell>
      <Cell title={address}>
        {row.address}
        <span className={classes.secondary}>, {row.municipalityName}</span>
      </Cell>
      <Cell title={row.installerName}>{row.installerName}</Cell>
      <Cell title={row.closureReason ? `${labels.status[row.status]} · ${labels.closureReason[row.closureReason]}` : undefined}>
        <span
          aria-hidden
          className={classes.statusDot}
          style={{ background: `var(--mantine-color-${STATUS_COLOR[row.status]}-6)` }}
        />
        {labels.status[row.status]}
        {row.closureReason && <span className={classes.secondary}> · {labels.closureReason[row.closureReason]}</span>}
      </Cell>
      <DueCell row={row} labels={labels} />
      <Cell title={row.assigneeName ?? undefined}>
        {row.assigneeName ?? <span className={classes.unassigned}>{labels.unassigned}</span>}
      </Cell>
    </div>
  );
});
