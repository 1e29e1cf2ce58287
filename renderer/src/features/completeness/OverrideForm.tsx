// "Overstyr": the handler declares a missing item met and says why; the reason is kept with their name.
import { Button, Group, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  itemName: string;
  pending: boolean;
  onCancel(): void;
  onSave(reason: string): void;
}

export function OverrideForm({ itemName, pending, onCancel, onSave }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (reason.trim() === '') {
          setMissing(true);
          return;
        }
        onSave(reason.trim());
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <Textarea
        label={t('completeness.override.label', { item: itemName })}
        description={t('completeness.override.hint')}
        value={reason}
        onChange={(event) => {
          setReason(event.currentTarget.value);
          setMissing(false);
        }}
        error={missing ? t('completeness.override.missingReason') : undefined}
        required
        autosize
        minRows={2}
        maxRows={6}
        maxLength={2_000}
        autoFocus
      />
      <Group gap="xs" mt="xs">
        <Button type="submit" size="compact-sm" loading={pending}>
          {t('completeness.override.save')}
        </Button>
        <Button variant="default" size="compact-sm" onClick={onCancel}>
          {t('completeness.override.cancel')}
        </Button>
      </Group>
    </form>
  );
}
