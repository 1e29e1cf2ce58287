// A closed case whose detail the first download left out (service/sync/closedCaseDetail.ts; marked in
// case_detail_on_server) gets it when it is opened: its own row whole (the first download left parts of it empty) and
// its detail as they are now, from the service, written as a pull writes rows and in the same transaction as
// forgetting the mark; the screens hear of it on the change stream.
// Opening never waits for it: the case shows at once, saying its detail is on its way. Offline, or refused, the mark
// stays, the case says where its detail is, and the fetch is tried again once the desk is connected.
import type { CaseDetailOnServer } from '../../shared/contract';
import type { CoreContext } from '../context';
import { detailOnServer } from './caseDetailMark';
import { storeCaseDetail } from './caseDetailStore';
import type { CentralSession } from './centralSession';

/** How long after a failed fetch opening the case again tries again (sooner once the desk reconnects). */
const RETRY_AFTER_MS = 10_000;

export class CaseDetailOnDemand {
  private readonly fetching = new Map<number, Promise<boolean>>();
  /** Cases opened whose fetch failed, and when: tried again once connected, or opened again a while later. */
  private readonly unreachable = new Map<number, number>();

  constructor(
    private readonly context: CoreContext,
    private readonly central: CentralSession | null,
  ) {}

  private marked(caseId: number): boolean {
    return detailOnServer(this.context.sqlite, caseId);
  }

  /** Where the case's detail is, for the case view: here (null), on its way, or out of reach for now. */
  stateOf(caseId: number): CaseDetailOnServer | null {
    if (!this.marked(caseId)) return null;
    return this.fetching.has(caseId) ? 'fetching' : 'unreachable';
  }

  /** The case is being opened: its detail is fetched if only the service has it (once at a time per case). */
  open(caseId: number): void {
    if (!this.central || this.fetching.has(caseId) || !this.marked(caseId)) return;
    // A failed fetch announces a re-read, which would ask again at once: wait for the connection, or a while.
    const failedAt = this.unreachable.get(caseId);
    if (failedAt !== undefined && (this.central.engine.status().state !== 'connected' || Date.now() - failedAt < RETRY_AFTER_MS)) return;
    void this.fetch(caseId);
  }

  /** Fetches the case's detail now; true once it is here. */
  fetch(caseId: number): Promise<boolean> {
    const running = this.fetching.get(caseId) ?? this.download(caseId).finally(() => this.fetching.delete(caseId));
    this.fetching.set(caseId, running);
    return running;
  }

  /** The desk's connection changed: the cases opened while it was out of reach are fetched once it is connected. */
  connectionChanged(): void {
    if (!this.central || this.central.engine.status().state !== 'connected') return;
    for (const caseId of [...this.unreachable.keys()]) if (!this.fetching.has(caseId) && this.marked(caseId)) void this.fetch(caseId);
  }

  private async download(caseId: number): Promise<boolean> {
    let stored = false;
    try {
      const answer = await this.central!.engine.online((service) => service.caseDetail(caseId));
      stored = storeCaseDetail(this.context, caseId, answer);
    } catch {
      // offline or refused: the mark stays
    }
    if (stored) this.unreachable.delete(caseId);
    else {
      this.unreachable.set(caseId, Date.now());
      // The case view re-reads, and says the detail is out of reach.
      this.context.publishChange({ tables: ['cases'], caseIds: [caseId] });
    }
    return stored;
  }
}
