import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session';

const exportRoles = ['desk_officer', 'case_manager', 'supervisor', 'analyst'];

/**
 * Download links for the complaints a list shows (its filters, as a query string): CSV, Excel and HTCDS.
 * Plain links, so the browser streams the file to disk however large it is. Files are de-identified unless a
 * supervisor ticks the box for personal data; the server checks the role again and audits every download.
 */
export function ExportButtons({ query }: { query: string }) {
  const { t, i18n } = useTranslation('exchange');
  const { user } = useSession();
  const [personal, setPersonal] = useState(false);
  const id = useId();
  if (!exportRoles.includes(user.role)) return null;
  const params = new URLSearchParams(query);
  const searching = params.has('q');
  params.delete('q');
  params.set('lang', i18n.language);
  if (personal) params.set('personal', 'true');
  const href = (file: string) => `/api/v1/exports/${file}?${params.toString()}`;
  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="export-buttons">
      <h2 id={`${id}-heading`} style={{ marginTop: 0, fontSize: '1.1rem' }}>{t('export.title')}</h2>
      {user.role === 'supervisor' && (
        <p>
          <label>
            <input type="checkbox" checked={personal} onChange={(event) => setPersonal(event.target.checked)} /> {t('export.personal')}
          </label>
        </p>
      )}
      <p className="hint">{personal ? t('export.audited') : `${t('export.deidentified')} ${t('export.audited')}`}</p>
      {searching && <p className="hint">{t('export.searchIgnored')}</p>}
      <div className="actions">
        <a className="button secondary" href={href('complaints.csv')} download>{t('export.csv')}</a>
        <a className="button secondary" href={href('complaints.xlsx')} download>{t('export.xlsx')}</a>
        <a className="button secondary" href={href('htcds.csv')} download>{t('export.htcds')}</a>
      </div>
    </section>
  );
}
