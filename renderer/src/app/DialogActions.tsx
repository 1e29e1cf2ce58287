// The end of every dialog: what went wrong with the last try (if anything), then Avbryt and the confirming button.
// The confirm button submits the dialog's form unless it is given its own click handler.
import { Alert, Button, Group, type MantineColor, type MantineSpacing } from '@mantine/core';
import type { ErrorText } from '../api/describeError';

interface Props {
  problem?: ErrorText | null;
  cancelLabel: string;
  confirmLabel: string;
  pending: boolean;
  onCancel(): void;
  /** Without it the confirm button is the form's submit button. */
  onConfirm?(): void;
  confirmColor?: MantineColor;
  confirmDisabled?: boolean;
  /** Which button has focus when the dialog opens; none when a field in the dialog takes it. */
  autofocus?: 'confirm' | 'cancel';
  gap?: MantineSpacing;
}

export function DialogActions({ problem, cancelLabel, confirmLabel, pending, onCancel, onConfirm, confirmColor,
  confirmDisabled, autofocus, gap = 'sm' }: Props) {
  return (
    <>
      {problem && (
        <Alert color="red" title={problem.title} role="alert">
          {problem.message}
        </Alert>
      )}
      <Group justify="flex-end" gap={gap}>
        <Button variant="default" onClick={onCancel} data-autofocus={autofocus === 'cancel' ? true : undefined}>
          {cancelLabel}
        </Button>
        <Button type={onConfirm ? 'button' : 'submit'} onClick={onConfirm} color={confirmColor} loading={pending}
          disabled={confirmDisabled} data-autofocus={autofocus === 'confirm' ? true : undefined}>
          {confirmLabel}
        </Button>
      </Group>
    </>
  );
}
