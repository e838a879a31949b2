import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { requireUser } from '../../http/authenticate';
import { requestLanguage } from '../../http/errors';
import { bearerOrCookie, errorResponses } from '../../http/responses';
import { AppError } from '../../lib/errors';
import { type ExportKind, prepareComplaintExport } from './export-complaints';
import { importComplaints } from './import-complaints';
import { complaintImportMappingSchema, complaintImportReportSchema, exportQuerySchema } from './schema';
import type { TableFormat } from './write-table';

const descriptions: Record<ExportKind, string> = {
  complaints:
    "The organisation's complaints, with the filters of GET /complaints, one row per complaint (workers, respondents and relief sought as lists, one line per item in a cell), headers in the request's language. CSV is UTF-8 with a byte-order mark. Streamed: any number of rows. Recorded in the audit log.",
  htcds:
    "The organisation's complaints whose grievances are evidence of ILO forced-labour indicators, as IOM's Human Trafficking Case Data Standard fields (one row per worker; see docs/htcds-export.md). Filters as GET /complaints. Recorded in the audit log.",
};

export async function exchangeRoutes(app: FastifyInstance, ctx: AppContext) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['exchange'];

  for (const kind of ['complaints', 'htcds'] as const) {
    for (const format of ['csv', 'xlsx'] as const satisfies TableFormat[]) {
      routes.get(
        `/exports/${kind}.${format}`,
        {
          schema: {
            tags,
            summary: `Download ${kind === 'htcds' ? 'the HTCDS export' : 'complaints'} as ${format.toUpperCase()} (de-identified unless personal=true, supervisors)`,
            description: descriptions[kind],
            security: bearerOrCookie,
            querystring: exportQuerySchema,
            response: { 200: z.any().meta({ description: `The ${format.toUpperCase()} file` }), ...errorResponses },
          },
        },
        async (request, reply) => {
          const actor = requireUser(request);
          const { lang: _lang, ...query } = request.query;
          const prepared = await prepareComplaintExport(ctx, actor, { kind, format, query, language: requestLanguage(request) });
          const body = new PassThrough();
          // Written while it is sent: the database is read only as fast as the client takes the file.
          prepared.write(body).catch((error: unknown) => {
            request.log.warn({ err: { message: error instanceof Error ? error.message : String(error) } }, 'export stopped');
            body.destroy();
          });
          return reply
            .header('content-type', prepared.mediaType)
            .header('content-disposition', `attachment; filename="${prepared.filename}"`)
            .header('cache-control', 'no-store')
            .send(body);
        },
      );
    }
  }

  routes.post(
    '/imports/complaints',
    {
      schema: {
        tags,
        summary: 'Import complaints from CSV or XLSX (multipart: `file`, optional `mapping` JSON, `dryRun` true/false)',
        description:
          'Each row is read into the standard complaint form and checked like desk intake. Answers the headers, the column each field was read from (guessed from headers in the Lintas languages unless the mapping says), and each rejected row with its line and reasons. A row already imported (same reference, external id or the same values) is skipped. A dry run writes nothing.',
        consumes: ['multipart/form-data'],
        security: bearerOrCookie,
        response: { 200: complaintImportReportSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      if (!request.isMultipart()) throw new AppError('evidence_missing');
      const fields: Record<string, string> = {};
      let saved: string | undefined;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lintas-complaints-'));
      try {
        for await (const part of request.parts({ limits: { fileSize: 50 * 1024 * 1024, files: 1 } })) {
          if (part.type === 'file') {
            saved = path.join(dir, path.extname(part.filename).toLowerCase() === '.xlsx' ? 'complaints.xlsx' : 'complaints.csv');
            fs.writeFileSync(saved, await part.toBuffer());
          } else fields[part.fieldname] = String(part.value);
        }
        if (!saved) throw new AppError('evidence_missing');
        let mapping;
        if (fields.mapping) {
          let json: unknown;
          try {
            json = JSON.parse(fields.mapping);
          } catch {
            throw new AppError('validation_failed', {}, [{ path: 'body.mapping', code: 'invalid' }]);
          }
          const parsed = complaintImportMappingSchema.safeParse(json);
          if (!parsed.success) throw new AppError('validation_failed', {}, [{ path: 'body.mapping', code: 'invalid' }]);
          mapping = parsed.data;
        }
        return await importComplaints(ctx, actor, saved, { mapping, dryRun: fields.dryRun === 'true' });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
}
