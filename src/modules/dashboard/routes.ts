import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { requireUser } from '../../http/authenticate';
import { requestLanguage } from '../../http/errors';
import { bearerOrCookie, errorResponses } from '../../http/responses';
import { buildReport, reportWorkbook } from './report';
import { dashboardQuerySchema, dashboardSchema, reportKinds, reportQuerySchema, reportSchema } from './schema';
import { getDashboard } from './service';

export async function dashboardRoutes(app: FastifyInstance, ctx: AppContext) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['dashboard'];

  routes.get(
    '/dashboard',
    {
      schema: {
        tags,
        summary: 'Aggregates over the complaints the user may see: over time, by grievance, corridor, sex, sector, channel, respondent, agency; outcomes, money, time taken, overdue, referral flows',
        description:
          'Counts complaints received in the period (`from`/`to`, inclusive UTC days) of the user\u2019s organisation (a node administrator: every organisation, or `organisationId`), optionally of one corridor. No personal data. Durations are whole days; percentiles by nearest rank.',
        security: bearerOrCookie,
        querystring: dashboardQuerySchema,
        response: { 200: dashboardSchema, ...errorResponses },
      },
    },
    async (request) => getDashboard(ctx, requireUser(request), request.query),
  );

  routes.get(
    '/dashboard/reports/:kind',
    {
      schema: {
        tags,
        summary: 'A report with the tables behind its charts: `mrc` (twice-yearly, one organisation) or `afml` (annual, one country); JSON or XLSX',
        description: 'Headers and labels in the language of `lang` or Accept-Language. `format=xlsx` answers a workbook with one sheet per table.',
        security: bearerOrCookie,
        params: z.object({ kind: z.enum(reportKinds) }),
        querystring: reportQuerySchema,
        response: { 200: reportSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      const language = requestLanguage(request);
      const { format, lang: _lang, ...query } = request.query;
      const report = await buildReport(ctx, actor, { kind: request.params.kind, ...query }, language);
      if (format === 'xlsx') {
        const name = `lintas-${report.kind}-${report.year}${report.half ? `-h${report.half}` : ''}${report.country ? `-${report.country}` : ''}.xlsx`;
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${name}"`)
          .serializer(((payload: Buffer) => payload) as never)
          .send((await reportWorkbook(report, language)) as never);
      }
      return report;
    },
  );
}
