import { z } from 'zod';
import { countryCode, isoDate } from '../../lib/codes';

export const dashboardQuerySchema = z.object({
  from: isoDate.optional().meta({ description: 'First day received (UTC), inclusive' }),
  to: isoDate.optional().meta({ description: 'Last day received (UTC), inclusive' }),
  organisationId: z.uuid().optional().meta({ description: 'One organisation; only a node administrator may name another than their own' }),
  origin: countryCode.optional(),
  destination: countryCode.optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

const codeCount = z.object({ code: z.string(), complaints: z.number().int() });
const daysSummary = z
  .object({
    count: z.number().int().meta({ description: 'Complaints that reached the event' }),
    median: z.number().int().nullable(),
    p90: z.number().int().nullable(),
    mean: z.number().nullable(),
    histogram: z.array(z.object({ days: z.number().int(), complaints: z.number().int() })),
  })
  .meta({
    id: 'DaysSummary',
    description:
      'Whole calendar days (UTC) from the day received to the day of the event. Percentiles by nearest rank: the value at rank ⌈p·n/100⌉ of the sorted durations (the median is the 50th percentile, the lower middle value for an even count).',
  });

export const referralFlowSchema = z.object({
  fromOrganisationId: z.string(),
  fromOrganisation: z.string(),
  fromCountry: z.string(),
  toOrganisationId: z.string(),
  toOrganisation: z.string(),
  toCountry: z.string(),
  kind: z.string(),
  state: z.string(),
  referrals: z.number().int(),
});

export const dashboardSchema = z
  .object({
    scope: z.object({
      organisationId: z.string().nullable().meta({ description: 'The organisation counted; null for every organisation of the node' }),
      from: z.string().nullable(),
      to: z.string().nullable(),
      origin: z.string().nullable(),
      destination: z.string().nullable(),
      country: z.string().nullable(),
      drillDown: z.boolean().meta({ description: 'Whether the user may open the complaint list behind a figure' }),
      generatedAt: z.string(),
    }),
    totals: z.object({ complaints: z.number().int(), workers: z.number().int() }),
    overTime: z.array(z.object({ month: z.string(), complaints: z.number().int(), workers: z.number().int() })),
    byGrievance: z.array(codeCount),
    byIndicator: z.array(codeCount).meta({ description: 'ILO forced-labour indicators, and `recruitment_fees` (ILO definition)' }),
    byCorridor: z.array(z.object({ origin: z.string(), destination: z.string(), complaints: z.number().int(), workers: z.number().int() })),
    bySex: z.array(z.object({ code: z.string(), workers: z.number().int() })),
    bySector: z.array(codeCount),
    byChannel: z.array(codeCount),
    byState: z.array(codeCount),
    byRespondentType: z.array(codeCount),
    byAgency: z.object({
      items: z.array(z.object({ agencyId: z.string(), name: z.string(), licenceNumber: z.string(), country: z.string(), complaints: z.number().int() })),
      agencies: z.number().int(),
      unlinked: z.number().int().meta({ description: 'Complaints naming a recruitment agency not linked to the registry' }),
    }),
    outcomes: z.array(codeCount),
    money: z.array(
      z.object({
        currency: z.string(),
        complaints: z.number().int(),
        claimed: z.number().int(),
        awarded: z.number().int(),
        received: z.number().int(),
      }),
    ),
    firstAction: daysSummary,
    resolution: daysSummary,
    overdue: z.object({ overdue: z.number().int(), firstActionOverdue: z.number().int(), resolutionOverdue: z.number().int(), open: z.number().int() }),
    referrals: z.object({ available: z.boolean(), flows: z.array(referralFlowSchema) }),
  })
  .meta({ id: 'Dashboard', description: 'Aggregates over the complaints a user may see. Amounts are in minor units of their currency.' });
export type Dashboard = z.infer<typeof dashboardSchema>;

export const reportKinds = ['mrc', 'afml'] as const;
export type ReportKind = (typeof reportKinds)[number];

export const reportQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  half: z.coerce.number().int().min(1).max(2).optional().meta({ description: 'MRC report: 1 for January–June, 2 for July–December' }),
  country: countryCode.optional().meta({ description: 'Country report: the country (complaints from or to it)' }),
  organisationId: z.uuid().optional(),
  format: z.enum(['json', 'xlsx']).default('json'),
  lang: z.string().max(20).optional(),
});

export const reportSchema = z
  .object({
    kind: z.enum(reportKinds),
    year: z.number().int(),
    half: z.number().int().nullable(),
    country: z.string().nullable(),
    organisation: z.object({ id: z.string(), name: z.string(), country: z.string() }).nullable(),
    dashboard: dashboardSchema,
    tables: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        headers: z.array(z.string()),
        rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
      }),
    ),
  })
  .meta({ id: 'Report', description: 'A report: its figures and, in the language asked for, the tables behind each chart' });
