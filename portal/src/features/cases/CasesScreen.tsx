// Mine saker: the firm's cases, newest first, with status in plain words, the case handler and the due date;
// a search on case number or address, open or closed, a page at a time. A table on a desktop, cards on a phone.
import { Badge, Group, Loader, Pagination, Paper, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalCaseSummary, PortalListCasesOutput } from '../../../../shared/portalApi/cases';
import type { ApiError } from '../../app/api';
import { Link } from '../../app/router';
import { ErrorAlert, Screen } from '../../app/Screen';
import { useSession } from '../../app/session';
import { casesApi, type CaseFilter } from './api';
import { formatDay } from './format';
import { StatusBadge } from './StatusBadge';

const PAGE_SIZE = 20;

function Handler({ name }: { name: string | null }) {
  const { t } = useTranslation();
  return name ? <>{name}</> : <Text component="span" c="dimmed" size="sm">{t('cases.unassigned')}</Text>;
}

function Due({ date }: { date: string | null }) {
  const { t } = useTranslation();
  return date ? <>{formatDay(date)}</> : <Text component="span" c="dimmed" size="sm">{t('cases.noDue')}</Text>;
}

const CaseLink = ({ summary }: { summary: PortalCaseSummary }) => (
  <Link to="cases" params={[summary.caseNumber]} fw={600} style={{ whiteSpace: 'nowrap' }}>{summary.caseNumber}</Link>
);

function CaseCards({ cases }: { cases: PortalCaseSummary[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {cases.map((c) => (
        <Paper component="li" key={c.caseNumber} withBorder p="sm" radius="md">
          <Stack gap={4}>
            <Group justify="space-between" gap="xs">
              <CaseLink summary={c} />
              <Text size="sm" c="dimmed">{formatDay(c.submittedAt)}</Text>
            </Group>
            <Text fw={500}>{c.address}, {c.postcode} {c.postTown}</Text>
            <Text size="sm">{t(`cases.requestType.${c.requestType}`)}</Text>
            <StatusBadge status={c.status} />
            <Text size="sm">{t('cases.columns.handler')}: <Handler name={c.handler} /></Text>
            <Text size="sm">{t('cases.columns.due')}: <Due date={c.dueDate} /></Text>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

function CaseTable({ cases }: { cases: PortalCaseSummary[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md">
      <Table verticalSpacing="sm" horizontalSpacing="md">
        <Table.Thead>
          <Table.Tr>
            {(['caseNumber', 'address', 'requestType', 'status', 'handler', 'submitted', 'due'] as const).map((column) => (
              <Table.Th key={column} scope="col">{t(`cases.columns.${column}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cases.map((c) => (
            <Table.Tr key={c.caseNumber}>
              <Table.Td><CaseLink summary={c} /></Table.Td>
              <Table.Td>{c.address}<Text size="xs" c="dimmed">{c.postcode} {c.postTown}</Text></Table.Td>
              <Table.Td>{t(`cases.requestType.${c.requestType}`)}</Table.Td>
              <Table.Td><StatusBadge status={c.status} /></Table.Td>
              <Table.Td><Handler name={c.handler} /></Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(c.submittedAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}><Due date={c.dueDate} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

export function CasesScreen() {
  const { t } = useTranslation();
  const { me } = useSession();
  const phone = useMediaQuery('(max-width: 62em)');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [state, setState] = useState<CaseFilter>('all');
  const [page, setPage] = useState(1);
  const [answer, setAnswer] = useState<PortalListCasesOutput | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let current = true;
    void casesApi.list({ state, q: q || undefined, page, pageSize: PAGE_SIZE }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setAnswer(result.value);
        setError(null);
      } else {
        setError(result.error);
      }
    });
    return () => {
      current = false;
    };
  }, [state, q, page]);

  const pages = answer ? Math.max(1, Math.ceil(answer.total / PAGE_SIZE)) : 1;
  return (
    <Screen title={t('cases.title')} intro={<Text>{t('cases.intro', { firm: me?.firm.name ?? '' })}</Text>}>
      <Group align="flex-end" gap="md" wrap="wrap">
        <TextInput
          type="search"
          label={t('cases.search')}
          value={search}
          onChange={(event) => { setSearch(event.currentTarget.value); setPage(1); }}
          style={{ flex: '1 1 16rem' }}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="cases-filter">{t('cases.filter')}</Text>
          <SegmentedControl
            aria-labelledby="cases-filter"
            value={state}
            onChange={(value) => { setState(value); setPage(1); }}
            data={(['all', 'open', 'closed'] as const).map((value) => ({ value, label: t(`cases.filters.${value}`) }))}
          />
        </Stack>
      </Group>
      <ErrorAlert error={error} />
      <section aria-labelledby="cases-list">
        <Group justify="space-between" mb="sm">
          <Title order={2} id="cases-list">{t('cases.listTitle')}</Title>
          {answer && <Badge variant="light" color="gray" size="lg" tt="none" role="status">{t('cases.count', { count: answer.total })}</Badge>}
        </Group>
        {answer === null ? <Loader aria-label={t('app.loading')} size="sm" />
          : answer.cases.length === 0 ? <Text>{q || state !== 'all' ? t('cases.noneFound') : t('cases.none')}</Text>
            : phone ? <CaseCards cases={answer.cases} /> : <CaseTable cases={answer.cases} />}
        {pages > 1 && (
          <Group component="nav" aria-label={t('cases.pages')} mt="md">
            <Pagination total={pages} value={page} onChange={setPage} getItemProps={(n) => ({ 'aria-label': t('cases.page', { page: n }) })} />
          </Group>
        )}
      </section>
    </Screen>
  );
}
