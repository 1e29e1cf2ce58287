// A list of cases to pick from, by keyboard alone (arrows, Space, Shift+arrows, Ctrl/Cmd+A) or by mouse (click,
// Shift+click): a listbox with aria-multiselectable that holds focus itself while aria-activedescendant names the
// active row, as the queue's grid does. At most ASSIGN_MANY_MAX rows, so every row is rendered.
import { VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkloadRow } from '../../api/contract';
import { useAppData } from '../../app/AppData';
import { formatDate } from '../../i18n/format';
import { useRowLabels, type RowLabels } from '../queue/QueueGridRow';
import { scrollTopToShow } from '../queue/gridKeys';
import { selectionClick, selectionKey, type Selection } from './selection';
import classes from './Workload.module.css';

export const ROW_HEIGHT = 36;
const rowDomId = (index: number) => `workload-row-${index}`;

interface Props {
  rows: WorkloadRow[];
  selection: Selection;
  onSelection(next: Selection): void;
  labelId: string;
  describedById: string;
  showSuggestion: boolean;
  /** Enter opens the active case. */
  onOpen(caseId: number): void;
}

/** Where the case stands against its due date, in the queue's words. */
function dueText(row: WorkloadRow, labels: RowLabels): { text: string; overdue: boolean } {
  if (row.waitingForInstaller) return { text: labels.waiting, overdue: false };
  if (row.dueDate === null) return { text: labels.noDueDate, overdue: false };
  const left = row.workingDaysLeft;
  if (left === null) return { text: formatDate(row.dueDate), overdue: false };
  if (left < 0 || row.overdue) return { text: labels.overdueBy(Math.max(1, -left)), overdue: true };
  return { text: left === 0 ? labels.dueToday : labels.dueIn(left), overdue: false };
}

export function CaseSelectList({ rows, selection, onSelection, labelId, describedById, showSuggestion, onOpen }: Props) {
  const { t } = useTranslation();
  const labels = useRowLabels();
  const { userName } = useAppData();
  const ids = rows.map((row) => row.id);

  const show = (element: HTMLElement, index: number) => {
    const wrap = element.parentElement;
    if (!wrap) return;
    const top = scrollTopToShow(index, ROW_HEIGHT, 0, wrap.scrollTop, wrap.clientHeight);
    if (top !== null) wrap.scrollTop = top;
  };

  return (
    <>
      {/* Column names for the eye; each option's text reads in the same order for a screen reader. */}
      <div className={classes.listHeader} aria-hidden>
        <span />
        <span>{t('workload.list.columns.case')}</span>
        <span>{t('workload.list.columns.type')}</span>
        <span>{t('workload.list.columns.address')}</span>
        <span>{t('workload.list.columns.due')}</span>
        <span>{showSuggestion ? t('workload.list.columns.suggestion') : t('workload.list.columns.status')}</span>
      </div>
      <div className={classes.listWrap}>
        <div
          role="listbox"
          aria-multiselectable="true"
          aria-labelledby={labelId}
          aria-describedby={describedById}
          aria-activedescendant={rows.length > 0 ? rowDomId(selection.active) : undefined}
          tabIndex={0}
          className={classes.list}
          data-testid="workload-list"
          onKeyDown={(event) => {
            const element = event.currentTarget;
            if (event.key === 'Enter' && !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
              const row = rows[selection.active];
              if (row) {
                event.preventDefault();
                onOpen(row.id);
              }
              return;
            }
            const pageRows = Math.max(1, Math.floor((element.parentElement?.clientHeight ?? 360) / ROW_HEIGHT) - 1);
            const next = selectionKey(selection, ids, event, pageRows);
            if (!next) return;
            event.preventDefault();
            onSelection(next);
            show(element, next.active);
          }}
        >
          {rows.length === 0 && <div className={classes.empty}>{t('workload.list.empty')}</div>}
          {rows.map((row, index) => {
            const selected = selection.selected.has(row.id);
            const due = dueText(row, labels);
            const suggestion = row.suggestedAssigneeId ? userName(row.suggestedAssigneeId) : null;
            return (
              <div
                key={row.id}
                id={rowDomId(index)}
                role="option"
                aria-selected={selected}
                data-case-id={row.id}
                className={`${classes.row} ${index === selection.active ? classes.active : ''}`}
                onMouseDown={(event) => event.preventDefault()}
                onClick={(event) => {
                  (event.currentTarget.parentElement as HTMLElement).focus({ preventScroll: true });
                  onSelection(selectionClick(selection, ids, index, event.shiftKey));
                }}
              >
                <span className={classes.check} aria-hidden>
                  {selected ? '✓' : ''}
                </span>
                <span className={classes.caseNumber}>{row.caseNumber}</span>
                <span>{labels.type[row.requestType]}</span>
                <span title={`${row.address}, ${row.municipalityName}`}>
                  {row.address}
                  <span className={classes.secondary}>, {row.municipalityName}</span>
                </span>
                <span className={due.overdue ? classes.overdue : undefined} title={formatDate(row.dueDate)}>
                  {due.overdue && <span aria-hidden>⚠ </span>}
                  {due.text}
                </span>
                <span className={classes.secondary}>
                  {showSuggestion
                    ? suggestion && (
                        <>
                          <VisuallyHidden>{t('workload.list.suggestionLabel')} </VisuallyHidden>
                          {suggestion}
                        </>
                      )
                    : labels.status[row.status]}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}
