// "Hent anleggsdata": the installation facts the grid company holds, by metering point ID (checked on the spot) or
// by the address and postcode typed in the form; what is found fills the form's installation fields.
import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalInstallationFacts } from '../../../../shared/portalApi/lookup';
import { checkMeteringPointId } from '../../../../shared/rules';
import type { ApiError } from '../../app/api';
import { Card, ErrorAlert } from '../../app/Screen';
import { newMessageApi } from './api';

type Outcome = { found: string } | { notFound: true } | null;

export function InstallationLookup({ address, postcode, onFound }: {
  address: string;
  postcode: string;
  onFound: (facts: PortalInstallationFacts) => void;
}) {
  const { t } = useTranslation();
  const [meteringPointId, setMeteringPointId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const fetchBy = async (ask: () => ReturnType<typeof newMessageApi.lookupByAddress>) => {
    setBusy(true);
    setError(null);
    setOutcome(null);
    const answer = await ask();
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    const facts = answer.value.installation;
    if (!facts) {
      setOutcome({ notFound: true });
      return;
    }
    onFound(facts);
    setOutcome({ found: `${facts.address}, ${facts.postcode} ${facts.postTown}` });
  };

  const byMeteringPoint = (event: FormEvent) => {
    event.preventDefault();
    const check = checkMeteringPointId(meteringPointId);
    if (!check.valid) {
      setProblem(t(`newMessage.problem.identifier.${check.problem}`));
      return;
    }
    setProblem(null);
    void fetchBy(() => newMessageApi.lookupByMeteringPoint(check.normalized));
  };

  const canUseAddress = address.trim() !== '' && postcode.trim() !== '';
  return (
    <Card labelledBy="lookup-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="lookup-title">{t('newMessage.lookup.title')}</Title>
        <Text size="sm">{t('newMessage.lookup.intro')}</Text>
        <form onSubmit={byMeteringPoint} noValidate>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              id="lookup-metering-point"
              label={t('newMessage.lookup.meteringPointId')}
              inputMode="numeric"
              autoComplete="off"
              value={meteringPointId}
              error={problem ?? undefined}
              onChange={(event) => setMeteringPointId(event.currentTarget.value)}
              style={{ flex: '1 1 14rem' }}
            />
            <Button type="submit" variant="light" loading={busy}>{t('newMessage.lookup.byMeteringPoint')}</Button>
          </Group>
        </form>
        <Group gap="sm" wrap="wrap">
          <Button variant="default" disabled={!canUseAddress || busy} onClick={() => void fetchBy(() => newMessageApi.lookupByAddress(address, postcode))}>
            {t('newMessage.lookup.byAddress')}
          </Button>
          {!canUseAddress && <Text size="sm" c="dimmed">{t('newMessage.lookup.needAddress')}</Text>}
        </Group>
        <div role="status">
          {outcome && 'found' in outcome && <Alert color="teal" variant="light">{t('newMessage.lookup.found', { address: outcome.found })}</Alert>}
          {outcome && 'notFound' in outcome && <Alert color="blue" variant="light">{t('newMessage.lookup.notFound')}</Alert>}
        </div>
        <ErrorAlert error={error} />
      </Stack>
    </Card>
  );
}
