// Attachments: opened with the desktop, printed or saved as a copy; fetched from the central server first when only it has the file.
import { fetchMissingFile } from '../sync/centralFiles';
import { printAttachment, saveAttachmentCopy } from '../attachments/attachmentOutput';
import { AppFailure } from '../../shared/contract';
import type { CoreServices, DomainHandlers } from './coreServices';

export const attachmentsHandlers = ({ database, central, host, attachments }: CoreServices) => ({
  'attachment.open': async (input) => {
    await fetchMissingFile(database.sqlite, attachments, central, input.attachmentId);
    const stored = attachments.locate(database.sqlite, input.attachmentId);
    try {
      await host.openFile(stored.absolutePath, stored.fileName, stored.mimeType);
    } catch {
      throw new AppFailure({ code: 'attachment.openFailed', params: { fileName: stored.fileName } });
    }
    return { attachmentId: stored.id, fileName: stored.fileName };
  },
  'attachment.print': async (input) => {
    await fetchMissingFile(database.sqlite, attachments, central, input.attachmentId);
    return printAttachment(database.sqlite, attachments, host, input.attachmentId);
  },
  'attachment.saveCopy': async (input) => {
    await fetchMissingFile(database.sqlite, attachments, central, input.attachmentId);
    return saveAttachmentCopy(database.sqlite, attachments, host, input.attachmentId);
  },
}) satisfies DomainHandlers;
