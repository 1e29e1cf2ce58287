// A dialog that asks "are you sure?" before a step that cannot be undone: what will happen (the children), what
// went wrong with the last try, and Avbryt / the confirming button, which has focus when the dialog opens.
import { Modal, Stack, type MantineSize, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ErrorText } from '../api/describeError';
import { DialogActions } from './DialogActions';

interface Props {
  opened: boolean;
  title: string;
  cancelLabel: string;
  confirmLabel: string;
  pending: boolean;
  problem?: ErrorText | null;
  size?: MantineSize;
  actionsGap?: MantineSpacing;
  onClose(): void;
  onConfirm(): void;
  children: ReactNode;
}

export function ConfirmDialog({ opened, title, cancelLabel, confirmLabel, pending, problem, size, actionsGap, onClose,
  onConfirm, children }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} closeButtonProps={{ 'aria-label': cancelLabel }}
      styles={{ title: { fontWeight: 600 } }} size={size}>
      <Stack gap="md">
        {children}
        <DialogActions problem={problem} cancelLabel={cancelLabel} confirmLabel={confirmLabel} pending={pending}
          onCancel={onClose} onConfirm={onConfirm} autofocus="confirm" gap={actionsGap} />
      </Stack>
    </Modal>
  );
}
