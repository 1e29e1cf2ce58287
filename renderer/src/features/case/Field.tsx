// One label and value in a description list, with any warnings about the value right under it.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './Case.module.css';
import type { Warning } from './identifierWarnings';
import { ChangedMark, useChangedBySupplement } from './supplementChanges';

export function WarningText({ warning }: { warning: Warning }) {
  const { t } = useTranslation();
  return (
    <div className={classes.warning}>
      <span aria-hidden className={classes.warningIcon}>
        ⚠
      </span>
      <span>{t(warning.key, warning.values ?? {})}</span>
    </div>
  );
}

interface FieldProps {
  label: string;
  children?: ReactNode;
  warnings?: Array<Warning | null>;
  wide?: boolean;
  /** The case field shown (as the import names it), to mark it when the last supplement changed it. */
  name?: string;
}

export function Field({ label, children, warnings = [], wide = false, name }: FieldProps) {
  const { t } = useTranslation();
  const changed = useChangedBySupplement(name);
  // `false` too: a value written as `list.length > 0 && <ul>…</ul>` is not given when the list is empty.
  const empty = children === null || children === undefined || children === false || children === '';
  return (
    <div className={`${classes.field} ${wide ? classes.fieldWide : ''} ${changed ? classes.changedField : ''}`}>
      <dt>
        {label}
        {changed && <ChangedMark />}
      </dt>
      <dd>
        {empty ? <span className={classes.notGiven}>{t('case.notGiven')}</span> : children}
        {warnings.map((warning) => (warning ? <WarningText key={warning.key} warning={warning} /> : null))}
      </dd>
    </div>
  );
}

export function FieldList({ children }: { children: ReactNode }) {
  return <dl className={classes.fields}>{children}</dl>;
}
