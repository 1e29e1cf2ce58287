// Områdeentreprenører: the register of area suppliers — who covers which municipalities and takes which work, with
// the agreement's due time — and the gaps no agreement covers. Supervisors add and change suppliers; everyone else
// reads. "Tilbake" or Esc returns to the queue.
import { Alert, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaSupplierEntry } from '../../../../shared/contract/areaSuppliers';
import { AGREEMENT_WORK_KINDS } from '../../../../shared/rules/workOrders';
import { describeError } from '../../api/describeError';
import { useApiQuery } from '../../api/useApiQuery';
import { useAppData } from '../../app/AppData';
import { useNavigation } from '../../app/navigation';
import { useEscapeKey } from '../../app/useEscapeKey';
import classes from '../settings/Settings.module.css';
import { formatOrganisationNumber } from '../installer/organisationNumber';
import { AreaSupplierForm } from './AreaSupplierForm';
import own from './AreaSuppliers.module.css';

export function AreaSuppliersScreen() {
  const { t } = useTranslation();
  const { openQueue } = useNavigation();
  const { reference } = useAppData();
  const { value: register, error } = useApiQuery('areaSupplier.list', {});
  const [editing, setEditing] = useState<AreaSupplierEntry | 'new' | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const gapsId = useId();
  useEscapeKey(() => {
    if (editing === null) openQueue();
  });

  useEffect(() => {
    document.title = `${t('areaSuppliers.title')} – ${t('app.productName')}`;
    headingRef.current?.focus({ preventScroll: true });
  }, [t]);

  const municipalityName = (number: string) => reference.municipalities.find((m) => m.number === number)?.name ?? number;
  const errorText = error && !register ? describeError(t, error) : null;

  return (
    <div className={classes.screen}>
      <div className={classes.inner} style={{ maxWidth: 1200 }}>
        <Group justify="space-between" wrap="nowrap">
          <Button variant="subtle" onClick={openQueue} leftSection={<span aria-hidden>←</span>} aria-keyshortcuts="Escape">
            {t('areaSuppliers.back')}
          </Button>
          <Text size="xs" c="gray.7">
            {t('areaSuppliers.escHint')}
          </Text>
        </Group>
        <Group justify="space-between" align="flex-end">
          <Title order={1} ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
            {t('areaSuppliers.title')}
          </Title>
          {register?.canEdit ? <Button onClick={() => setEditing('new')}>{t('areaSuppliers.add')}</Button> : null}
        </Group>
        <Text size="sm">{t('areaSuppliers.intro')}</Text>
        {register && !register.canEdit ? <Text size="sm" c="gray.7">{t('areaSuppliers.readOnly')}</Text> : null}
        {errorText ? (
          <Alert color="red" title={errorText.title} role="alert">
            {errorText.message}
          </Alert>
        ) : null}
        {!register ? (
          <Text size="sm" role="status">
            {t('areaSuppliers.loading')}
          </Text>
        ) : (
          <>
            <div className={classes.section}>
              <Table className={own.table} striped withRowBorders verticalSpacing={6} data-testid="area-supplier-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col" className={own.name}>{t('areaSuppliers.columns.name')}</Table.Th>
                    <Table.Th scope="col">{t('areaSuppliers.columns.organisationNumber')}</Table.Th>
                    <Table.Th scope="col">{t('areaSuppliers.columns.contact')}</Table.Th>
                    <Table.Th scope="col">{t('areaSuppliers.columns.municipalities')}</Table.Th>
                    <Table.Th scope="col" className={own.work}>{t('areaSuppliers.columns.work')}</Table.Th>
                    {register.canEdit ? <Table.Td /> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {register.suppliers.map((s) => (
                    <Table.Tr key={s.id} data-testid="area-supplier-row">
                      <Table.Th scope="row" fw={600}>
                        {s.name}
                        {s.pending ? (
                          <Badge ml={6} size="xs" variant="outline" color="gray.7" tt="none">
                            {t('areaSuppliers.pending')}
                          </Badge>
                        ) : null}
                      </Table.Th>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatOrganisationNumber(s.organisationNumber)}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{s.contactPerson}</Text>
                        <Text size="xs">{s.email}</Text>
                        <Text size="xs">{s.phone}</Text>
                      </Table.Td>
                      <Table.Td>{s.municipalityNumbers.map(municipalityName).join(', ')}</Table.Td>
                      <Table.Td>
                        <ul className={own.workList}>
                          {AGREEMENT_WORK_KINDS.filter((kind) => s.agreementWork[kind] !== undefined).map((kind) => (
                            <li key={kind}>
                              <Text size="sm">{t('areaSuppliers.workDays', { work: t(`installerCheck.work.${kind}`), count: s.agreementWork[kind] })}</Text>
                            </li>
                          ))}
                        </ul>
                      </Table.Td>
                      {register.canEdit ? (
                        <Table.Td>
                          {/* A new supplier waiting for the server has no id yet: it is changed once it has one. */}
                          <Button
                            disabled={s.id < 0} size="xs" variant="default" aria-label={t('areaSuppliers.editLabel', { name: s.name })} onClick={() => setEditing(s)}>
                            {t('areaSuppliers.edit')}
                          </Button>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
            <section className={classes.section} aria-labelledby={gapsId} data-testid="area-supplier-gaps">
              <Title order={2} size="h4" id={gapsId} mb={4}>
                {t('areaSuppliers.gapsTitle')}
              </Title>
              <Text size="sm" mb={6}>{t('areaSuppliers.gapsIntro')}</Text>
              {register.gaps.every((g) => g.municipalityNumbers.length === 0) ? (
                <Text size="sm">{t('areaSuppliers.noGaps')}</Text>
              ) : (
                <Stack gap={4} component="ul" className={own.workList}>
                  {register.gaps.filter((g) => g.municipalityNumbers.length > 0).map((g) => (
                    <Text key={g.workKind} size="sm" component="li">
                      {t('areaSuppliers.gapLine', {
                        work: t(`installerCheck.work.${g.workKind}`),
                        municipalities: g.municipalityNumbers.map(municipalityName).join(', '),
                      })}
                    </Text>
                  ))}
                </Stack>
              )}
            </section>
          </>
        )}
      </div>
      {editing !== null ? (
        <AreaSupplierForm entry={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </div>
  );
}
