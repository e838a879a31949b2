import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate } from '../../shared/i18n';
import { countryName } from '../countries';
import { CountrySelect, ErrorSummary, type FieldErrors, fieldId, Hint, TextField } from '../fields';
import { agreementYear, describe, groups, iloForbidsAllFees, type Item, type Overview, type Provision } from './describe';
import { apiQuery, type Choices, readChoices, sectors, useRightsCountryOptions, writeChoices } from './query';
import { useApiGet } from '../useApiGet';
import './rights.css';

/** The body of the "Know your rights" page: the worker's choices, then what applies to her, then where to get help. */
export default function RightsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [params, setParams] = useSearchParams();
  const chosen = useMemo(() => readChoices(params), [params]);
  const [form, setForm] = useState<Choices>(chosen);
  // The keys of the messages, not the messages: they follow a change of language at once.
  const [errorKeys, setErrorKeys] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const focusResults = useRef(false);
  const countries = useRightsCountryOptions(language, [chosen.origin, chosen.destination]);
  const query = apiQuery(chosen);
  const { loaded, retry } = useApiGet<Overview>(query ? `/api/v1/public/rights?${query}` : null, 'rights.networkError');

  // The address is the truth: going back or opening a shared link puts its choices into the form.
  useEffect(() => setForm(chosen), [chosen]);

  useEffect(() => {
    if (focusResults.current && query) {
      focusResults.current = false;
      resultsHeading.current?.focus();
    }
  }, [query, attempt]);

  const update = (change: Partial<Choices>) => setForm((current) => ({ ...current, ...change }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!form.origin) found.origin = 'rights.form.errors.origin';
    if (!form.destination) found.destination = 'rights.form.errors.destination';
    setErrorKeys(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    const next = writeChoices(form);
    focusResults.current = true;
    if (next.toString() !== writeChoices(chosen).toString()) setParams(next);
  }

  const errors: FieldErrors = Object.fromEntries(Object.entries(errorKeys).map(([path, key]) => [path, t(key)]));
  const hasErrors = Object.keys(errors).length > 0;
  const origin = chosen.origin && countryName(chosen.origin, language);
  const destination = chosen.destination && countryName(chosen.destination, language);

  return (
    <>
      {hasErrors && <ErrorSummary title={t('rights.form.errorSummary')} errors={errors} focusKey={attempt} />}

      <form className="pub-form" onSubmit={submit} noValidate>
        <fieldset className="step">
          <legend>{t('rights.form.legend')}</legend>
          <CountrySelect
            path="origin"
            label={t('rights.form.origin')}
            value={form.origin}
            onChange={(value) => update({ origin: value })}
            error={errors.origin}
            options={countries}
          />
          <CountrySelect
            path="destination"
            label={t('rights.form.destination')}
            hint={t('rights.form.destinationHint')}
            value={form.destination}
            onChange={(value) => update({ destination: value })}
            error={errors.destination}
            options={countries}
          />
          {form.destination === 'CA' && (
            <TextField
              path="region"
              label={t('rights.form.region')}
              hint={t('rights.form.regionHint')}
              optional
              value={form.region}
              onChange={(region) => update({ region })}
              maxLength={100}
            />
          )}
          <div>
            <label htmlFor={fieldId('sector')}>
              {t('rights.form.sector')}
              <span className="optional"> {t('common.optional')}</span>
            </label>
            <Hint path="sector">{t('rights.form.sectorHint')}</Hint>
            <select id={fieldId('sector')} value={form.sector} onChange={(event) => update({ sector: event.target.value })} aria-describedby={`${fieldId('sector')}-hint`}>
              <option value="">{t('rights.form.chooseSector')}</option>
              {sectors.map((sector) => (
                <option key={sector} value={sector}>
                  {t(`rights.sector.${sector}`)}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
        <button type="submit">{t('rights.form.submit')}</button>
      </form>

      {!query && <p className="rights-start">{t('rights.start')}</p>}

      {query && (
        <section className="rights-results" aria-labelledby="rights-results">
          <h2 id="rights-results" ref={resultsHeading} tabIndex={-1}>
            {t('rights.results.title', { origin, destination })}
          </h2>
          {chosen.region && <p className="hint">{t('rights.results.region', { region: chosen.region })}</p>}
          {loaded.status === 'loading' && <p role="status">{t('rights.loading')}</p>}
          {loaded.status === 'failed' && (
            <div className="alert" role="alert">
              <p>{loaded.message}</p>
              <button type="button" className="secondary" onClick={retry}>
                {t('rights.retry')}
              </button>
            </div>
          )}
          {loaded.status === 'ready' && (
            <Results overview={loaded.data} origin={chosen.origin} originName={origin} destinationName={destination} anySector={!chosen.sector || chosen.sector === 'other'} />
          )}
        </section>
      )}

      <section className="card rights-help" aria-labelledby="rights-help">
        <h2 id="rights-help">{t('rights.help.title')}</h2>
        <p>{t('rights.help.text')}</p>
        <div className="actions">
          <Link className="button" to="/complaint">
            {t('rights.help.complaint')}
          </Link>
          <Link className="button secondary" to="/help">
            {t('rights.help.help')}
          </Link>
        </div>
      </section>
    </>
  );
}

function Results(props: { overview: Overview; origin: string; originName: string; destinationName: string; anySector: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { overview, origin, originName, destinationName, anySector } = props;
  const items = describe(overview.provisions, origin, t, language);
  const agreements = overview.agreements;

  return (
    <>
      <p className="hint">{t('rights.results.onDate', { date: formatDate(overview.on, language) })}</p>

      <section aria-labelledby="rights-agreements">
        <h3 id="rights-agreements">{t('rights.agreements.title')}</h3>
        {agreements.length === 0 ? (
          <p className="notice">{t('rights.agreements.none', { origin: originName, destination: destinationName })}</p>
        ) : (
          <>
            <p>{t('rights.agreements.intro', { count: agreements.length })}</p>
            <ul className="rights-agreements">
              {agreements.map((agreement) => {
                const year = agreementYear(agreement);
                return (
                  <li key={agreement.id}>
                    <cite lang="en">{agreement.title}</cite>
                    {year && <span className="hint">{t('rights.agreements.since', { year })}</span>}
                    {agreement.status !== 'in_force' && <span className="hint">{t('rights.agreements.statusUnknown')}</span>}
                  </li>
                );
              })}
            </ul>
            {anySector && <p className="hint">{t('rights.results.anySector')}</p>}
          </>
        )}
        {language !== 'en' && <p className="hint">{t('rights.agreements.english')}</p>}
      </section>

      {items.length === 0 && <p>{t('rights.results.noProvisions')}</p>}

      {groups.map((group) => {
        const inGroup = items.filter((item) => item.group === group);
        if (inGroup.length === 0) return null;
        const id = `rights-group-${group}`;
        return (
          <section className="rights-group" key={group} aria-labelledby={id}>
            <h3 id={id}>{t(`rights.groups.${group}`)}</h3>
            <ul className="rights-items">
              {inGroup.map((item) => (
                <RightsItem key={item.key} item={item} />
              ))}
            </ul>
            {group === 'wages' && iloForbidsAllFees(overview.provisions) && inGroup.some((item) => item.provision.data.kind === 'deduction_cap') && (
              <p className="notice">{t('rights.wages.iloNote')}</p>
            )}
          </section>
        );
      })}
    </>
  );
}

function RightsItem({ item }: { item: Item }) {
  return (
    <li className="rights-item">
      <p>{item.text}</p>
      {item.list && (
        <ul>
          {item.list.map((entry) => (
            <li key={entry}>{entry}</li>
          ))}
        </ul>
      )}
      <Source provision={item.provision} />
    </li>
  );
}

/** Where a right comes from, small: the agreement and its clause as written (in English), or the ILO baseline. */
function Source({ provision }: { provision: Provision }) {
  const { t } = useTranslation();
  return (
    <p className="rights-source">
      {provision.baseline && <strong className="rights-baseline">{t('rights.source.baseline')}</strong>}
      <span className="rights-source-label">{t('rights.source.label')}</span>
      <cite lang="en">{provision.agreementTitle}</cite>
      <span lang="en">{provision.clause}</span>
    </p>
  );
}
