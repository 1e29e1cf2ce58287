// Godkjenn: the advance notice is approved, with conditions if any — common ones to tick, others one per line. The
// conditions of a grid assessment "forsvarlig med vilkår" stand there already: the installer is told them.
import { Checkbox, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../api/contract';
import { describeError } from '../../api/describeError';
import { DialogActions } from '../../app/DialogActions';
import { COMMON_APPROVAL_CONDITIONS } from './commonConditions';

interface Props {
  opened: boolean;
  caseNumber: string;
  pending: boolean;
  error: AppError | null;
  onClose(): void;
  onApprove(conditions: string[]): void;
  /** The conditions the grid assessment set, one per line, to start the other conditions with. */
  gridConditions?: string;
}

export function ApproveDialog({ opened, caseNumber, pending, error, onClose, onApprove, gridConditions }: Props) {
  const { t } = useTranslation();
  const [ticked, setTicked] = useState<string[]>([]);
  const [others, setOthers] = useState(gridConditions ?? '');
  const errorText = error ? describeError(t, error) : null;
  const close = () => {
    setTicked([]);
    setOthers('');
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('decisions.approve.title', { caseNumber })}
      closeButtonProps={{ 'aria-label': t('decisions.cancel') }} styles={{ title: { fontWeight: 600 } }} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const typed = others.split('\n').map((line) => line.trim()).filter(Boolean);
          onApprove([...ticked, ...typed]);
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('decisions.approve.explain')}</Text>
          <Checkbox.Group label={t('decisions.approve.conditions')} value={ticked} onChange={setTicked}>
            <Stack gap="xs" mt="xs">
              {COMMON_APPROVAL_CONDITIONS.map((condition, i) => (
                <Checkbox key={condition} value={condition} label={condition} data-autofocus={i === 0 ? true : undefined} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Textarea
            label={t('decisions.approve.otherConditions')}
            description={t('decisions.approve.otherConditionsHint')}
            value={others}
            onChange={(event) => setOthers(event.currentTarget.value)}
            autosize
            minRows={2}
            maxRows={8}
          />
          <DialogActions problem={errorText} cancelLabel={t('decisions.cancel')} confirmLabel={t('decisions.approve.confirm')}
            pending={pending} onCancel={close} confirmColor="teal.9" />
        </Stack>
      </form>
    </Modal>
  );
}
