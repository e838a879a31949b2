import { z } from 'zod';
import { listQuerySchema } from '../complaints/schema';
import { importFieldKeys } from './columns';

/**
 * The filters of an export: those of the complaint list, without paging and without the search text `q` (a
 * search matches names and narratives; an export of "everyone called …" is not offered).
 */
export const exportQuerySchema = listQuerySchema.omit({ q: true, limit: true, cursor: true }).extend({
  personal: z
    .enum(['true', 'false'])
    .default('false')
    .meta({ description: 'true: with names, contacts, documents and narratives (supervisors only); false: de-identified' }),
  lang: z.string().max(35).optional().meta({ description: 'Language of the column headers; Accept-Language otherwise' }),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;

export const importFieldSchema = z.enum(importFieldKeys);

/** What `--map` (or the desk's column mapping) says about a file. */
export const complaintImportMappingSchema = z
  .object({
    columns: z.partialRecord(importFieldSchema, z.string().max(200)).optional().meta({ description: 'For a field, the header of the column holding it (overrides the guess)' }),
    defaults: z.partialRecord(importFieldSchema, z.string().max(2000)).optional().meta({ description: 'A value for a field the file has no column for (or an empty cell): {"channel": "walk_in"}' }),
    values: z
      .record(z.string().max(200), z.string().max(100))
      .optional()
      .meta({ description: 'Words of the file mapped to Lintas codes: {"gaji tidak dibayar": "unpaid_wages"}' }),
  })
  .meta({ id: 'ComplaintImportMapping' });
export type ComplaintImportMapping = z.infer<typeof complaintImportMappingSchema>;

export const importReasonCodes = [
  'missing',
  'unknown_code',
  'bad_date',
  'bad_number',
  'bad_amount',
  'bad_yes_no',
  'bad_json',
  'list_length',
  'invalid',
  'reference_taken',
  'duplicate_in_file',
] as const;
export type ImportReasonCode = (typeof importReasonCodes)[number];

export const importReasonSchema = z.object({
  code: z.enum(importReasonCodes),
  field: z.string().nullable().meta({ description: 'The import field the reason is about' }),
  item: z.number().int().optional().meta({ description: 'For list fields, the line (from 1) inside the cell' }),
  value: z.string().optional(),
  rule: z.string().optional().meta({ description: 'For `invalid`: the validation rule, translated as `validation.<rule>` in the server namespace' }),
});
export type ImportReason = z.infer<typeof importReasonSchema>;

export const complaintImportReportSchema = z
  .object({
    dryRun: z.boolean(),
    total: z.number().int().meta({ description: 'Rows read below the header' }),
    imported: z.number().int().meta({ description: 'Complaints written (on a dry run: that would be written)' }),
    duplicates: z.number().int().meta({ description: 'Rows already imported (same reference or key): skipped' }),
    rejected: z.array(z.object({ line: z.number().int(), reasons: z.array(importReasonSchema) })),
    headers: z.array(z.string()),
    columns: z.partialRecord(importFieldSchema, z.string()).meta({ description: 'The column each field was read from' }),
    fields: z.array(importFieldSchema).meta({ description: 'Every field an import can read' }),
  })
  .meta({ id: 'ComplaintImportReport' });
export type ComplaintImportReport = z.infer<typeof complaintImportReportSchema>;
