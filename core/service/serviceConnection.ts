// The desk's session with the central service: the calls sync makes (pull, push, claims, Fetch next, files), each
// with a deadline, and the live socket whose heartbeats tell a quiet connection from a dead one.
import WebSocket from 'ws';
import { z } from 'zod';
import {
  CaseDetailOutput, ClaimOutput, FetchNextOutput, PullOutput, type CaseDetailOutput as CaseDetailAnswer, PushOutput, RenewOutput, type LiveNotice, type PullOutput as PullAnswer,
  type PushMutation, type PushOutput as PushAnswer, type RenewOutput as RenewAnswer,
} from '../../shared/serviceApi';
import { PortalDecisionOutput, PortalFirm, type PortalFirmState } from '../../shared/portalApi';
import {
  PortalAnswerSupportOutput, PortalStaffSupportOutput, PortalSupportAttachmentOutput, type PortalStaffSupportRequest,
} from '../../shared/portalApi/support';
import type { ServiceEndpoint } from './serviceEndpoint';
import { ServiceHttp, ServiceRefusal, ServiceUnreachable } from './serviceHttp';

export interface LiveOptions {
  /** No message (notice or heartbeat) for this long ⇒ the connection is taken as stalled and closed. */
  stallMs: number;
}

export interface LiveSocket {
  close(): void;
}

const PortalFirmAnswer = PortalFirm.extend({
  firstUser: z.object({ email: z.string(), name: z.string() }).nullable().optional(),
});
export type PortalFirmAnswer = z.infer<typeof PortalFirmAnswer>;
const PortalFirmsAnswer = z.object({ firms: z.array(PortalFirmAnswer) });

export class ServiceConnection {
  readonly http: ServiceHttp;

  constructor(
    endpoint: ServiceEndpoint,
    private readonly token: string,
    private readonly timeoutMs = 20_000,
  ) {
    this.http = new ServiceHttp(endpoint);
  }

  /** One page; `onSent` is called once the request is on its way (see pullChanges: the next page is asked for first). */
  async pull(query: { after: number; limit: number; resume?: string | null; count?: boolean }, onSent?: () => void): Promise<PullAnswer> {
    const text = await this.http.request<string>({
      onSent,
      method: 'GET',
      path: '/api/pull',
      token: this.token,
      query: { after: query.after, limit: query.limit, resume: query.resume ?? undefined, count: query.count ? '1' : undefined },
      timeoutMs: Math.max(this.timeoutMs, 60_000),
      raw: true,
    });
    // Pages can be large: parsed natively, the shape checked on the envelope only (the rows go to RowWriter,
    // which checks every value it writes).
    const answer = JSON.parse(text) as PullAnswer;
    PullOutput.omit({ tables: true }).parse(answer);
    if (!Array.isArray(answer.tables)) throw new ServiceUnreachable('connectionLost', 'pull answer without tables');
    return answer;
  }

  /** One case's detail as it is now (a closed case the first download left out). */
  async caseDetail(caseId: number): Promise<CaseDetailAnswer> {
    const text = await this.http.request<string>({
      method: 'GET', path: `/api/cases/${caseId}/detail`, token: this.token, timeoutMs: this.timeoutMs, raw: true,
    });
    return CaseDetailOutput.parse(JSON.parse(text));
  }

  async push(clientId: string, mutations: PushMutation[], files: Record<string, string>): Promise<PushAnswer> {
    const answer = await this.http.request<unknown>({
      method: 'POST', path: '/api/push', token: this.token, body: { clientId, mutations, files }, timeoutMs: Math.max(this.timeoutMs, 60_000),
    });
    return PushOutput.parse(answer);
  }

  async claim(caseId: number): Promise<ClaimOutput> {
    return ClaimOutput.parse(await this.http.request({ method: 'POST', path: `/api/cases/${caseId}/claim`, token: this.token, body: {}, timeoutMs: this.timeoutMs }));
  }

  async release(caseId: number, claimToken: number): Promise<void> {
    await this.http.request({ method: 'POST', path: `/api/cases/${caseId}/release`, token: this.token, body: { claimToken }, timeoutMs: this.timeoutMs });
  }

  async renew(claims: Array<{ caseId: number; claimToken: number }>): Promise<RenewAnswer> {
    return RenewOutput.parse(await this.http.request({ method: 'POST', path: '/api/claims/renew', token: this.token, body: { claims }, timeoutMs: this.timeoutMs }));
  }

  async fetchNext(): Promise<number | null> {
    const answer = FetchNextOutput.parse(await this.http.request({ method: 'POST', path: '/api/fetch-next', token: this.token, body: {}, timeoutMs: this.timeoutMs }));
    return answer.caseId;
  }

  /** The firms' portal applications (a supervisor's session); `firstUser` is taken where the service sends it. */
  async portalFirms(state?: PortalFirmState): Promise<PortalFirmAnswer[]> {
    const answer = await this.http.request({ method: 'GET', path: '/api/portal/firms', token: this.token, query: { state }, timeoutMs: this.timeoutMs });
    return PortalFirmsAnswer.parse(answer).firms;
  }

  async approvePortalFirm(id: string): Promise<PortalFirmState> {
    const answer = await this.http.request({ method: 'POST', path: `/api/portal/firms/${encodeURIComponent(id)}/approve`, token: this.token, body: {}, timeoutMs: this.timeoutMs });
    return PortalDecisionOutput.parse(answer).state;
  }

  async refusePortalFirm(id: string, reason: string): Promise<PortalFirmState> {
    const answer = await this.http.request({ method: 'POST', path: `/api/portal/firms/${encodeURIComponent(id)}/refuse`, token: this.token, body: { reason }, timeoutMs: this.timeoutMs });
    return PortalDecisionOutput.parse(answer).state;
  }

  /** The installers' support requests (a case handler's or supervisor's session). */
  async supportRequests(): Promise<PortalStaffSupportRequest[]> {
    const answer = await this.http.request({ method: 'GET', path: '/api/portal/support-requests', token: this.token, timeoutMs: this.timeoutMs });
    return PortalStaffSupportOutput.parse(answer).requests;
  }

  async answerSupportRequest(id: string, answer: string): Promise<{ noticeSent: boolean }> {
    const reply = await this.http.request({
      method: 'POST', path: `/api/portal/support-requests/${encodeURIComponent(id)}/answer`, token: this.token, body: { answer }, timeoutMs: this.timeoutMs,
    });
    return { noticeSent: PortalAnswerSupportOutput.parse(reply).noticeSent };
  }

  async supportAttachment(id: string): Promise<{ fileName: string; type: string; content: Buffer }> {
    const answer = PortalSupportAttachmentOutput.parse(await this.http.request({
      method: 'GET', path: `/api/portal/support-requests/${encodeURIComponent(id)}/attachment`, token: this.token, timeoutMs: Math.max(this.timeoutMs, 60_000),
    }));
    return { fileName: answer.fileName, type: answer.type, content: Buffer.from(answer.contentBase64, 'base64') };
  }

  async file(sha256: string): Promise<Buffer | null> {
    try {
      const text = await this.http.request<string>({ method: 'GET', path: `/api/files/${sha256}`, token: this.token, timeoutMs: this.timeoutMs, raw: true, binary: true });
      return Buffer.from(text, 'latin1');
    } catch (error) {
      if ((error as { status?: number }).status === 404) return null;
      throw error;
    }
  }

  /**
   * Opens the live socket: `onNotice` for each version notice, `onLost` once when it closes, fails, or stays silent
   * longer than `stallMs` (the service sends heartbeats well within that).
   */
  openLive(onNotice: (notice: LiveNotice) => void, onLost: (reason: 'stalled' | 'closed') => void, options: LiveOptions): Promise<LiveSocket> {
    const url = this.http.urlOf('/api/live', 'ws');
    // A handshake that takes longer than the stall limit is a stall too.
    const handshakeTimeout = Math.min(this.timeoutMs, options.stallMs);
    const socket = new WebSocket(url, { headers: { authorization: `Bearer ${this.token}` }, ca: this.http.tls.ca, handshakeTimeout });
    let watchdog: ReturnType<typeof setTimeout> | null = null;
    let done = false;
    const finish = (reason: 'stalled' | 'closed') => {
      if (done) return;
      done = true;
      if (watchdog) clearTimeout(watchdog);
      socket.terminate();
      onLost(reason);
    };
    const arm = () => {
      if (watchdog) clearTimeout(watchdog);
      watchdog = setTimeout(() => finish('stalled'), options.stallMs);
      watchdog.unref?.();
    };
    return new Promise<LiveSocket>((resolve, reject) => {
      socket.once('open', () => {
        arm();
        resolve({ close: () => {
          done = true;
          if (watchdog) clearTimeout(watchdog);
          socket.terminate();
        } });
      });
      socket.once('unexpected-response', (_request, response) => {
        done = true;
        socket.terminate();
        reject(response.statusCode === 401
          ? new ServiceRefusal(401, 'auth.signedOut', 'live socket refused: the service does not accept the token')
          : new ServiceUnreachable('connectionLost', `live socket refused: HTTP ${response.statusCode}`));
      });
      socket.on('message', (data) => {
        arm();
        try {
          onNotice(JSON.parse(String(data)) as LiveNotice);
        } catch {
          // Not a notice: ignored, but it still proves the connection is alive.
        }
      });
      socket.on('error', (error) => {
        // ws marks the socket CLOSING before it emits a failed handshake's error; after 'open' this reject is a no-op.
        reject(new ServiceUnreachable('unreachable', error.message));
        finish('closed');
      });
      socket.on('close', () => finish('closed'));
    });
  }

  close(): void {
    this.http.close();
  }
}
