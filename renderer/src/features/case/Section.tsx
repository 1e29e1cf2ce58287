// A titled block of the case view: an h2 and its content, labelled as a region by that heading.
import { Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import classes from './Case.module.css';

export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  const id = useId();
  return (
    <section className={classes.section} aria-labelledby={id}>
      <div style={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between' }} className={classes.sectionTitle}>
        <Title order={2} id={id}>
          {title}
        </Title>
        {actions}
      </div>
      {children}
    </section>
  );
}
