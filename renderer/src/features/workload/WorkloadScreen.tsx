// Arbeidsfordeling: who holds what (held, due this week, overdue), the unassigned open cases oldest due first or one
// handler's cases, picked by keyboard or mouse and handed to a handler in one call (one assignment per case in the
// history), and the assignment rules that suggest whom. Esc or "Arbeidskø" goes back to the queue.
import { Alert, Button, Group, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describeError';
import { useApiQuery } from '../../api/useApiQuery';
import { useAppData } from '../../app/AppData';
import { useNavigation } from '../../app/navigation';
import { useEscapeKey } from '../../app/useEscapeKey';
import { formatDate, formatNumber } from '../../i18n/format';
import { AssignBar } from './AssignBar';
import { AssignmentRulesSection } from './AssignmentRulesSection';
import { CaseSelectList } from './CaseSelectList';
import { HandlerTable } from './HandlerTable';
import { emptySelection, keepListed, type Selection } from './selection';
import classes from './Workload.module.css';

export function WorkloadScreen() {
  const { t } = useTranslation();
  const { openQueue, openCase } = useNavigation();
  const { userName } = useAppData();
  const [shown, setShown] = useState<string | null>(null);
  const [selection, setSelection] = useState<Selection>(emptySelection);
  // The counts follow everyone's work through the change stream; the list is read when asked (readTables.ts), so
  // rows do not move under the keyboard.
  const workload = useApiQuery('workload.get', {});
  const list = useApiQuery('workload.cases', { assigneeId: shown });
  const rules = useApiQuery('assignmentRules.get', {});
  const listHeadingId = useId();
  const keysId = useId();
  useEscapeKey(openQueue);

  useEffect(() => {
    document.title = `${t('workload.title')} – ${t('app.productName')}`;
  }, [t]);

  const rows = useMemo(() => list.value?.rows ?? [], [list.value]);
  // A list read again keeps what is still in it selected.
  useEffect(() => {
    setSelection((current) => keepListed(current, rows.map((row) => row.id)));
  }, [rows]);

  const show = (assigneeId: string | null) => {
    setShown(assigneeId);
    setSelection(emptySelection);
  };

  const reloadWorkload = workload.reload;
  const reloadList = list.reload;
  const reloadRules = rules.reload;
  const onAssigned = useCallback(() => {
    setSelection(emptySelection);
    void reloadWorkload();
    void reloadList();
  }, [reloadWorkload, reloadList]);
  const onRulesChanged = useCallback(() => {
    void reloadRules();
    void reloadList();
  }, [reloadRules, reloadList]);

  const selectedRows = rows.filter((row) => selection.selected.has(row.id));
  const view = workload.value;
  const error = workload.error ?? list.error;
  const total = list.value?.total ?? 0;
  const listTitle =
    shown === null
      ? t('workload.list.unassigned', { count: total, formatted: formatNumber(total) })
      : t('workload.list.ofHandler', { count: total, formatted: formatNumber(total), name: userName(shown) });

  return (
    <div className={classes.screen}>
      <Group gap="md" align="baseline">
        <Button variant="subtle" size="compact-sm" onClick={openQueue} leftSection={<span aria-hidden>←</span>} aria-keyshortcuts="Escape">
          {t('workload.back')}
        </Button>
        <Title order={1}>{t('workload.title')}</Title>
        {view && (
          <Text size="sm" c="gray.8">
            {t('workload.week', { date: formatDate(view.lastWorkingDayOfWeek) })}
          </Text>
        )}
      </Group>
      {error && (
        <Alert color="red" title={describeError(t, error).title} role="alert">
          {describeError(t, error).message}{' '}
          <Button size="xs" variant="white" onClick={() => void Promise.all([workload.reload(), list.reload()])}>
            {t('app.retry')}
          </Button>
        </Alert>
      )}
      <div className={classes.panes}>
        <div className={classes.left}>
          {view && <HandlerTable view={view} shown={shown} onShow={show} />}
          <AssignmentRulesSection view={rules.value} handlers={view?.handlers ?? []} onChanged={onRulesChanged} />
        </div>
        <section className={classes.right} aria-labelledby={listHeadingId}>
          <Title order={2} size="h4" id={listHeadingId}>
            {listTitle}
          </Title>
          <Text size="xs" c="gray.8" id={keysId}>
            {total > rows.length
              ? t('workload.list.firstOnly', { shown: formatNumber(rows.length) }) + ' '
              : ''}
            {t('workload.list.keys')}
          </Text>
          <CaseSelectList
            rows={rows}
            selection={selection}
            onSelection={setSelection}
            labelId={listHeadingId}
            describedById={keysId}
            showSuggestion={shown === null}
            onOpen={openCase}
          />
          {view?.canAssign && <AssignBar selectedRows={selectedRows} handlers={view.handlers} onAssigned={onAssigned} />}
        </section>
      </div>
    </div>
  );
}
