// Installatør in the case view: who sent the request, their standing in Elvirksomhetsregisteret, what the grid
// company has prequalified them for, and for each piece of grid-side work the case needs who should do it.
import { Alert, Text, Title } from '@mantine/core';
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridWorkKind } from '../../../../shared/rules/domain';
import type { CaseDetail } from '../../api/contract';
import { describeError } from '../../api/describeError';
import { useApiQuery } from '../../api/useApiQuery';
import { useApiMutation } from '../../data/useApiMutation';
import classes from '../case/Case.module.css';
import { Field, FieldList } from '../case/Field';
import { organisationNumberWarning } from '../case/identifierWarnings';
import { useCasework } from '../case/useCasework';
import { Section } from '../case/Section';
import { DsbStatusLine } from './DsbStatusLine';
import { GridWorkItem, type RoutingChoice } from './GridWorkItem';
import { formatOrganisationNumber } from './organisationNumber';
import { PrequalificationList } from './PrequalificationList';

/** The routing decision, with which piece of work it is being made for (its button shows the spinner). */
function useDecideRouting(caseId: number) {
  const [deciding, setDeciding] = useState<GridWorkKind | null>(null);
  const { run, error } = useApiMutation('case.decideRouting');
  const decide = useCallback(
    async (workKind: GridWorkKind, choice: RoutingChoice): Promise<boolean> => {
      setDeciding(workKind);
      const result = await run({ caseId, workKind, ...choice });
      setDeciding(null);
      return result !== undefined;
    },
    [caseId, run],
  );
  return { decide, pending: deciding, error };
}

export function InstallerPanel({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const workHeadingId = useId();
  // Read again when the change stream names the case or the registers (someone decided, a register loaded).
  const { value: check, error: loadError } = useApiQuery('case.installerCheck', { caseId: detail.id });
  const { decide, pending, error } = useDecideRouting(detail.id);
  const installer = detail.installer;
  const { mayWork } = useCasework(detail);
  const canDecide = mayWork && !['closed', 'rejected'].includes(detail.status);
  const shownError = error ?? loadError;
  const errorText = shownError
    ? shownError.code.startsWith('routing.')
      ? { title: t('installerCheck.errors.title'), message: t(`installerCheck.errors.${shownError.code.slice('routing.'.length)}`) }
      : describeError(t, shownError)
    : null;

  return (
    <div data-testid="installer-panel">
      <Section title={t('case.installer.title')}>
        <FieldList>
          <Field label={t('case.installer.name')}>{installer.name}</Field>
          <Field label={t('case.installer.orgNumber')} warnings={[organisationNumberWarning(installer.organisationNumber)]}>
            <span className={classes.mono}>{formatOrganisationNumber(installer.organisationNumber)}</span>
          </Field>
          <Field label={t('installerCheck.dsb')} wide>
            {check ? <DsbStatusLine check={check} /> : null}
          </Field>
          {/* The case's own contact person comes with its detail; the firm's is not shown in its place meanwhile. */}
          {detail.detailOnServer === null && <Field label={t('case.installer.contactPerson')}>{installer.contactPerson}</Field>}
          <Field label={t('case.installer.email')}>{installer.email}</Field>
          <Field label={t('case.installer.phone')}>{installer.phone}</Field>
          <Field label={t('case.installer.prequalifications')} wide>
            <PrequalificationList items={installer.prequalifications} />
          </Field>
        </FieldList>
        <Title order={3} size="h5" mt="md" mb={4} id={workHeadingId}>
          {t('installerCheck.workTitle')}
        </Title>
        {errorText ? (
          <Alert color="red" title={errorText.title} role="alert" mb="xs">
            {errorText.message}
          </Alert>
        ) : null}
        {check && check.work.length === 0 ? <Text size="sm">{t('installerCheck.noWork')}</Text> : null}
        {check ? (
          <ul className={classes.plainList} aria-labelledby={workHeadingId}>
            {check.work.map((work) => (
              <GridWorkItem
                key={work.kind}
                work={work}
                check={check}
                canDecide={canDecide}
                deciding={pending === work.kind}
                onDecide={(choice) => decide(work.kind, choice)}
              />
            ))}
          </ul>
        ) : null}
      </Section>
    </div>
  );
}
