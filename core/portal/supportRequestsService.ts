// Henvendelser: the installers' support requests from the portal and the answer that closes one. The central
// service holds and decides them; this asks it on each call and adds what the desk's cache knows: the case asked
// about (so the screen can open it) and the name of the person who answered. Case handlers and supervisors answer
// (the service checks again); a reader has no such screen.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import {
  AppFailure,
  type SupportAnswerResult,
  type SupportAttachmentOpenResult,
  type SupportRequestView,
  type SupportRequestsView,
  type UserSummary,
} from '../../shared/contract';
import type { PortalStaffSupportRequest } from '../../shared/portalApi/support';
import type { ServiceConnection } from '../service/serviceConnection';
import { ServiceRefusal } from '../service/serviceHttp';
import { portalFailure, type OnlineRunner } from './portalFirmsService';

export interface SupportRequestsDeps {
  sqlite: Database.Database;
  /** Null standalone: there is no service to ask. */
  central: OnlineRunner | null;
  currentUser: () => UserSummary;
  now: () => Date;
  /** Where a request's file is written to be opened (one folder per request). */
  filesDirectory: string;
  /** Opens a file with the desktop's default application (the core host's). */
  openFile(absolutePath: string, fileName: string, mimeType: string): Promise<void>;
}

/** A name that stays inside its folder and that every file system takes. */
const safeFileName = (name: string) => path.basename(name).replace(/[^\p{L}\p{N}._ -]/gu, '_').replace(/^\.+/, '') || 'vedlegg';

/** This screen's refusals first (answered meanwhile, gone); the rest as the portal's other screen has them. */
function supportFailure(error: unknown): AppFailure {
  if (error instanceof ServiceRefusal && error.code === 'portal.supportAnswered') {
    return new AppFailure({ code: 'central.refused', params: { reason: 'supportAnswered' } });
  }
  if (error instanceof ServiceRefusal && (error.code === 'portal.supportMissing' || error.code === 'portal.supportAttachmentMissing')) {
    return new AppFailure({ code: 'central.refused', params: { reason: 'supportMissing' } });
  }
  return portalFailure(error);
}

export class SupportRequestsService {
  constructor(private readonly deps: SupportRequestsDeps) {}

  async list(): Promise<SupportRequestsView> {
    const requests = (await this.online((service) => service.supportRequests())).map((request) => this.viewOf(request));
    const open = requests.filter((r) => r.state === 'open').sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const answered = requests.filter((r) => r.state === 'closed').sort((a, b) => (b.answeredAt ?? '').localeCompare(a.answeredAt ?? ''));
    return { open, answered, fetchedAt: this.deps.now().toISOString() };
  }

  async answer(requestId: string, answer: string): Promise<SupportAnswerResult> {
    const { noticeSent } = await this.online((service) => service.answerSupportRequest(requestId, answer.trim()));
    return { requestId, noticeSent };
  }

  /** Fetches the request's file from the service (not kept in the cache) and opens it. */
  async openAttachment(requestId: string): Promise<SupportAttachmentOpenResult> {
    const file = await this.online((service) => service.supportAttachment(requestId));
    const folder = path.join(this.deps.filesDirectory, requestId);
    mkdirSync(folder, { recursive: true });
    const absolutePath = path.join(folder, safeFileName(file.fileName));
    writeFileSync(absolutePath, file.content);
    try {
      await this.deps.openFile(absolutePath, file.fileName, file.type);
    } catch {
      throw new AppFailure({ code: 'attachment.openFailed', params: { fileName: file.fileName } });
    }
    return { requestId, fileName: file.fileName };
  }

  private async online<T>(operation: (service: ServiceConnection) => Promise<T>): Promise<T> {
    const { central, currentUser } = this.deps;
    if (!central) throw new AppFailure({ code: 'central.offline', params: { reason: 'standalone' } });
    const { role } = currentUser();
    if (role !== 'case_handler' && role !== 'supervisor') throw new AppFailure({ code: 'permission.denied' });
    try {
      return await central.alongside(operation);
    } catch (error) {
      throw supportFailure(error);
    }
  }

  private viewOf(request: PortalStaffSupportRequest): SupportRequestView {
    const { sqlite } = this.deps;
    const cached = request.caseNumber === null
      ? undefined
      : (sqlite.prepare('SELECT id FROM cases WHERE case_number = ?').get(request.caseNumber) as { id: number } | undefined);
    const answerer = request.answeredBy === null
      ? null
      : ((sqlite.prepare('SELECT display_name FROM users WHERE id = ?').get(request.answeredBy) as { display_name: string } | undefined)
          ?.display_name ?? request.answeredBy);
    return {
      id: request.id,
      category: request.category,
      firm: request.firm,
      organisationNumber: request.organisationNumber,
      contactEmail: request.contactEmail,
      contactPhone: request.contactPhone,
      case: request.caseNumber === null ? null : { caseNumber: request.caseNumber, caseId: cached?.id ?? null },
      meterNumber: request.meterNumber,
      meterReading: request.meterReading,
      text: request.text,
      attachmentName: request.attachment?.fileName ?? null,
      createdAt: request.createdAt,
      state: request.state,
      answer: request.answer,
      answeredAt: request.answeredAt,
      answeredBy: request.answeredBy === null ? null : { id: request.answeredBy, displayName: answerer ?? request.answeredBy },
    };
  }
}
