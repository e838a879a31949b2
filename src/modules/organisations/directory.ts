import { z } from 'zod';
import type { AppContext } from '../../context';
import type { OrganisationTable } from '../../db/schema';
import { countryCode, languageTag } from '../../lib/codes';
import { AppError } from '../../lib/errors';
import type { Actor } from '../auth/actor';
import { organisationServices, organisationTypes } from './schema';
import { presentOrganisation } from './service';

export const directoryQuerySchema = z
  .object({
    service: z.enum(organisationServices).optional(),
    area: z
      .string()
      .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, { error: 'iso3166_2' })
      .optional()
      .meta({ description: 'A country (ISO 3166-1, e.g. MY) or a subdivision (ISO 3166-2, e.g. MY-01 for Johor)' }),
    language: languageTag.optional().meta({ description: 'A language the worker speaks, e.g. my for Burmese' }),
    type: z.enum(organisationTypes).optional(),
    country: countryCode.optional().meta({ description: 'Where the organisation is based' }),
    q: z.string().trim().max(100).optional().meta({ description: 'Part of the name' }),
  });
export type DirectoryQuery = z.infer<typeof directoryQuerySchema>;

type Organisation = ReturnType<typeof presentOrganisation>;

/** How well an organisation serves an area: 2 names the subdivision, 1 the whole country, 0 not at all. */
function areaFit(organisation: Organisation, area: string): number {
  const [country, subdivision] = area.includes('-') ? [area.slice(0, 2), area] : [area, undefined];
  const areas = organisation.profile.areas.length > 0 ? organisation.profile.areas : [{ country: organisation.country, subdivision: undefined }];
  let best = 0;
  for (const served of areas) {
    if (served.country !== country) continue;
    if (!subdivision) best = Math.max(best, served.subdivision ? 1 : 2);
    else if (served.subdivision === subdivision) best = 2;
    else if (!served.subdivision) best = Math.max(best, 1);
  }
  return best;
}

const speaks = (organisation: Organisation, language: string) => {
  const primary = language.toLowerCase().split('-')[0];
  const all = [...organisation.languages, ...organisation.profile.focalPoints.flatMap((f) => f.languages)];
  return all.some((l) => l.toLowerCase().split('-')[0] === primary);
};

/**
 * Organisations matching what a worker needs where, best first: those naming the subdivision before those
 * serving the whole country, then by name. The directory is small (hundreds of organisations), so it is
 * filtered in memory after one read.
 */
export function searchDirectory(rows: OrganisationTable[], query: DirectoryQuery): Organisation[] {
  const needle = query.q?.toLocaleLowerCase();
  const scored: Array<{ organisation: Organisation; fit: number }> = [];
  for (const row of rows) {
    const organisation = presentOrganisation(row);
    if (query.service && !organisation.profile.services.includes(query.service)) continue;
    if (query.language && !speaks(organisation, query.language)) continue;
    if (query.type && organisation.type !== query.type) continue;
    if (query.country && organisation.country !== query.country) continue;
    if (needle && !organisation.name.toLocaleLowerCase().includes(needle)) continue;
    const fit = query.area ? areaFit(organisation, query.area) : 1;
    if (fit === 0) continue;
    scored.push({ organisation, fit });
  }
  return scored.sort((a, b) => b.fit - a.fit || a.organisation.name.localeCompare(b.organisation.name)).map((s) => s.organisation);
}

/** The directory for desk users: every organisation on this node and on partner nodes, to refer cases to. */
export async function deskDirectory(ctx: AppContext, actor: Actor, query: DirectoryQuery) {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const rows = await ctx.db.selectFrom('organisations').selectAll().execute();
  return searchDirectory(rows, query);
}

/** The public directory: listed organisations only, without internal settings. */
export async function publicDirectory(ctx: AppContext, query: DirectoryQuery) {
  const rows = await ctx.db.selectFrom('organisations').selectAll().where('listed', '=', 1).execute();
  return searchDirectory(rows, query).map(({ id, name, type, country, languages, profile, acceptsPublicComplaints, nodeId }) => {
    const { listed: _listed, ...shown } = profile;
    return { id, name, type, country, languages, acceptsPublicComplaints, hostedElsewhere: nodeId !== null, profile: shown };
  });
}
