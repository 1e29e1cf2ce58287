// One quarantined record: why it was stopped, its JSON to fix (parse errors shown as you type), and the two ways
// out: import it again, or discard it with a reason. Standalone a fixed record becomes a case at once; with a
// central server the fix is saved and marked ready for the importer there, and the screen says so.
import { Alert, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuarantineReimportResult } from '../../api/contract';
import { describeError } from '../../api/describeError';
import { notifySuccess } from '../../api/notify';
import { useApiQuery } from '../../api/useApiQuery';
import { useAppData } from '../../app/AppData';
import { useApiMutation } from '../../data/useApiMutation';
import { formatDateTime } from '../../i18n/format';
import { describeSource } from './describeSource';
import { DiscardConfirm } from './DiscardConfirm';
import { jsonProblem } from './jsonProblem';
import { notifyQuarantineError } from './notifyQuarantineError';
import classes from './Quarantine.module.css';
import { ReasonList } from './ReasonList';

interface Props {
  id: string;
  /** Called after a change, so the list (and the header's count) follow. */
  onChanged: () => void;
  onOpenCase: (caseId: number) => void;
}

export function QuarantineDetail({ id, onChanged, onOpenCase }: Props) {
  const { t } = useTranslation();
  const { session, userName } = useAppData();
  const central = session.mode === 'central';
  const { value: record, error, reload } = useApiQuery('quarantine.get', { id });
  const [draft, setDraft] = useState<string | null>(null);
  // A refusal is said in the quarantine's own words (notifyQuarantineError), so the factory does not notify.
  const saveRecord = useApiMutation('quarantine.save');
  const reimportRecord = useApiMutation('quarantine.reimport');
  const discardRecord = useApiMutation('quarantine.discard');
  const busy = saveRecord.pending ? 'save' : reimportRecord.pending ? 'reimport' : discardRecord.pending ? 'discard' : null;
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<QuarantineReimportResult | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const discardRef = useRef<HTMLButtonElement>(null);
  const reasonsHeadingId = useId();
  const editorHintId = useId();

  const raw = draft ?? record?.raw ?? '';
  const deferredRaw = useDeferredValue(raw);
  const problem = useMemo(() => jsonProblem(deferredRaw), [deferredRaw]);
  const unresolved = record?.state === 'open' || record?.state === 'ready';
  const changed = record !== undefined && draft !== null && draft !== record.raw;

  // Opening a record (Enter in the list) takes the reader to it, once it has arrived.
  const loaded = record !== undefined;
  useEffect(() => {
    if (loaded) headingRef.current?.focus({ preventScroll: true });
  }, [loaded]);

  if (error && !record) {
    const text = describeError(t, error);
    return (
      <Alert color="red" title={text.title} role="alert">
        {text.message}{' '}
        <Button size="xs" variant="white" onClick={() => void reload()}>
          {t('app.retry')}
        </Button>
      </Alert>
    );
  }
  if (!record) return <Text size="sm" role="status">{t('quarantine.loadingRecord')}</Text>;

  const after = async () => {
    setDraft(null);
    await reload();
    onChanged();
  };

  const save = async () => {
    const saved = await saveRecord.attempt({ id, raw });
    if (!saved.ok) return notifyQuarantineError(t, saved.error);
    notifySuccess(t('quarantine.saved'));
    await after();
  };

  const reimport = async () => {
    setResult(null);
    const outcome = await reimportRecord.attempt({ id, raw });
    if (!outcome.ok) return notifyQuarantineError(t, outcome.error);
    setResult(outcome.value);
    await after();
  };

  const discard = async (reason: string) => {
    const discarded = await discardRecord.attempt({ id, reason });
    if (!discarded.ok) return notifyQuarantineError(t, discarded.error);
    setConfirming(false);
    notifySuccess(t('quarantine.discard.done'));
    await after();
    headingRef.current?.focus();
  };

  const problemText = problem
    ? problem.kind === 'empty'
      ? t('quarantine.json.empty')
      : problem.line !== null
        ? t('quarantine.json.errorAt', { line: problem.line, column: problem.column })
        : t(problem.kind === 'endsEarly' ? 'quarantine.json.endsEarly' : 'quarantine.json.error')
    : undefined;

  return (
    <Stack gap="sm">
      <div>
        <Title order={2} ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
          {record.messageId ? t('quarantine.recordTitle', { messageId: record.messageId }) : t('quarantine.noMessageId')}
        </Title>
        <dl className={classes.facts}>
          <dt>{t('quarantine.source')}</dt>
          <dd>{describeSource(t, record.source)}</dd>
          <dt>{t('quarantine.received')}</dt>
          <dd>{formatDateTime(record.receivedAt)}</dd>
          <dt>{t('quarantine.stateLabel')}</dt>
          <dd>
            {t(`quarantine.state.${record.state}`)}
            {record.pending && ` – ${t('quarantine.pendingSend')}`}
            {record.resolvedAt &&
              ` – ${t('quarantine.resolvedBy', { name: record.resolvedBy ? userName(record.resolvedBy) : '–', at: formatDateTime(record.resolvedAt) })}`}
          </dd>
          {record.resolutionNote && (
            <>
              <dt>{t('quarantine.resolutionNote')}</dt>
              <dd>{record.resolutionNote}</dd>
            </>
          )}
        </dl>
      </div>

      <ReimportResult result={result} onOpenCase={onOpenCase} />

      <section aria-labelledby={reasonsHeadingId}>
        <Title order={3} id={reasonsHeadingId} mb={4}>
          {t('quarantine.reasonsTitle', { count: record.reasons.length })}
        </Title>
        <ReasonList reasons={record.reasons} />
      </section>

      <Textarea
        className={classes.editor}
        label={t('quarantine.json.label')}
        description={<span id={editorHintId}>{unresolved ? t('quarantine.json.hint') : t('quarantine.json.readOnly')}</span>}
        value={raw}
        readOnly={!unresolved}
        onChange={(event) => setDraft(event.currentTarget.value)}
        error={problemText}
        autosize
        minRows={10}
        maxRows={18}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
      />

      {unresolved &&
        (confirming ? (
          <DiscardConfirm
            busy={busy === 'discard'}
            onDiscard={(reason) => void discard(reason)}
            onCancel={() => {
              setConfirming(false);
              requestAnimationFrame(() => discardRef.current?.focus());
            }}
          />
        ) : (
          <Stack gap={6}>
            <Group gap="xs">
              <Button loading={busy === 'reimport'} disabled={problem !== null || busy !== null} onClick={() => void reimport()}>
                {t('quarantine.reimport')}
              </Button>
              <Button variant="default" loading={busy === 'save'} disabled={!changed || busy !== null} onClick={() => void save()}>
                {t('quarantine.save')}
              </Button>
              <Button variant="subtle" color="red" ref={discardRef} disabled={busy !== null} onClick={() => setConfirming(true)}>
                {t('quarantine.discard.open')}
              </Button>
            </Group>
            <Text size="xs" c="gray.7">
              {central ? t('quarantine.centralExplain') : t('quarantine.standaloneExplain')}
            </Text>
          </Stack>
        ))}
    </Stack>
  );
}

interface ResultProps {
  result: QuarantineReimportResult | null;
  onOpenCase: (caseId: number) => void;
}

/** What the last "Importer på nytt" came to, read out when it arrives. */
function ReimportResult({ result, onOpenCase }: ResultProps) {
  const { t } = useTranslation();
  return (
    <div aria-live="polite">
      {result?.outcome === 'imported' && (
        <Alert color="teal" title={t('quarantine.result.importedTitle')}>
          <Group gap="sm">
            <Text size="sm">{t('quarantine.result.imported', { count: result.caseIds.length })}</Text>
            {result.caseIds[0] !== undefined && (
              <Button size="compact-sm" variant="white" onClick={() => onOpenCase(result.caseIds[0])}>
                {t('quarantine.result.openCase')}
              </Button>
            )}
          </Group>
        </Alert>
      )}
      {result?.outcome === 'stillInvalid' && (
        <Alert color="orange" title={t('quarantine.result.stillInvalidTitle')}>
          {t('quarantine.result.stillInvalid', { count: result.reasons.length })}
        </Alert>
      )}
      {result?.outcome === 'queuedForImporter' && (
        <Alert color="blue" title={t('quarantine.result.queuedTitle')}>
          {t('quarantine.result.queued')}
        </Alert>
      )}
    </div>
  );
}
