// Eier: who gets the offer. The national id arrives masked from the core; an org number is checked here.
import { useTranslation } from 'react-i18next';
import type { OwnerDetail } from '../../api/contract';
import classes from './Case.module.css';
import { ownerOrganisationNumber } from './caseWarnings';
import { Field, FieldList } from './Field';
import { organisationNumberWarning } from './identifierWarnings';
import { Section } from './Section';

export function OwnerSection({ owner }: { owner: OwnerDetail }) {
  const { t } = useTranslation();
  const isOrganisation = owner.idKind === 'organisation_number';
  const orgNumber = ownerOrganisationNumber(owner);
  return (
    <Section title={t('case.owner.title')}>
      <FieldList>
        <Field name="ownerName" label={t('case.owner.name')}>{owner.name}</Field>
        {isOrganisation ? (
          <Field label={t('enums.ownerIdKind.organisation_number')} warnings={[organisationNumberWarning(orgNumber)]}>
            {orgNumber ? <span className={classes.mono}>{orgNumber}</span> : null}
          </Field>
        ) : (
          <Field label={t('enums.ownerIdKind.national_id')}>
            {owner.idDisplay ? <span className={classes.mono}>{owner.idDisplay}</span> : null}
          </Field>
        )}
        {!isOrganisation && orgNumber && (
          <Field label={t('enums.ownerIdKind.organisation_number')} warnings={[organisationNumberWarning(orgNumber)]}>
            <span className={classes.mono}>{orgNumber}</span>
          </Field>
        )}
        <Field name="ownerEmail" label={t('case.owner.email')}>{owner.email}</Field>
        <Field name="ownerPhone" label={t('case.owner.phone')}>{owner.phone}</Field>
      </FieldList>
    </Section>
  );
}
