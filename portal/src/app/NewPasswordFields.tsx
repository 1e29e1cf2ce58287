// A new password twice: at least 10 characters (PortalPassword), and the same both times.
import { PasswordInput, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PortalPassword } from '../../../shared/portalApi';

export interface NewPassword {
  password: string;
  repeat: string;
}

export const newPasswordProblem = ({ password, repeat }: NewPassword): 'length' | 'repeat' | null =>
  !PortalPassword.safeParse(password).success ? 'length' : password !== repeat ? 'repeat' : null;

export function NewPasswordFields({ value, onChange, checked, label }: {
  value: NewPassword;
  onChange(value: NewPassword): void;
  /** Show the problems (after a first try to send). */
  checked: boolean;
  label?: string;
}) {
  const { t } = useTranslation();
  const problem = newPasswordProblem(value);
  return (
    <Stack gap="md">
      <PasswordInput
        label={label ?? t('fields.newPassword')}
        description={t('fields.passwordRule')}
        autoComplete="new-password"
        value={value.password}
        onChange={(event) => onChange({ ...value, password: event.currentTarget.value })}
        error={checked && problem === 'length' ? t('validation.passwordLength') : undefined}
        visibilityToggleButtonProps={{ 'aria-label': t('fields.showPassword') }}
        required
      />
      <PasswordInput
        label={t('fields.repeatPassword')}
        autoComplete="new-password"
        value={value.repeat}
        onChange={(event) => onChange({ ...value, repeat: event.currentTarget.value })}
        error={checked && problem === 'repeat' ? t('validation.passwordRepeat') : undefined}
        visibilityToggleButtonProps={{ 'aria-label': t('fields.showPassword') }}
        required
      />
    </Stack>
  );
}
