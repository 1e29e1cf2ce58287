import type { CaseDetail } from '../../api/contract';
import { useAppData } from '../../app/AppData';
import { caseworkOf, type Casework } from './casework';

/** Whether the signed-in person may work on the case now (casework.ts). */
export function useCasework(detail: Pick<CaseDetail, 'claim'>): Casework {
  return caseworkOf(detail, useAppData().session);
}
