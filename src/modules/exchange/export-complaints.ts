import type { Writable } from 'node:stream';
import type { AppContext } from '../../context';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import type { Language } from '../../lib/i18n';
import { nowIso } from '../../lib/time';
import type { Actor } from '../auth/actor';
import { authorize, can } from '../auth/policies';
import { recordAudit } from '../audit/service';
import { listFilters } from '../complaints/service';
import { complaintCells, exportColumns } from './columns';
import { htcdsExportColumns, htcdsRows, traffickingGrievances } from './htcds';
import { type ExportFilter, exportRecords, findExportOrganisation } from './repository';
import type { ExportQuery } from './schema';
import { exchangeTranslator } from './translations';
import { type Cell, type TableFormat, tableMediaTypes, writeTable } from './write-table';

export type ExportKind = 'complaints' | 'htcds';

export interface ExportRequest {
  kind: ExportKind;
  format: TableFormat;
  query: Omit<ExportQuery, 'lang'>;
  language: Language;
  /** Whose complaints, for Lintas itself (the CLI); a user always exports their own organisation's. */
  organisationId?: string;
}

export interface PreparedExport {
  filename: string;
  mediaType: string;
  personal: boolean;
  /** Writes the file to `output` (and ends it), then records how many complaints it held; answers that number. */
  write(output: Writable): Promise<number>;
}

/** The filters of the complaint list, as the list service reads them (complaints/service.ts listComplaints). */
function exportFilter(query: ExportRequest['query'], organisationId: string, userId: string | null): ExportFilter {
  const sortColumn = query.sort.replace('-', '') as ExportFilter['sortColumn'];
  return {
    organisationId,
    ...listFilters(query, userId, nowIso()),
    sortColumn,
    descending: query.sort.startsWith('-'),
  };
}

/** The filters as the audit log keeps them: codes and dates only. */
function auditedFilters(query: ExportRequest['query']): string {
  const { personal: _personal, ...rest } = query;
  return JSON.stringify(rest);
}

/**
 * Checks that the actor may export, records the export in the audit log, and answers how to write the file.
 * Analysts, desk officers and case managers get de-identified files; asking for personal data takes a supervisor.
 */
export async function prepareComplaintExport(ctx: AppContext, actor: Actor, request: ExportRequest): Promise<PreparedExport> {
  const personal = request.query.personal === 'true';
  let organisationId: string;
  let userId: string | null = null;
  if (actor.kind === 'user') {
    authorize(actor, 'complaint.export');
    if (personal && !can(actor, 'complaint.export_personal')) throw new AppError('forbidden');
    organisationId = actor.organisationId;
    userId = actor.userId;
  } else if (actor.kind === 'system' && request.organisationId) {
    organisationId = request.organisationId;
  } else {
    throw new AppError('forbidden');
  }
  const organisation = await findExportOrganisation(ctx.db, organisationId);
  if (!organisation) throw new AppError('not_found');

  const filter = exportFilter(request.query, organisationId, userId);
  if (request.kind === 'htcds') filter.anyGrievance = traffickingGrievances;
  const exportId = newId();
  const details = { kind: request.kind, format: request.format, personal, filters: auditedFilters(request.query) };
  await ctx.db.transaction().execute((trx) =>
    recordAudit(trx, actor, [{ action: 'complaint.export', entityType: 'complaint_export', entityId: exportId, organisationId, details }]),
  );

  const t = exchangeTranslator(request.language);
  let complaints = 0;
  const records = (async function* () {
    const reader = ctx.openReader();
    try {
      for await (const record of exportRecords(reader.db, filter, personal)) {
        complaints += 1;
        yield record;
      }
    } finally {
      await reader.close();
    }
  })();
  let headers: string[];
  let rows: AsyncIterable<Cell[]>;
  if (request.kind === 'complaints') {
    const columns = exportColumns(personal);
    headers = columns.map((key) => t(`columns.${key}`));
    rows = (async function* () {
      for await (const record of records) yield complaintCells(record, columns);
    })();
  } else {
    const columns = htcdsExportColumns(personal);
    headers = [...columns];
    rows = (async function* () {
      for await (const record of records) yield* htcdsRows(record, organisation, columns);
    })();
  }
  const date = nowIso().slice(0, 10);
  return {
    filename: `lintas-${request.kind === 'htcds' ? 'htcds' : 'complaints'}${personal ? '' : '-deidentified'}-${date}.${request.format}`,
    mediaType: tableMediaTypes[request.format],
    personal,
    async write(output) {
      let recorded = false;
      const recordEnd = async (completed: boolean) => {
        recorded = true;
        await ctx.db.transaction().execute((trx) =>
          recordAudit(trx, actor, [
            { action: 'complaint.export_finished', entityType: 'complaint_export', entityId: exportId, organisationId, details: { complaints, completed } },
          ]),
        );
      };
      try {
        await writeTable(request.format, output, headers, rows, { sheetName: request.kind === 'htcds' ? 'HTCDS' : t('sheetName'), beforeEnd: () => recordEnd(true) });
      } finally {
        // Also when the reader went away half-way: the log then says how far it got.
        if (!recorded) await recordEnd(false);
      }
      return complaints;
    },
  };
}
