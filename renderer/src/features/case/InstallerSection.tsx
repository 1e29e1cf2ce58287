// Installatør: who sent the request, whether DSB lists them as active, and what they are prequalified for.
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InstallerDetail, PrequalificationDetail } from '../../api/contract';
import { formatDate } from '../../i18n/format';
import classes from './Case.module.css';
import { Field, FieldList } from './Field';
import { dsbWarning, organisationNumberWarning } from './identifierWarnings';
import { Section } from './Section';

const STATE_COLOR: Record<PrequalificationDetail['state'], string> = {
  valid: 'teal',
  expired: 'red',
  notYetValid: 'gray',
};

function Prequalifications({ items }: { items: PrequalificationDetail[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <span className={classes.notGiven}>{t('case.installer.noPrequalifications')}</span>;
  return (
    <ul className={classes.plainList}>
      {items.map((p) => (
        <li key={`${p.category}-${p.validFrom}`}>
          <Group gap={8} wrap="nowrap" align="baseline">
            <Badge size="sm" variant="light" color={STATE_COLOR[p.state]} c="gray.9" tt="none" style={{ flex: 'none' }}>
              {t(`case.installer.prequalificationState.${p.state}`)}
            </Badge>
            <Text size="sm" td={p.state === 'expired' ? 'line-through' : undefined}>
              {t(`enums.prequalificationCategory.${p.category}`)}
            </Text>
          </Group>
          <Text size="xs" c="gray.7" ml={4}>
            {t('case.installer.validity', { from: formatDate(p.validFrom), to: formatDate(p.validTo) })}
          </Text>
        </li>
      ))}
    </ul>
  );
}

export function InstallerSection({ installer }: { installer: InstallerDetail }) {
  const { t } = useTranslation();
  const dsbStatus = installer.dsbStatus ? t(`enums.dsbStatus.${installer.dsbStatus}`) : null;
  return (
    <Section title={t('case.installer.title')}>
      <FieldList>
        <Field label={t('case.installer.name')}>{installer.name}</Field>
        <Field label={t('case.installer.orgNumber')} warnings={[organisationNumberWarning(installer.organisationNumber)]}>
          <span className={classes.mono}>{installer.organisationNumber}</span>
        </Field>
        <Field
          label={t('case.installer.dsb')}
          warnings={[dsbWarning(installer.dsbRegistrationId, installer.dsbStatus)]}
        >
          {installer.dsbRegistrationId
            ? `${installer.dsbRegistrationId}${dsbStatus ? ` · ${dsbStatus}` : ''}`
            : null}
        </Field>
        <Field label={t('case.installer.contactPerson')}>{installer.contactPerson}</Field>
        <Field label={t('case.installer.email')}>{installer.email}</Field>
        <Field label={t('case.installer.phone')}>{installer.phone}</Field>
        <Field label={t('case.installer.prequalifications')} wide>
          <Prequalifications items={installer.prequalifications} />
        </Field>
      </FieldList>
    </Section>
  );
}
