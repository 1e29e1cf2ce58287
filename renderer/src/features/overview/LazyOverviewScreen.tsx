// The overview's screen loaded when first opened: its charts (recharts) are most of its weight, and case
// handlers, who never open it, need not load them at start.
import { Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';

const Screen = lazy(() => import('./OverviewScreen').then((module) => ({ default: module.OverviewScreen })));

export function OverviewScreen() {
  return (
    <Suspense fallback={<Loader size="sm" m="md" />}>
      <Screen />
    </Suspense>
  );
}
