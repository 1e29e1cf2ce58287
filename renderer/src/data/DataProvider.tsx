// The data layer at the top of the app: one QueryClient for every screen, kept true by the core's change stream.
// Each batch re-reads exactly the queries that depend on what it changed; nothing polls.
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { applyChangeBatch } from './changeInvalidation';
import { subscribeToChanges } from './changeStream';
import { createQueryClient } from './queryClient';

export function DataProvider({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  useEffect(() => subscribeToChanges((batch) => void applyChangeBatch(queryClient, batch)), [queryClient]);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
