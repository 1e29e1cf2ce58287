// What an attachment really is, from its first bytes (magic numbers), never from its name or the type it claims:
// the portal takes PDF, JPEG and PNG only. A file named .pdf that is HTML or an executable is none of them.
import type { PortalAttachmentType } from '../../shared/portalApi/messages';

const SIGNATURES: { type: PortalAttachmentType; bytes: number[]; extensions: string[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], extensions: ['pdf'] }, // %PDF-
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], extensions: ['png'] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff], extensions: ['jpg', 'jpeg', 'jpe'] },
];

/** The type the content starts like, or null when it is none of the three. */
export function sniffType(head: Uint8Array): PortalAttachmentType | null {
  const found = SIGNATURES.find((s) => s.bytes.length <= head.length && s.bytes.every((b, i) => head[i] === b));
  return found?.type ?? null;
}

/** Whether a file name's extension (if it has one we know) says another type than the content is. */
export function nameContradicts(fileName: string, type: PortalAttachmentType): boolean {
  const extension = /\.([A-Za-z0-9]{1,8})$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension === undefined) return false;
  const named = SIGNATURES.find((s) => s.extensions.includes(extension));
  return named !== undefined && named.type !== type;
}

/** The first bytes of base64 content, without decoding the rest. */
export const headOfBase64 = (base64: string, bytes = 16): Buffer => Buffer.from(base64.slice(0, Math.ceil(bytes / 3) * 4), 'base64');

/** The decoded size of base64 content, from its length and padding. */
export function base64Bytes(base64: string): number {
  const length = base64.length;
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((length * 3) / 4) - padding;
}
