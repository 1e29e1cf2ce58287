// The committed JSON Schema is the one the zod schemas generate (no drift), and validation names each problem.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { incomingFileJsonSchemaText } from '../../core/import/incomingJsonSchema';
import { validateRecord } from '../../core/import/validateRecord';
import { completionNotice, requestMessage } from '../fixtures/import/buildMessages';

const KNOWN = new Set(['4204']);
const codes = (value: unknown) => {
  const result = validateRecord(value, KNOWN);
  return result.ok ? [] : result.reasons.map((r) => `${r.path}:${r.code}`);
};

it('resources/schemas/incoming-message.schema.json equals the schema generated from zod (npm run import -- --write-schema)', () => {
  const committed = readFileSync(path.resolve(__dirname, '../../resources/schemas/incoming-message.schema.json'), 'utf8');
  expect(committed).toBe(incomingFileJsonSchemaText());
});

describe('validateRecord', () => {
  it('accepts a good request and normalises its time to UTC', () => {
    const result = validateRecord(requestMessage(1), KNOWN);
    expect(result.ok && result.message.sentAt).toBe('2026-03-02T07:15:00.000Z');
  });
  it('names each malformed part', () => {
    expect(codes(requestMessage(1, { requestType: 'heat_pump' }))).toEqual(['requestType:unknownRequestType']);
    expect(codes({ ...requestMessage(1), kind: 'letter' })).toEqual(['kind:unknownKind']);
    expect(codes(requestMessage(1, { sentAt: 'yesterday' }))).toEqual(['sentAt:invalid_format']);
    expect(codes(requestMessage(1, { installer: { organisationNumber: '12345678', name: 'X' } })))
      .toEqual(['installer.organisationNumber:organisationNumber.wrongLength']);
    expect(codes(requestMessage(1, { installation: { ...(requestMessage(1).installation as object), postcode: '46x1' } })))
      .toEqual(['installation.postcode:postcode.notDigits']);
    expect(codes(requestMessage(1, { surprise: true }))).toEqual([':unrecognized_keys']);
    expect(codes(completionNotice(1, 'x', { caseMessageId: undefined }))).toEqual(['caseMessageId:caseReference.missing']);
  });
});
