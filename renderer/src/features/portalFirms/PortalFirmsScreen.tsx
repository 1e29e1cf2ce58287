// Installatørfirmaer (supervisors only): the firms that applied for access to the installers' portal — name,
// organisation number, DSB status, contact, first user, when — with Godkjenn / Avvis, and the decided firms with the
// decision, who and when. Online only: the list is asked of the central service each time the screen opens and
// after each decision (no timer); without the service it says so. "Tilbake" or Esc returns to the queue.
import { Alert, Button, Group, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalFirmView } from '../../../../shared/contract/portalFirms';
import { useApiQuery } from '../../api/useApiQuery';
import { useOnlineScreen } from '../../app/useOnlineScreen';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format';
import { formatOrganisationNumber } from '../installer/organisationNumber';
import classes from '../settings/Settings.module.css';
import { DecisionDialog, type Decision } from './DecisionDialogs';
import { describePortalError, needsConnection } from './portalFirmErrors';

function DsbStatus({ firm }: { firm: PortalFirmView }) {
  const { t } = useTranslation();
  if (!firm.dsb) return <Text size="sm" c="red.9">{t('portalFirms.dsb.notRegistered')}</Text>;
  return (
    <>
      <Text size="sm" c={firm.dsb.status === 'active' ? undefined : 'red.9'} fw={firm.dsb.status === 'active' ? undefined : 600}>
        {t(`enums.dsbStatus.${firm.dsb.status}`)}
      </Text>
      <Text size="xs" c="gray.7">{t('portalFirms.dsb.asOf', { date: formatDate(firm.dsb.asOf) })}</Text>
    </>
  );
}

export function PortalFirmsScreen() {
  const { t } = useTranslation();
  const { value: firms, error, loading, reload } = useApiQuery('portalFirm.list', {});
  const { open: decision, setOpen: setDecision, done, headingRef, onDone, openQueue } = useOnlineScreen<Decision>('portalFirms.title', reload);
  const appliedId = useId();
  const decidedId = useId();

  // An answer shown before the failure stays, marked as perhaps out of date; without one only the failure shows.
  const errorText = error ? describePortalError(t, error) : null;
  const showFirstUser = [...(firms?.applied ?? []), ...(firms?.decided ?? [])].some((f) => f.firstUser !== null);

  return (
    <div className={classes.screen}>
      <div className={classes.inner} style={{ maxWidth: 1280 }}>
        <Group justify="space-between" wrap="nowrap">
          <Button variant="subtle" onClick={openQueue} leftSection={<span aria-hidden>←</span>} aria-keyshortcuts="Escape">
            {t('portalFirms.back')}
          </Button>
          <Text size="xs" c="gray.7">
            {t('portalFirms.escHint')}
          </Text>
        </Group>
        <Group justify="space-between" align="flex-end">
          <Title order={1} ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
            {t('portalFirms.title')}
          </Title>
          <Button variant="default" onClick={() => void reload()} loading={loading && firms !== undefined}>
            {t('portalFirms.reload')}
          </Button>
        </Group>
        <Text size="sm">{t('portalFirms.intro')}</Text>
        <div role="status" aria-live="polite">
          {done ? (
            <Alert color="green" data-testid="portal-firms-done">
              {done}
            </Alert>
          ) : null}
        </div>
        {errorText ? (
          <Alert color={needsConnection(error) ? 'blue' : 'red'} title={errorText.title} role="alert" data-testid="portal-firms-problem">
            <Text size="sm">{errorText.message}</Text>
            {firms ? <Text size="sm" mt={4}>{t('portalFirms.stale', { time: formatDateTime(firms.fetchedAt) })}</Text> : null}
            <Button mt="sm" size="xs" variant="default" onClick={() => void reload()}>
              {t('app.retry')}
            </Button>
          </Alert>
        ) : null}
        {!firms && !error ? (
          <Text size="sm" role="status">
            {t('portalFirms.loading')}
          </Text>
        ) : null}
        {firms ? (
          <>
            <section className={classes.section} aria-labelledby={appliedId}>
              <Title order={2} size="h4" id={appliedId} mb="xs">
                {t('portalFirms.appliedTitle', { formatted: formatNumber(firms.applied.length) })}
              </Title>
              {firms.applied.length === 0 ? (
                <Text size="sm">{t('portalFirms.noneApplied')}</Text>
              ) : (
                <Table striped withRowBorders verticalSpacing={6} data-testid="portal-firms-applied">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('portalFirms.columns.name')}</Table.Th>
                      <Table.Th scope="col">{t('portalFirms.columns.organisationNumber')}</Table.Th>
                      <Table.Th scope="col">{t('portalFirms.columns.dsb')}</Table.Th>
                      <Table.Th scope="col">{t('portalFirms.columns.contactEmail')}</Table.Th>
                      {showFirstUser ? <Table.Th scope="col">{t('portalFirms.columns.firstUser')}</Table.Th> : null}
                      <Table.Th scope="col">{t('portalFirms.columns.appliedAt')}</Table.Th>
                      <Table.Th scope="col">{t('portalFirms.columns.decide')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {firms.applied.map((firm) => (
                      <Table.Tr key={firm.id} data-testid="portal-firm-applied">
                        <Table.Th scope="row" fw={600}>{firm.name}</Table.Th>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatOrganisationNumber(firm.organisationNumber)}</Table.Td>
                        <Table.Td><DsbStatus firm={firm} /></Table.Td>
                        <Table.Td style={{ overflowWrap: 'anywhere' }}>{firm.contactEmail}</Table.Td>
                        {showFirstUser ? (
                          <Table.Td>
                            {firm.firstUser ? (
                              <>
                                <Text size="sm">{firm.firstUser.name || firm.firstUser.email}</Text>
                                {firm.firstUser.name ? <Text size="xs" style={{ overflowWrap: 'anywhere' }}>{firm.firstUser.email}</Text> : null}
                              </>
                            ) : null}
                          </Table.Td>
                        ) : null}
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(firm.appliedAt)}</Table.Td>
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap">
                            <Button size="xs" aria-label={t('portalFirms.approveLabel', { name: firm.name })}
                              onClick={() => setDecision({ kind: 'approve', firm })}>
                              {t('portalFirms.approve')}
                            </Button>
                            <Button size="xs" variant="outline" color="red.9" aria-label={t('portalFirms.refuseLabel', { name: firm.name })}
                              onClick={() => setDecision({ kind: 'refuse', firm })}>
                              {t('portalFirms.refuse')}
                            </Button>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </section>
            <section className={classes.section} aria-labelledby={decidedId}>
              <Title order={2} size="h4" id={decidedId} mb="xs">
                {t('portalFirms.decidedTitle', { formatted: formatNumber(firms.decided.length) })}
              </Title>
              {firms.decided.length === 0 ? (
                <Text size="sm">{t('portalFirms.noneDecided')}</Text>
              ) : (
                <Table striped withRowBorders verticalSpacing={6} data-testid="portal-firms-decided">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('portalFirms.columns.name')}</Table.Th>
                      <Table.Th scope="col">{t('portalFirms.columns.organisationNumber')}</Table.Th>
                      <Table.Th scope="col">{t('portalFirms.columns.decision')}</Table.Th>
                      <Table.Th scope="col">{t('portalFirms.columns.decidedBy')}</Table.Th>
                      <Table.Th scope="col">{t('portalFirms.columns.decidedAt')}</Table.Th>
                      <Table.Th scope="col">{t('portalFirms.columns.appliedAt')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {firms.decided.map((firm) => (
                      <Table.Tr key={firm.id} data-testid="portal-firm-decided">
                        <Table.Th scope="row" fw={600}>
                          {firm.name}
                          <Text size="xs" fw={400} style={{ overflowWrap: 'anywhere' }}>{firm.contactEmail}</Text>
                        </Table.Th>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatOrganisationNumber(firm.organisationNumber)}</Table.Td>
                        <Table.Td>
                          <Text size="sm" fw={600} c={firm.state === 'approved' ? undefined : 'red.9'}>
                            {t(`portalFirms.state.${firm.state}`)}
                          </Text>
                          {firm.refusalReason ? (
                            <Text size="sm" mt={4}>
                              {t('portalFirms.reasonShown', { reason: firm.refusalReason })}
                            </Text>
                          ) : null}
                        </Table.Td>
                        <Table.Td>{firm.decidedBy?.displayName ?? ''}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(firm.decidedAt)}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(firm.appliedAt)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </section>
          </>
        ) : null}
      </div>
      {decision ? <DecisionDialog key={`${decision.kind}-${decision.firm.id}`} decision={decision} onClose={() => setDecision(null)} onDone={onDone} /> : null}
    </div>
  );
}
