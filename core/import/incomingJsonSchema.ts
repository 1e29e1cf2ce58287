// The JSON Schema (draft 2020-12) of an incoming file, generated from the zod schemas the import validates with;
// resources/schemas/incoming-message.schema.json is this, written by `npm run import -- --write-schema`.
import { z } from 'zod';
import { IncomingFile } from './incomingMessage';

export function incomingFileJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://saksbehandlerpulten.no/schemas/incoming-message.schema.json',
    title: 'Incoming portal messages (nettmelding): one message or an array of them',
    ...z.toJSONSchema(IncomingFile, { target: 'draft-2020-12', io: 'input' }),
  };
}

export const incomingFileJsonSchemaText = (): string => `${JSON.stringify(incomingFileJsonSchema(), null, 2)}\n`;
