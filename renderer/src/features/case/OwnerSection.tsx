// Eier: who gets the offer, where letters reach them (the postal address, not the building site) and who will hold
// the grid-rental agreement. The national id arrives masked from the core; an org number is checked here. A case
// handler corrects these in a dialog (features/ownerParty). Of a closed case whose detail is still on the service,
// the owner's identity number and contact are not here yet (service/sync/closedCaseDetail.ts): they are not shown as
// missing, and the owner cannot be corrected until they are.
import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../api/contract';
import { OwnerPartyDialog } from '../ownerParty/OwnerPartyDialog';
import classes from './Case.module.css';
import { ownerOrganisationNumber } from './caseWarnings';
import { Field, FieldList } from './Field';
import { organisationNumberWarning } from './identifierWarnings';
import { useCasework } from './useCasework';
import { Section } from './Section';

export function OwnerSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const owner = detail.owner;
  const [editing, setEditing] = useState(false);
  const [dialogKey, setDialogKey] = useState(0);
  const whole = detail.detailOnServer === null;
  const { mayWork } = useCasework(detail);
  const mayEdit = mayWork && whole;
  return (
    <Section
      title={t('case.owner.title')}
      actions={mayEdit ? (
        <Button size="compact-sm" variant="default" onClick={() => { setDialogKey((k) => k + 1); setEditing(true); }}>
          {t('case.owner.edit')}
        </Button>
      ) : undefined}
    >
      <FieldList>
        <Field name="ownerName" label={t('case.owner.name')}>{owner.name}</Field>
        {whole && <OwnerIdentityAndContact owner={owner} />}
        <Field label={t('case.owner.postalAddress')}>
          {owner.postalAddress
            ? `${owner.postalAddress.address}, ${owner.postalAddress.postcode} ${owner.postalAddress.postTown}`
            : <span className={classes.notGiven}>{t('case.owner.postalAddressMissing')}</span>}
        </Field>
        <Field label={t('case.owner.gridCustomer')}>
          {owner.gridCustomerName ?? <span className={classes.notGiven}>{t('case.owner.gridCustomerMissing')}</span>}
        </Field>
      </FieldList>
      <OwnerPartyDialog key={dialogKey} detail={detail} opened={editing} onClose={() => setEditing(false)} />
    </Section>
  );
}

function OwnerIdentityAndContact({ owner }: { owner: CaseDetail['owner'] }) {
  const { t } = useTranslation();
  const isOrganisation = owner.idKind === 'organisation_number';
  const orgNumber = ownerOrganisationNumber(owner);
  return (
    <>
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
    </>
  );
}
