// The service's OpenAPI document, as a client generator or a security reviewer would read it: OpenAPI 3.1, an
// operationId on every route (the desk's calls among them), and the push and pull schemas written out.
import { beforeAll, describe, expect, it } from 'vitest';
import { useCentralDatabase } from '../../support/centralDatabase';
import { RawClient } from '../../support/serviceClient';
import { serviceFor } from '../../support/serviceInstances';

const central = useCentralDatabase('svc_api');

interface Operation {
  operationId?: string;
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; required?: string[] } }> };
  responses?: Record<string, { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }>;
}
type Document = { openapi: string; paths: Record<string, Record<string, Operation>>; components?: Record<string, unknown> };

let document: Document;

beforeAll(async () => {
  const running = await serviceFor(central.db);
  const answer = await new RawClient(running.url).get<Document>('/api/openapi.json');
  expect(answer.status).toBe(200);
  document = answer.body;
});

describe('GET /api/openapi.json', () => {
  it('is OpenAPI 3.1', () => {
    expect(document.openapi).toMatch(/^3\.1\./);
  });

  it('names every operation, the desk’s calls among them, each name once', () => {
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, id: operation.operationId })));
    expect(operations.filter((o) => !o.id).map((o) => o.route)).toEqual([]);
    const ids = operations.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['login', 'pull', 'push', 'claimCase', 'releaseCase', 'fetchNext', 'renewClaims', 'health']));
  });

  it('documents the push body and answer', () => {
    const push = document.paths['/api/push']?.post;
    const body = push?.requestBody?.content['application/json']?.schema;
    expect(body?.properties).toHaveProperty('clientId');
    expect(body?.properties).toHaveProperty('mutations');
    expect(body?.required).toEqual(expect.arrayContaining(['clientId', 'mutations']));
    const answer = push?.responses?.['200']?.content?.['application/json']?.schema;
    expect(answer?.properties).toHaveProperty('results');
  });

  it('documents the pull query and page', () => {
    const pull = document.paths['/api/pull']?.get;
    expect(pull?.parameters?.filter((p) => p.in === 'query').map((p) => p.name)).toEqual(expect.arrayContaining(['after', 'limit', 'resume']));
    const page = pull?.responses?.['200']?.content?.['application/json']?.schema;
    expect(Object.keys(page?.properties ?? {})).toEqual(expect.arrayContaining(['version', 'target', 'more', 'resume', 'tables']));
  });

  it('declares bearer sign-in', () => {
    expect(JSON.stringify(document.components ?? {})).toContain('"scheme":"bearer"');
  });
});
