// What the case page's two forms share: a native file field (so a phone offers its camera and files), the sender
// of a message (the signed-in firm), and the service's refusal in the installer's words.
import { Alert, Input } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../app/api';
import type { PortalMe } from '../../../../shared/portalApi';
import { ACCEPTED_FILES } from './files';

export function FileField({ label, description, error, multiple, accept = ACCEPTED_FILES, onChange }: {
  label: string; description?: string; error?: string | null; multiple?: boolean; accept?: string; onChange(files: File[]): void;
}) {
  const id = useId();
  return (
    <Input.Wrapper label={label} description={description} error={error} id={id} labelProps={{ htmlFor: id }}>
      <input
        id={id}
        type="file"
        accept={accept}
        multiple={multiple}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange([...(event.currentTarget.files ?? [])])}
        style={{ display: 'block', marginTop: 4, maxWidth: '100%' }}
      />
    </Input.Wrapper>
  );
}

export const senderOf = (me: PortalMe) => ({ role: 'installer', organisationNumber: me.firm.organisationNumber, name: me.firm.name });

export function SendError({ error }: { error: ApiError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  const fallback = t(`errors.${error.code}`, { defaultValue: t('errors.unknown', { status: error.status }) });
  return (
    <Alert color="red" variant="light" role="alert" title={t('errors.title')}>
      {t(`cases.errors.${error.code}`, { defaultValue: fallback })}
    </Alert>
  );
}
