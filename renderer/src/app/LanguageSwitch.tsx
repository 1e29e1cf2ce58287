import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../i18n';

export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={currentLanguage()}
      onChange={(value) => void setLanguage(value)}
      data={[
        { value: 'nb', label: 'Norsk' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
