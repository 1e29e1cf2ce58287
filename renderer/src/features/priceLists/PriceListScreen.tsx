// Prisliste: the grid company's price list versions on the left (which one new offers take today), the chosen one on
// the right. A supervisor makes a new version from the newest, edits it and publishes it; everyone else reads.
// Esc or "Arbeidskø" goes back to the queue.
import { Alert, Button, Group, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PriceListVersionSummary } from '../../api/contract';
import { notifySuccess } from '../../api/notify';
import { useApiQuery } from '../../api/useApiQuery';
import { useNavigation } from '../../app/navigation';
import { useEscapeKey } from '../../app/useEscapeKey';
import { formatDate } from '../../i18n/format';
import { describePriceListError } from './describePriceListError';
import { PriceListEditor } from './PriceListEditor';
import classes from './PriceLists.module.css';
import { PriceListVersions } from './PriceListVersions';
import { PriceListView } from './PriceListView';

type Selected = { id: string; version: number };

export function PriceListScreen() {
  const { t } = useTranslation();
  const { openQueue } = useNavigation();
  const [editing, setEditing] = useState(false);
  const [selected, setSelected] = useState<Selected | null>(null);
  const overview = useApiQuery('priceList.list', {});
  const versionsId = useId();
  const leave = useCallback(() => (editing ? undefined : openQueue()), [editing, openQueue]);
  useEscapeKey(leave);

  useEffect(() => {
    document.title = `${t('priceLists.title')} – ${t('app.productName')}`;
  }, [t]);

  const versions = overview.value?.versions ?? [];
  const newest = versions[0] ?? null;
  const shown = selected ?? (versions.find((v) => v.state === 'inEffect') ?? newest);
  const problem = overview.error && !overview.value ? describePriceListError(t, overview.error) : null;

  const onPublished = (summary: PriceListVersionSummary) => {
    notifySuccess(t('priceLists.published', { version: summary.version, date: formatDate(summary.effectiveFrom) }));
    setEditing(false);
    setSelected({ id: summary.id, version: summary.version });
    void overview.reload();
  };

  return (
    <div className={classes.screen}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="md" align="baseline">
          <Button variant="subtle" size="compact-sm" onClick={openQueue} leftSection={<span aria-hidden>←</span>} aria-keyshortcuts="Escape">
            {t('priceLists.back')}
          </Button>
          <Title order={1}>{t('priceLists.title')}</Title>
        </Group>
        {overview.value?.canPublish && !editing && newest && (
          <Button onClick={() => setEditing(true)}>{t('priceLists.newVersion', { version: newest.version })}</Button>
        )}
      </Group>
      <Text size="sm" c="gray.8">
        {overview.value?.canPublish ? t('priceLists.intro') : t('priceLists.readOnly')}
      </Text>
      {problem && (
        <Alert color="red" title={problem.title} role="alert">
          {problem.message}{' '}
          <Button size="xs" variant="white" onClick={() => void overview.reload()}>{t('app.retry')}</Button>
        </Alert>
      )}
      <div className={classes.panes}>
        <nav className={classes.versions} aria-labelledby={versionsId}>
          <Title order={2} size="h5" id={versionsId} px="sm" pt="xs">{t('priceLists.versions')}</Title>
          <PriceListVersions versions={versions} selected={editing ? null : shown} labelledBy={versionsId}
            onSelect={(v) => { setEditing(false); setSelected({ id: v.id, version: v.version }); }} />
        </nav>
        {/* Focusable, so the version can be scrolled by keyboard too. */}
        <div className={classes.detail} tabIndex={0} role="region" aria-label={t('priceLists.detailLabel')}>
          {editing && newest && overview.value ? (
            <EditorFor newest={newest} today={overview.value.today} onCancel={() => setEditing(false)} onPublished={onPublished} />
          ) : shown ? (
            <VersionDetail selected={shown} />
          ) : overview.value ? (
            <Text size="sm">{t('priceLists.none')}</Text>
          ) : (
            <Text size="sm" role="status">{t('priceLists.loading')}</Text>
          )}
        </div>
      </div>
    </div>
  );
}

function VersionDetail({ selected }: { selected: Selected }) {
  const { t } = useTranslation();
  const { value, error } = useApiQuery('priceList.get', { id: selected.id, version: selected.version });
  if (error && !value) {
    const problem = describePriceListError(t, error);
    return <Alert color="red" title={problem.title} role="alert">{problem.message}</Alert>;
  }
  if (!value || value.version !== selected.version) return <Text size="sm" role="status">{t('priceLists.loading')}</Text>;
  return (
    <section aria-label={t('priceLists.versionLabel', { version: value.version })}>
      <Title order={2} size="h3" mb="xs">{t('priceLists.versionTitle', { version: value.version, id: value.id })}</Title>
      <PriceListView detail={value} />
    </section>
  );
}

function EditorFor({ newest, ...props }: { newest: PriceListVersionSummary; today: string; onCancel(): void; onPublished(s: PriceListVersionSummary): void }) {
  const { t } = useTranslation();
  const { value, error } = useApiQuery('priceList.get', { id: newest.id, version: newest.version });
  if (error && !value) {
    const problem = describePriceListError(t, error);
    return <Alert color="red" title={problem.title} role="alert">{problem.message}</Alert>;
  }
  if (!value) return <Text size="sm" role="status">{t('priceLists.loading')}</Text>;
  return <PriceListEditor newest={value} {...props} />;
}
