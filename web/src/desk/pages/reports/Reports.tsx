import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CountryOptions, PageHeading } from '../../components/ui';
import { useSession } from '../../session';
import '../dashboard/dashboard.css';

/** Choosing a report: the twice-yearly MRC report or the annual country report for the AFML. */
export function Reports() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { organisation } = useSession();
  const thisYear = new Date().getUTCFullYear();
  const years = Array.from({ length: 8 }, (_, i) => thisYear - i);
  const [mrc, setMrc] = useState({ year: String(thisYear), half: new Date().getUTCMonth() < 6 ? '1' : '2' });
  const [afml, setAfml] = useState({ year: String(thisYear - 1), country: organisation?.country ?? 'KH' });

  const openMrc = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/desk/reports/mrc?${new URLSearchParams(mrc)}`);
  };
  const openAfml = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/desk/reports/afml?${new URLSearchParams(afml)}`);
  };
  const yearSelect = (id: string, value: string, onChange: (value: string) => void) => (
    <div className="field">
      <label htmlFor={id}>{t('dashboard:report.year')}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {years.map((year) => (
          <option key={year} value={year}>{year}</option>
        ))}
      </select>
    </div>
  );

  return (
    <>
      <PageHeading title={t('dashboard:report.title')} />
      <p className="lead">{t('dashboard:report.intro')}</p>
      <form className="card" onSubmit={openMrc} aria-labelledby="report-mrc">
        <h2 id="report-mrc">{t('dashboard:report.mrc')}</h2>
        <p className="hint">{t('dashboard:report.mrcHelp')}</p>
        <div className="fields">
          {yearSelect('mrc-year', mrc.year, (year) => setMrc((current) => ({ ...current, year })))}
          <div className="field">
            <label htmlFor="mrc-half">{t('dashboard:report.half')}</label>
            <select id="mrc-half" value={mrc.half} onChange={(event) => setMrc((current) => ({ ...current, half: event.target.value }))}>
              <option value="1">{t('dashboard:report.half1')}</option>
              <option value="2">{t('dashboard:report.half2')}</option>
            </select>
          </div>
        </div>
        <div className="actions">
          <button type="submit">{t('dashboard:report.open')}</button>
        </div>
      </form>
      <form className="card" onSubmit={openAfml} aria-labelledby="report-afml">
        <h2 id="report-afml">{t('dashboard:report.afml')}</h2>
        <p className="hint">{t('dashboard:report.afmlHelp')}</p>
        <div className="fields">
          {yearSelect('afml-year', afml.year, (year) => setAfml((current) => ({ ...current, year })))}
          <div className="field">
            <label htmlFor="afml-country">{t('dashboard:report.country')}</label>
            <select id="afml-country" value={afml.country} onChange={(event) => setAfml((current) => ({ ...current, country: event.target.value }))}>
              <CountryOptions />
            </select>
          </div>
        </div>
        <div className="actions">
          <button type="submit">{t('dashboard:report.open')}</button>
        </div>
      </form>
    </>
  );
}
