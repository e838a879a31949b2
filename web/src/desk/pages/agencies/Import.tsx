import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError } from '../../../shared/api';
import { formatBytes, formatNumber } from '../../components/codes';
import { AgencyLinks } from '../../components/agencies/helpers';
import { CheckAndImport, RejectedRows, ReportHeading } from '../../components/ImportParts';
import { type ImportReport, importFields } from '../../components/agencies/types';
import { CountrySelect, ErrorAlert, Field, PageHeading, useErrorMessage } from '../../components/ui';
import { useSession } from '../../session';

/** Rejected rows shown on the page; a list with more says how many are left out. */
const shownRejected = 500;

function Report({ report }: { report: ImportReport }) {
  const { t, i18n } = useTranslation('agencies');
  const n = (value: number) => formatNumber(value, i18n.language);
  const verb = report.dryRun ? 'check' : 'done';
  return (
    <section aria-labelledby="import-report-heading" className="card">
      <ReportHeading>{report.dryRun ? t('import.report.checkTitle') : t('import.report.doneTitle')}</ReportHeading>
      <p>{report.dryRun ? t('import.report.checkHint') : t('import.report.doneHint')}</p>
      <dl className="summary-list">
        <dt>{t('import.report.total')}</dt>
        <dd>{n(report.total)}</dd>
        <dt>{t(`import.report.${verb}.created`)}</dt>
        <dd>{n(report.created)}</dd>
        <dt>{t(`import.report.${verb}.updated`)}</dt>
        <dd>{n(report.updated)}</dd>
        <dt>{t('import.report.unchanged')}</dt>
        <dd>{n(report.unchanged)}</dd>
        <dt>{t('import.report.rejected')}</dt>
        <dd>{n(report.rejected.length)}</dd>
      </dl>

      <h3 id="import-columns-heading">{t('import.report.columnsTitle')}</h3>
      <div className="table-scroll">
        <table aria-labelledby="import-columns-heading">
          <thead>
            <tr>
              <th scope="col">{t('import.report.field')}</th>
              <th scope="col">{t('import.report.header')}</th>
            </tr>
          </thead>
          <tbody>
            {importFields.map((field) => (
              <tr key={field}>
                <th scope="row">{t(`import.field.${field}`)}</th>
                <td>{report.columns[field] ? `“${report.columns[field]}”` : <span className="hint">{t('import.report.notFound')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3 id="import-rejected-heading">{t('import.report.rejectedTitle', { count: report.rejected.length, formatted: n(report.rejected.length) })}</h3>
      {report.rejected.length === 0 ? (
        <p>{t('import.report.noneRejected')}</p>
      ) : (
        <>
          <p className="hint">{t('import.report.rejectedHint')}</p>
          {report.rejected.length > shownRejected && <p>{t('import.report.firstRows', { count: shownRejected, formatted: n(shownRejected), total: n(report.rejected.length) })}</p>}
          <RejectedRows rows={report.rejected} shown={shownRejected} format={n}
            reasonText={(reason) => t(`import.reason.${reason.code}`, { value: reason.value ?? '', defaultValue: reason.code })}
            labels={{ line: t('import.report.line'), reasons: t('import.report.reasons') }} />
        </>
      )}
    </section>
  );
}

export function Import() {
  const { t, i18n } = useTranslation('agencies');
  const { user, organisation } = useSession();
  const errorMessage = useErrorMessage();
  const [file, setFile] = useState<File | null>(null);
  const [country, setCountry] = useState(organisation?.country ?? '');
  const [mapping, setMapping] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  /** What the last successful check was of: the import is offered for exactly that list, country and mapping. */
  const [checked, setChecked] = useState<string | null>(null);
  const reportKey = useRef(0);

  const signature = file ? JSON.stringify([file.name, file.size, file.lastModified, country, mapping.trim()]) : null;
  const canImport = signature !== null && signature === checked;

  const run = async (dryRun: boolean) => {
    setError(null);
    const problems: Record<string, string> = {};
    if (!file) problems.file = t('import.errors.file');
    if (!country) problems.country = t('import.errors.country');
    if (mapping.trim()) {
      try {
        const parsed: unknown = JSON.parse(mapping);
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) problems.mapping = t('import.errors.mapping');
      } catch {
        problems.mapping = t('import.errors.mapping');
      }
    }
    setErrors(problems);
    const first = Object.keys(problems)[0];
    if (first) {
      requestAnimationFrame(() => document.getElementById(`import-${first}`)?.focus());
      return;
    }
    const body = new FormData();
    body.set('country', country);
    body.set('dryRun', dryRun ? 'true' : 'false');
    if (mapping.trim()) body.set('mapping', mapping.trim());
    body.set('file', file!);
    setBusy(dryRun ? 'check' : 'import');
    try {
      const result = await api<ImportReport>('POST', '/api/v1/agencies/import', body);
      setReport(result);
      reportKey.current += 1;
      setChecked(dryRun ? signature : null);
    } catch (caught) {
      if (caught instanceof ApiError) {
        const fields = caught.fieldErrors();
        if (caught.code === 'evidence_missing') fields.file = caught.message;
        setErrors(fields);
        const key = Object.keys(fields)[0];
        if (key) requestAnimationFrame(() => document.getElementById(`import-${key}`)?.focus());
      }
      setError(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(true);
  };

  if (user.role !== 'system_admin') {
    return (
      <>
        <PageHeading title={t('import.title')} />
        <AgencyLinks />
        <p className="alert" role="alert">
          {t('import.notAllowed')} <Link to="/desk/agencies">{t('links.search')}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeading title={t('import.title')} />
      <AgencyLinks />
      <p>{t('import.intro')}</p>
      <form className="card" onSubmit={submit} noValidate aria-labelledby="import-form-heading">
        <h2 id="import-form-heading" style={{ marginTop: 0 }}>{t('import.formTitle')}</h2>
        <Field id="import-file" label={t('import.file')} hint={t('import.fileHint')} required error={errors.file} render={(p) => (
          <input {...p} type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        )} />
        {file && <p className="hint">{t('import.fileChosen', { name: file.name, size: formatBytes(file.size, i18n.language) })}</p>}
        <CountrySelect id="import-country" label={t('import.country')} value={country} onChange={setCountry} required error={errors.country} />
        <Field id="import-mapping" label={t('import.mapping')} hint={t('import.mappingHint')} error={errors.mapping} render={(p) => (
          <textarea {...p} spellCheck={false} placeholder={t('import.mappingExample')}
            value={mapping} onChange={(e) => setMapping(e.target.value)} style={{ fontFamily: 'ui-monospace, monospace' }} />
        )} />
        <ErrorAlert message={error} />
        <CheckAndImport busy={busy} canImport={canImport} onImport={() => void run(false)}
          labels={{ hint: t('import.buttonsHint'), check: t('import.check'), import: t('import.import'), checking: t('import.checking'), importing: t('import.importing') }} />
      </form>
      {report && <Report key={reportKey.current} report={report} />}
    </>
  );
}
