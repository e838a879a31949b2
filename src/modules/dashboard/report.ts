import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import i18next, { type Resource } from 'i18next';
import type { AppContext } from '../../context';
import { AppError } from '../../lib/errors';
import { type Language, languages } from '../../lib/i18n';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policies';
import { findOrganisation } from '../organisations/repository';
import { countryLabel, dashboardTables, type ReportTable, type Translate } from './report-tables';
import type { ReportKind } from './schema';
import { getDashboard } from './service';

// Report texts live in locales/<language>/dashboard.json, code labels in server.json and ISIC sections in
// desk.json: the workbook uses the same files as the printable page.
const localesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../locales');
const readJson = (language: string, namespace: string) => {
  const file = path.join(localesDir, language, `${namespace}.json`);
  // A missing file falls back to English (test/i18n.test.ts makes sure none is missing).
  if (!fs.existsSync(file)) return {};
  const { $meta: _meta, ...rest } = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  return rest;
};
let instance: typeof i18next | undefined;
function reportTranslator(language: Language): Translate {
  if (!instance) {
    const resources: Resource = {};
    for (const lang of languages) {
      const desk = readJson(lang, 'desk') as { isic?: unknown };
      resources[lang] = { dashboard: readJson(lang, 'dashboard'), server: readJson(lang, 'server'), desk: { isic: desk.isic ?? {} } };
    }
    instance = i18next.createInstance();
    void instance.init({ resources, lng: 'en', fallbackLng: 'en', ns: ['dashboard', 'server', 'desk'], defaultNS: 'dashboard', interpolation: { escapeValue: false }, initAsync: false });
  }
  const t = instance.getFixedT(language);
  return (key, options) => t(key, options as never) as unknown as string;
}

export interface ReportRequest {
  kind: ReportKind;
  year: number;
  half?: number;
  country?: string;
  organisationId?: string;
}

/** The period a report covers: a half-year for the MRC report, a calendar year for the country report. */
export function reportPeriod(request: ReportRequest): { from: string; to: string } {
  if (request.kind === 'mrc') {
    const half = request.half ?? 1;
    return half === 1 ? { from: `${request.year}-01-01`, to: `${request.year}-06-30` } : { from: `${request.year}-07-01`, to: `${request.year}-12-31` };
  }
  return { from: `${request.year}-01-01`, to: `${request.year}-12-31` };
}

/**
 * A report's figures and tables: the twice-yearly report of a migrant resource centre (one organisation, one
 * half-year) or the annual country report for the ASEAN Forum on Migrant Labour (complaints from or to one
 * country, one year, over what the user may see).
 */
export async function buildReport(ctx: AppContext, actor: Actor, request: ReportRequest, language: Language) {
  authorize(actor, 'dashboard.view');
  if (request.kind === 'mrc' && !request.half) throw new AppError('validation_failed', {}, [{ path: 'querystring.half', code: 'period' }]);
  if (request.kind === 'afml' && !request.country) throw new AppError('validation_failed', {}, [{ path: 'querystring.country', code: 'iso3166' }]);
  const period = reportPeriod(request);
  const dashboard = await getDashboard(ctx, actor, {
    ...period,
    organisationId: request.organisationId,
    ...(request.kind === 'afml' ? { country: request.country } : {}),
  });
  const organisationRow = dashboard.scope.organisationId ? await findOrganisation(ctx.db, dashboard.scope.organisationId) : undefined;
  const t = reportTranslator(language);
  return {
    kind: request.kind,
    year: request.year,
    half: request.kind === 'mrc' ? (request.half ?? 1) : null,
    country: request.kind === 'afml' ? (request.country ?? null) : null,
    organisation: organisationRow ? { id: organisationRow.id, name: organisationRow.name, country: organisationRow.country } : null,
    dashboard,
    tables: dashboardTables(dashboard, t, language),
  };
}

/** Worksheet names: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (title: string, used: Set<string>) => {
  const base = title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 28).trim() || 'Sheet';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i += 1) name = `${base.slice(0, 26)} ${i}`;
  used.add(name.toLowerCase());
  return name;
};

/** The report as an XLSX workbook: a cover sheet, then one sheet per table with translated headers. */
export async function reportWorkbook(report: Awaited<ReturnType<typeof buildReport>>, language: Language): Promise<Buffer> {
  const t = reportTranslator(language);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lintas';
  workbook.created = new Date(report.dashboard.scope.generatedAt);
  const used = new Set<string>();
  const cover = workbook.addWorksheet(sheetName(t('dashboard:report.cover'), used));
  cover.columns = [{ width: 36 }, { width: 60 }];
  cover.addRow([reportTitle(report, t, language)]).font = { bold: true, size: 14 };
  cover.addRow([t('dashboard:report.period'), `${report.dashboard.scope.from} – ${report.dashboard.scope.to}`]);
  cover.addRow([t('dashboard:report.organisation'), report.organisation?.name ?? t('dashboard:report.allOrganisations')]);
  cover.addRow([t('dashboard:report.generatedAt'), report.dashboard.scope.generatedAt]);
  cover.addRow([t('dashboard:report.method'), t('dashboard:report.methodText')]);
  for (const table of report.tables) addTableSheet(workbook, table, used);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addTableSheet(workbook: ExcelJS.Workbook, table: ReportTable, used: Set<string>) {
  const sheet = workbook.addWorksheet(sheetName(table.title, used));
  sheet.addRow([table.title]).font = { bold: true };
  const header = sheet.addRow(table.headers);
  header.font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  sheet.columns.forEach((column, i) => {
    column.width = Math.min(60, Math.max(12, ...[table.headers[i] ?? '', ...table.rows.map((r) => String(r[i] ?? ''))].map((v) => v.length + 2)));
  });
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
}

/** "MRC report, January–June 2026" / "Country report 2026: Cambodia", in the report's language. */
export function reportTitle(report: { kind: ReportKind; year: number; half: number | null; country: string | null }, t: Translate, language: string): string {
  return report.kind === 'mrc'
    ? t('dashboard:report.mrcTitle', { year: report.year, half: t(`dashboard:report.half${report.half ?? 1}`) })
    : t('dashboard:report.afmlTitle', { year: report.year, country: countryLabel(report.country ?? '', language) });
}
