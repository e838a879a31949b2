import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponseSchema } from '../../http/errors';
import { publicStatistics, statisticsCsv, statisticsDimensions } from './service';

const cellSchema = z.object({ value: z.number().int().nullable(), suppressed: z.enum(['primary', 'complementary']).nullable() });

export async function statisticsRoutes(app: FastifyInstance, ctx: AppContext) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get(
    '/public/statistics',
    {
      config: { rateLimit: { max: ctx.config.publicRateLimitPerMinute * 3, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'Open data: complaints by year and one breakdown, with small cells suppressed (JSON or CSV)',
        querystring: z.object({
          by: z.enum(statisticsDimensions).default('destination'),
          from: z.coerce.number().int().min(2000).max(2100).optional(),
          to: z.coerce.number().int().min(2000).max(2100).optional(),
          format: z.enum(['json', 'csv']).default('json'),
        }),
        response: {
          200: z
            .object({
              dimension: z.enum(statisticsDimensions),
              unit: z.enum(['complaints', 'workers']),
              rows: z.array(z.string()),
              columns: z.array(z.string()),
              cells: z.array(z.array(cellSchema)),
              rowTotals: z.array(cellSchema),
              columnTotals: z.array(cellSchema),
              total: cellSchema,
              method: z.string(),
            })
            .meta({ id: 'PublicStatistics' }),
          400: errorResponseSchema,
          429: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const table = await publicStatistics(ctx, request.query.by, request.query);
      if (request.query.format === 'csv') {
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="lintas-statistics-${request.query.by}.csv"`)
          .serializer((payload: unknown) => payload as string)
          .send(statisticsCsv(table) as never);
      }
      return table;
    },
  );
}
