// The changes the central database refused, each with what the person wrote and why it was refused, to be
// applied again (as a new change, checked against the case as it is now) or discarded after a confirmation.
// Nothing a person wrote disappears without them choosing so.
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RefusedChange } from '../../api/contract';
import { notifySuccess } from '../../api/notify';
import { useApiQuery } from '../../api/useApiQuery';
import { useAppData } from '../../app/AppData';
import { useApiMutation } from '../../data/useApiMutation';
import { formatDateTime } from '../../i18n/format';
import { capitalised, describeChange, reasonHelp, reasonShort } from './describeSync';
import classes from './Sync.module.css';

interface Props {
  /** The count the status reports; the list is read again whenever it changes. */
  refusedCount: number;
  onOpenCase: (caseId: number) => void;
}

export function RefusedChanges({ refusedCount, onOpenCase }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Read again when the change stream says the outbox moved (a refusal arrived, one was applied again or dismissed).
  const { value: changes, reload } = useApiQuery('outbox.refused', {});

  /** The change has left the list: focus goes to the list's heading rather than falling out of the panel. */
  const done = async (removed: boolean) => {
    await reload();
    if (removed) headingRef.current?.focus();
  };

  return (
    <section aria-labelledby={headingId}>
      <Title order={3} id={headingId} mb={4} ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
        {t('sync.panel.refusedTitle', { count: changes?.length ?? refusedCount })}
      </Title>
      {changes === undefined ? (
        <Text size="sm">{t('sync.panel.loadingRefused')}</Text>
      ) : changes.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('sync.panel.noRefused')}
        </Text>
      ) : (
        <Stack gap="xs">
          <Text size="sm">{t('sync.panel.refusedIntro')}</Text>
          <ul className={classes.refusedList}>
            {changes.map((change) => (
              <RefusedChangeItem key={change.seq} change={change} onDone={done} onOpenCase={onOpenCase} />
            ))}
          </ul>
        </Stack>
      )}
    </section>
  );
}

interface ItemProps {
  change: RefusedChange;
  /** After the call; `removed` when the change has left the list. */
  onDone: (removed: boolean) => Promise<void>;
  onOpenCase: (caseId: number) => void;
}

function RefusedChangeItem({ change, onDone, onOpenCase }: ItemProps) {
  const { t } = useTranslation();
  const { userName } = useAppData();
  const { attempt: reapplyChange, pending: reapplying } = useApiMutation('outbox.reapply', { notify: true });
  const { attempt: dismissChange, pending: dismissing } = useApiMutation('outbox.dismiss', { notify: true });
  const [confirming, setConfirming] = useState(false);
  const dismissRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const { title, written } = describeChange(t, change, userName);

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  const reapply = async () => {
    const result = await reapplyChange({ seq: change.seq });
    if (result.ok) notifySuccess(t('sync.panel.reapplied'));
    await onDone(result.ok);
  };

  const dismiss = async () => {
    const result = await dismissChange({ seq: change.seq });
    if (result.ok) notifySuccess(t('sync.panel.dismissed'));
    await onDone(result.ok);
  };

  return (
    <li className={classes.refused}>
      <Text size="sm" fw={600} id={titleId}>
        {title}
      </Text>
      {written !== null && (
        <>
          <Text size="xs" c="gray.7" mt={4}>
            {t('sync.panel.written')}
          </Text>
          <p className={classes.written}>{written}</p>
        </>
      )}
      <Text size="sm">
        <Text span fw={600}>
          {t('sync.panel.reason')}:{' '}
        </Text>
        {capitalised(reasonShort(t, change.reason))}. {reasonHelp(t, change.reason)}
      </Text>
      <Text size="xs" c="gray.7" mt={2}>
        {t('sync.panel.madeAt', { at: formatDateTime(change.createdAt) })}
      </Text>
      {confirming ? (
        <div className={classes.confirm} role="group" aria-label={t('sync.panel.confirmDismiss')}>
          <Text size="sm" mb={6}>
            {t('sync.panel.confirmDismiss')}
          </Text>
          <Group gap="xs">
            <Button size="compact-sm" color="red" loading={dismissing} onClick={() => void dismiss()}>
              {t('sync.panel.confirmDismissYes')}
            </Button>
            <Button
              size="compact-sm"
              variant="default"
              ref={cancelRef}
              onClick={() => {
                setConfirming(false);
                requestAnimationFrame(() => dismissRef.current?.focus());
              }}
            >
              {t('sync.panel.cancel')}
            </Button>
          </Group>
        </div>
      ) : (
        <Group gap="xs" mt={8}>
          {change.canReapply ? (
            <Button size="compact-sm" aria-describedby={titleId} loading={reapplying} onClick={() => void reapply()}>
              {t('sync.panel.reapply')}
            </Button>
          ) : (
            <Text size="xs" c="gray.7">
              {t('sync.panel.redoOnItsScreen')}
            </Text>
          )}
          <Button size="compact-sm" variant="default" aria-describedby={titleId} ref={dismissRef} onClick={() => setConfirming(true)}>
            {t('sync.panel.dismiss')}
          </Button>
          {change.caseId !== null && (
            <Button size="compact-sm" variant="subtle" aria-describedby={titleId} onClick={() => onOpenCase(change.caseId!)}>
              {t('sync.panel.openCase')}
            </Button>
          )}
        </Group>
      )}
    </li>
  );
}
