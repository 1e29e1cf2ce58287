// The grid company's letterhead (resources/letterhead): company details as data and an SVG logo, read from disk so a
// grid company replaces them without a build. The main process passes the folder inside the app; tests and the
// harness use the source tree's.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isValidOrganisationNumber } from '../../shared/rules';

const letterheadSchema = z.object({
  name: z.string().min(1),
  organisationNumber: z.string().refine(isValidOrganisationNumber, 'not a valid organisation number'),
  vatRegistered: z.boolean(),
  visitingAddress: z.string().min(1),
  postalAddress: z.object({ street: z.string().min(1), postcode: z.string().regex(/^\d{4}$/), postTown: z.string().min(1) }),
  phone: z.string().min(1),
  email: z.string().min(1),
  web: z.string().min(1),
  /** Where the customer accepts the offer online. */
  portal: z.string().min(1),
  /** The company's practice for anleggsbidrag: the offer must state it (kontrollforskriften chapter 16). */
  practice: z.string().min(1),
});

export type LetterheadCompany = z.infer<typeof letterheadSchema>;

export interface Letterhead {
  company: LetterheadCompany;
  /** The logo as SVG markup, inlined in the letter. */
  logoSvg: string;
}

/** resources/letterhead of the source tree (tests, harness) or of a build (out/main → ../../resources). */
export function defaultLetterheadDirectory(): string {
  const candidates = [
    path.resolve(__dirname, '../../resources/letterhead'),
    path.resolve(__dirname, '../../resources/letterhead'),
  ];
  return candidates.find((candidate) => existsSync(path.join(candidate, 'company.json'))) ?? candidates[0];
}

export function loadLetterhead(directory = defaultLetterheadDirectory()): Letterhead {
  const company = letterheadSchema.parse(JSON.parse(readFileSync(path.join(directory, 'company.json'), 'utf8')));
  const logoSvg = readFileSync(path.join(directory, 'logo.svg'), 'utf8').replace(/<\?xml[^>]*\?>\s*/, '').trim();
  if (!logoSvg.startsWith('<svg')) throw new Error(`${directory}/logo.svg is not an SVG image`);
  return { company, logoSvg };
}
