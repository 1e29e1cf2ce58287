// The standard attachments the grid company offers installers (issue 12, item 2): blank forms to fill in and send
// back with a message — the power budget, the grid-rental order the owner signs, the co-owners' consent. They are
// the grid company's published forms, so they are served without a session. PDFs in resources/portal-templates/
// (made by scripts/portalTemplates.ts with the offers' Chromium renderer).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  PortalListTemplatesOutput, PortalTemplateParams, type PortalTemplate, type PortalTemplateName,
} from '../../shared/portalApi/lookup';
import type { AttachmentKind } from '../../shared/rules';
import { ErrorOutput } from '../../shared/serviceApi';

export const PORTAL_TEMPLATES_DIR = path.resolve(__dirname, '../../resources/portal-templates');

/** Each template, the attachment kind its filled-in copy is sent as. */
export const TEMPLATE_KINDS: Readonly<Record<PortalTemplateName, AttachmentKind>> = {
  effektberegning: 'power_budget',
  'bestilling-nettleie': 'grid_rental_order',
  'samtykke-sameiere': 'co_owner_consent',
};

export function templateRoutes(app: FastifyInstance, directory = PORTAL_TEMPLATES_DIR): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const files = new Map((Object.keys(TEMPLATE_KINDS) as PortalTemplateName[]).map((name) => {
    const fileName = `${name}.pdf`;
    return [name, { fileName, content: readFileSync(path.join(directory, fileName)) }] as const;
  }));
  const templates: PortalTemplate[] = [...files].map(([name, file]) => ({
    name, kind: TEMPLATE_KINDS[name], fileName: file.fileName, bytes: file.content.length,
  }));

  api.get('/api/portal/templates', {
    schema: {
      operationId: 'portalListTemplates',
      summary: "The grid company's standard attachments (blank PDF forms) and the attachment kind each is sent back as.",
      security: [],
      response: { 200: PortalListTemplatesOutput },
    },
    handler: async () => ({ templates }),
  });

  api.get('/api/portal/templates/:name', {
    schema: {
      operationId: 'portalGetTemplate',
      summary: 'One standard attachment as a PDF file to download.',
      security: [],
      params: PortalTemplateParams,
      response: { 200: z.any().describe('application/pdf'), 404: ErrorOutput },
    },
    handler: async (request, reply) => {
      const file = files.get(request.params.name);
      if (!file) return reply.code(404).send({ code: 'template.notFound', message: 'No such template.' });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'public, max-age=3600')
        .send(file.content);
    },
  });
}
