// The owner's answer: their name (recorded as a signature) and accept or decline, with an optional reason. The
// service decides and records the time; this form only proposes.
import { Button, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnerAnswerOfferOutput } from '../../../../shared/portalApi/ownerOffer';
import { formatNok } from '../../../../shared/rules';
import type { ApiError } from '../../app/api';
import { Card } from '../../app/Screen';
import { ownerOfferApi } from './api';
import { OwnerOfferError } from './OwnerOfferError';

interface Props {
  offerId: string;
  code: string;
  grossOre: number;
  onAnswered: (answer: OwnerAnswerOfferOutput) => void;
}

export function AnswerForm({ offerId, code, grossOre, onAnswered }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [choice, setChoice] = useState<'accept' | 'decline'>('accept');
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const nameInvalid = name.trim().length < 2;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (nameInvalid) return;
    setBusy(true);
    setError(null);
    const answer = await ownerOfferApi.answer(offerId, {
      code, name: name.trim(), answer: choice, ...(choice === 'decline' && reason.trim() ? { reason: reason.trim() } : {}),
    });
    setBusy(false);
    if (answer.ok) onAnswered(answer.value);
    else setError(answer.error);
  };

  return (
    <Card labelledBy="owner-answer-heading">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="owner-answer-heading">{t('ownerOffer.answer.heading')}</Title>
          <OwnerOfferError error={error} />
          <TextInput
            label={t('ownerOffer.answer.name')}
            description={t('ownerOffer.answer.nameDescription')}
            autoComplete="name"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={checked && nameInvalid ? t('ownerOffer.answer.nameInvalid') : undefined}
            required
          />
          <Radio.Group label={t('ownerOffer.answer.choice')} value={choice} onChange={(value) => setChoice(value)}>
            <Stack gap="xs" mt="xs">
              <Radio value="accept" label={t('ownerOffer.answer.accept')} />
              <Radio value="decline" label={t('ownerOffer.answer.decline')} />
            </Stack>
          </Radio.Group>
          {choice === 'accept' ? (
            <Text size="sm">{t('ownerOffer.answer.acceptNote', { total: formatNok(grossOre) })}</Text>
          ) : (
            <Textarea label={t('ownerOffer.answer.reason')} value={reason} maxLength={2000} autosize minRows={2}
              onChange={(event) => setReason(event.currentTarget.value)} />
          )}
          <Button type="submit" loading={busy} fullWidth>
            {choice === 'accept' ? t('ownerOffer.answer.submitAccept') : t('ownerOffer.answer.submitDecline')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
