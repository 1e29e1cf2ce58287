// "Forkast": the record stays in the quarantine, marked discarded, with who and why. The reason is required,
// and the button that does it is a second, deliberate step.
import { Button, Group, Text, Textarea } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './Quarantine.module.css';

interface Props {
  busy: boolean;
  onDiscard: (reason: string) => void;
  onCancel: () => void;
}

export function DiscardConfirm({ busy, onDiscard, onCancel }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    reasonRef.current?.focus();
  }, []);

  const missing = reason.trim() === '';
  return (
    <div className={classes.confirm} role="group" aria-label={t('quarantine.discard.title')}>
      <Text size="sm" mb={6}>
        {t('quarantine.discard.explain')}
      </Text>
      <Textarea
        ref={reasonRef}
        label={t('quarantine.discard.reason')}
        required
        autosize
        minRows={2}
        maxLength={1000}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        error={tried && missing ? t('quarantine.discard.reasonRequired') : undefined}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onCancel();
          }
        }}
      />
      <Group gap="xs" mt={8}>
        <Button
          size="compact-sm"
          color="red"
          loading={busy}
          onClick={() => {
            setTried(true);
            if (!missing) onDiscard(reason.trim());
          }}
        >
          {t('quarantine.discard.confirm')}
        </Button>
        <Button size="compact-sm" variant="default" onClick={onCancel}>
          {t('quarantine.discard.cancel')}
        </Button>
      </Group>
    </div>
  );
}
