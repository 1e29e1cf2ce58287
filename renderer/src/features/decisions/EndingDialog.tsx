// The decisions that ask for a choice besides words: who withdrew the order, why the case is closed, how the
// information a waiting case needed came in. Withdrawing or closing after the owner accepted the offer is a
// cancellation, and the costs the grid company has already had can be entered in kroner (sent as whole øre).
import { Modal, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CLOSE_WITH_REASON_CHOICES, CLOSURE_REASONS_NEEDING_WORDS, INFORMATION_CHANNELS, MoneyError, WITHDRAWN_BY, isAcceptedStatus, nok,
  type CaseStatus, type CloseWithReasonChoice, type InformationChannel, type WithdrawnBy,
} from '../../../../shared/rules';
import type { AppError } from '../../api/contract';
import { describeError, describeIssue, issueFor } from '../../api/describeError';
import { DialogActions } from '../../app/DialogActions';

export type EndingAction = 'withdraw' | 'closeWithReason' | 'resume';
export const isEndingAction = (action: string): action is EndingAction =>
  action === 'withdraw' || action === 'closeWithReason' || action === 'resume';

export interface EndingValues {
  withdrawnBy?: WithdrawnBy;
  closureReason?: CloseWithReasonChoice;
  channel?: InformationChannel;
  reason?: string;
  costsOre?: number;
}

interface Props {
  action: EndingAction;
  status: CaseStatus;
  caseNumber: string;
  pending: boolean;
  error: AppError | null;
  onClose(): void;
  onSubmit(values: EndingValues): void;
}

/** A field's error in the darker red: Mantine's default red is below 4.5:1 on the dialog's grey. */
const FIELD_STYLES = { error: { color: 'var(--mantine-color-red-9)' } };

/** The choices of each dialog, with the i18n enum that words them. */
const CHOICES: Readonly<Record<EndingAction, { values: readonly string[]; words: string }>> = {
  withdraw: { values: WITHDRAWN_BY, words: 'enums.withdrawnBy' },
  closeWithReason: { values: CLOSE_WITH_REASON_CHOICES, words: 'enums.closureReason' },
  resume: { values: INFORMATION_CHANNELS, words: 'enums.informationChannel' },
};

/** Typed kroner as øre; undefined when empty, null when not an amount. */
function costsOf(text: string): number | undefined | null {
  if (text.trim() === '') return undefined;
  try {
    const ore = nok(text);
    return ore >= 0 ? ore : null;
  } catch (error) {
    if (error instanceof MoneyError) return null;
    throw error;
  }
}

export function EndingDialog({ action, status, caseNumber, pending, error, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  const choices = CHOICES[action];
  const [choice, setChoice] = useState<string | null>(null);
  const [words, setWords] = useState('');
  const [costs, setCosts] = useState('');
  const [checked, setChecked] = useState(false);
  const cancellation = action !== 'resume' && isAcceptedStatus(status);
  const wordsRequired = action === 'resume'
    || (action === 'closeWithReason' && CLOSURE_REASONS_NEEDING_WORDS.includes((choice ?? '') as CloseWithReasonChoice));
  const costsOre = cancellation ? costsOf(costs) : undefined;

  const choiceError = checked && choice === null ? t('decisions.reason.choose') : undefined;
  const wordsIssue = issueFor(error, 'reason');
  const wordsError = (checked && wordsRequired && words.trim() === '') || error?.code === 'status.reasonRequired'
    ? t('decisions.reason.missing')
    : wordsIssue ? describeIssue(t, wordsIssue) : undefined;
  const costsError = checked && costsOre === null ? t('decisions.costs.invalid') : undefined;
  const otherError = error && !wordsError ? describeError(t, error) : null;

  const submit = () => {
    setChecked(true);
    if (choice === null || (wordsRequired && words.trim() === '') || costsOre === null) return;
    const values: EndingValues = words.trim() ? { reason: words.trim() } : {};
    if (action === 'withdraw') values.withdrawnBy = choice as WithdrawnBy;
    if (action === 'closeWithReason') values.closureReason = choice as CloseWithReasonChoice;
    if (action === 'resume') values.channel = choice as InformationChannel;
    if (costsOre !== undefined) values.costsOre = costsOre;
    onSubmit(values);
  };

  return (
    <Modal opened onClose={onClose} title={t(`decisions.${action}.title`, { caseNumber })}
      closeButtonProps={{ 'aria-label': t('decisions.cancel') }} styles={{ title: { fontWeight: 600 } }} size="lg">
      <form noValidate onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}>
        <Stack gap="md">
          <Text size="sm">{t(`decisions.${action}.explain`)}</Text>
          {cancellation && <Text size="sm" fw={500}>{t(`decisions.${action}.explainAccepted`)}</Text>}
          <Radio.Group label={t(`decisions.${action}.choice`)} value={choice} onChange={setChoice} error={choiceError}
            styles={FIELD_STYLES} withAsterisk>
            <Stack gap={6} mt={6}>
              {choices.values.map((value, index) => (
                <Radio key={value} value={value} label={t(`${choices.words}.${value}`)} data-autofocus={index === 0 || undefined} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={action === 'closeWithReason' && wordsRequired ? t('decisions.closeWithReason.wordsRequired') : t(`decisions.${action}.words`)}
            description={t(`decisions.${action}.wordsHint`)}
            value={words}
            onChange={(event) => setWords(event.currentTarget.value)}
            error={wordsError}
            styles={FIELD_STYLES}
            aria-required={wordsRequired}
            autosize
            minRows={3}
            maxRows={10}
          />
          {cancellation && (
            <TextInput
              label={t('decisions.costs.label')}
              description={t('decisions.costs.hint')}
              value={costs}
              onChange={(event) => setCosts(event.currentTarget.value)}
              error={costsError}
              styles={FIELD_STYLES}
              inputMode="decimal"
            />
          )}
          <DialogActions problem={otherError} cancelLabel={t('decisions.cancel')} confirmLabel={t(`decisions.${action}.confirm`)}
            pending={pending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
