import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError } from '../../shared/api';
import { formatNumber } from '../components/codes';
import { CheckAndImport, RejectedRows, ReportHeading } from '../components/ImportParts';
import { ErrorAlert, Field, PageHeading, useErrorMessage } from '../components/ui';
import { useSession } from '../session';

/** The answer of POST /api/v1/imports/complaints (ComplaintImportReport in the API document). */
interface ImportReason {
  code: string;
  field: string | null;
  item?: number;
  value?: string;
  rule?: string;
}
interface ImportReport {
  dryRun: boolean;
  total: number;
  imported: number;
  duplicates: number;
  rejected: Array<{ line: number; reasons: ImportReason[] }>;
  headers: string[];
  columns: Record<string, string>;
  fields: string[];
}

const importRoles = ['case_manager', 'supervisor'];
/** Rejected rows shown on the page; the count says how many there are in all. */
const shownRejected = 500;

function useReasonText() {
  const { t } = useTranslation('exchange');
  return (reason: ImportReason) => {
    const label = reason.field ? t(`columns.${reason.field}`) : '';
    const field = reason.item !== undefined ? t('fieldItem', { field: label, item: reason.item }) : label;
    const text = t(`importReason.${reason.code}`, { field, value: reason.value ?? '', defaultValue: reason.code });
    return reason.rule ? `${text} (${t(`server:validation.${reason.rule}`, { defaultValue: t('server:validation.invalid') })})` : text;
  };
}

function Report({ report }: { report: ImportReport }) {
  const { t, i18n } = useTranslation('exchange');
  const reasonText = useReasonText();
  const n = (value: number) => formatNumber(value, i18n.language);
  return (
    <section aria-labelledby="import-report-heading" className="card" data-testid="import-report">
      <ReportHeading>{report.dryRun ? t('import.checkTitle') : t('import.doneTitle')}</ReportHeading>
      {report.dryRun && <p>{t('import.checkHint')}</p>}
      <dl className="summary-list">
        <dt>{t('import.total')}</dt>
        <dd>{n(report.total)}</dd>
        <dt>{report.dryRun ? t('import.toImport') : t('import.imported')}</dt>
        <dd data-testid="import-count">{n(report.imported)}</dd>
        <dt>{t('import.duplicates')}</dt>
        <dd>{n(report.duplicates)}</dd>
        <dt>{t('import.rejected')}</dt>
        <dd>{n(report.rejected.length)}</dd>
      </dl>
      {!report.dryRun && (
        <p>
          <Link to="/desk/complaints">{t('import.viewList')}</Link>
        </p>
      )}
      <h3 id="import-rejected-heading">{t('import.rejected')}</h3>
      {report.rejected.length === 0 ? (
        <p>{t('import.noneRejected')}</p>
      ) : (
        <RejectedRows rows={report.rejected} shown={shownRejected} reasonText={reasonText} format={n} labels={{ line: t('import.line'), reasons: t('import.reasons') }} />
      )}
    </section>
  );
}

/** Complaints from a CSV or Excel file: check (a dry run listing each bad row), correct the columns, import. */
export function ImportComplaints() {
  const { t } = useTranslation('exchange');
  const { user } = useSession();
  const errorMessage = useErrorMessage();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  /** The column chosen for each field ("" for none), once a check has answered the file's headers. */
  const [columns, setColumns] = useState<Record<string, string> | null>(null);
  const [fields, setFields] = useState<string[]>([]);
  const [headers, setHeaders] = useState<string[]>([]);
  /** What the last check was of: the import is offered for exactly that file and those columns. */
  const [checked, setChecked] = useState<string | null>(null);
  const reportKey = useRef(0);

  const signature = file ? JSON.stringify([file.name, file.size, file.lastModified, columns]) : null;
  const canImport = signature !== null && signature === checked;

  const run = async (dryRun: boolean) => {
    setError(null);
    if (!file) {
      setFileError(t('import.fileMissing'));
      requestAnimationFrame(() => document.getElementById('import-file')?.focus());
      return;
    }
    setFileError(undefined);
    const body = new FormData();
    body.set('dryRun', dryRun ? 'true' : 'false');
    if (columns) body.set('mapping', JSON.stringify({ columns }));
    body.set('file', file);
    setBusy(dryRun ? 'check' : 'import');
    try {
      const result = await api<ImportReport>('POST', '/api/v1/imports/complaints', body);
      setReport(result);
      reportKey.current += 1;
      const chosen = Object.fromEntries(result.fields.map((field) => [field, result.columns[field] ?? '']));
      setFields(result.fields);
      setHeaders(result.headers);
      setColumns(chosen);
      setChecked(dryRun ? JSON.stringify([file.name, file.size, file.lastModified, chosen]) : null);
    } catch (caught) {
      if (caught instanceof ApiError && (caught.code === 'evidence_missing' || caught.code === 'import_file_unreadable')) setFileError(caught.message);
      setError(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  };

  const chooseFile = (chosen: File | null) => {
    setFile(chosen);
    setColumns(null);
    setReport(null);
    setChecked(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(true);
  };

  if (!importRoles.includes(user.role)) {
    return (
      <>
        <PageHeading title={t('import.title')} />
        <p className="alert" role="alert">{t('import.notAllowed')}</p>
      </>
    );
  }
  return (
    <>
      <PageHeading title={t('import.title')} />
      <p>{t('import.intro')}</p>
      <form className="card" onSubmit={submit} noValidate>
        <Field id="import-file" label={t('import.file')} hint={t('import.fileHint')} required error={fileError} render={(p) => (
          <input {...p} type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => chooseFile(e.target.files?.[0] ?? null)} />
        )} />
        {columns && (
          <fieldset>
            <legend>{t('import.mappingTitle')}</legend>
            <p className="hint">{t('import.mappingHint')}</p>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('import.field')}</th>
                    <th scope="col">{t('import.column')}</th>
                  </tr>
                </thead>
                <tbody>
                  {fields.map((field) => (
                    <tr key={field}>
                      <th scope="row"><label htmlFor={`import-column-${field}`}>{t(`columns.${field}`)}</label></th>
                      <td>
                        <select id={`import-column-${field}`} value={columns[field] ?? ''} onChange={(e) => setColumns({ ...columns, [field]: e.target.value })}>
                          <option value="">{t('import.notInFile')}</option>
                          {headers.map((header) => (
                            <option key={header} value={header}>{header}</option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </fieldset>
        )}
        <ErrorAlert message={error} />
        <CheckAndImport busy={busy} canImport={canImport} onImport={() => void run(false)}
          labels={{ hint: t('import.checkFirst'), check: t('import.check'), import: t('import.import'), checking: t('import.checking'), importing: t('import.importing') }} />
      </form>
      {report && <Report key={reportKey.current} report={report} />}
    </>
  );
}
