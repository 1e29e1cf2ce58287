// "Rett opplysninger om eier": the owner's postal address, organisation number, a new fødselsnummer (the stored one is
// never shown in full, so it is only ever replaced) and the grid customer. Checked as the core checks it
// (rules/ownerParty.ts) before it is sent, with the problem beside its field.
import { Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ownerPartyProblems, type OwnerPartyCorrection, type OwnerPartyProblem } from '../../../../shared/rules';
import type { CaseDetail } from '../../api/contract';
import { describeError } from '../../api/describeError';
import { notifySuccess } from '../../api/notify';
import { DialogActions } from '../../app/DialogActions';
import { useApiMutation } from '../../data/useApiMutation';

interface Props {
  detail: CaseDetail;
  opened: boolean;
  onClose(): void;
}

const formOf = (detail: CaseDetail): Required<OwnerPartyCorrection> => ({
  postalAddress: detail.owner.postalAddress?.address ?? '',
  postcode: detail.owner.postalAddress?.postcode ?? '',
  postTown: detail.owner.postalAddress?.postTown ?? '',
  organisationNumber: detail.owner.organisationNumber ?? '',
  gridCustomerName: detail.owner.gridCustomerName ?? '',
  nationalId: '',
});

export function OwnerPartyDialog({ detail, opened, onClose }: Props) {
  const { t } = useTranslation();
  const { run, pending, error, clearError } = useApiMutation('case.correctOwnerParty');
  const [form, setForm] = useState(() => formOf(detail));
  const [problems, setProblems] = useState<OwnerPartyProblem[]>([]);
  const close = () => {
    setProblems([]);
    clearError();
    onClose();
  };
  const set = (field: keyof OwnerPartyCorrection) => (event: React.ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setForm((current) => ({ ...current, [field]: value }));
    setProblems([]);
  };
  const problemAt = (field: OwnerPartyProblem['field']) => {
    const problem = problems.find((p) => p.field === field);
    return problem ? t(`errors.${problem.code}.message`) : undefined;
  };
  const submit = async () => {
    const { nationalId, ...rest } = form;
    const correction: OwnerPartyCorrection = nationalId.trim() === '' ? rest : { ...rest, nationalId };
    const found = ownerPartyProblems(correction);
    if (found.length > 0) {
      setProblems(found);
      return;
    }
    if (await run({ caseId: detail.id, ...correction })) {
      notifySuccess(t('case.owner.saved'));
      close();
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={t('case.owner.editTitle', { caseNumber: detail.caseNumber })} size="lg"
      closeButtonProps={{ 'aria-label': t('case.owner.cancel') }} styles={{ title: { fontWeight: 600 } }}>
      <form onSubmit={(event) => { event.preventDefault(); void submit(); }}>
        <Stack gap="sm">
          <Text size="sm">{t('case.owner.editExplain')}</Text>
          <TextInput label={t('case.owner.addressField')} value={form.postalAddress} onChange={set('postalAddress')}
            error={problemAt('postalAddress')} data-autofocus />
          <Group align="flex-start" wrap="nowrap">
            <TextInput label={t('case.owner.postcodeField')} value={form.postcode} onChange={set('postcode')} inputMode="numeric"
              error={problemAt('postcode')} w={160} />
            <TextInput label={t('case.owner.postTownField')} value={form.postTown} onChange={set('postTown')} style={{ flex: 1 }} />
          </Group>
          <TextInput label={t('case.owner.organisationNumberField')} value={form.organisationNumber} onChange={set('organisationNumber')}
            inputMode="numeric" error={problemAt('organisationNumber')} />
          {detail.owner.idKind === 'national_id' && (
            <TextInput label={t('case.owner.nationalIdField')} description={t('case.owner.nationalIdHint')} value={form.nationalId}
              onChange={set('nationalId')} inputMode="numeric" autoComplete="off" error={problemAt('nationalId')} />
          )}
          <TextInput label={t('case.owner.gridCustomerField')} value={form.gridCustomerName} onChange={set('gridCustomerName')} />
          <DialogActions problem={error ? describeError(t, error) : null} cancelLabel={t('case.owner.cancel')}
            confirmLabel={t('case.owner.save')} pending={pending} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
