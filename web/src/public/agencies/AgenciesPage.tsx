import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorSummary, type FieldErrors, TextField } from '../fields';
import { useApiGet } from '../useApiGet';
import { type Agency, maxQueryLength, readQuery } from './agency';
import { AgencyCard } from './AgencyCard';
import './agencies.css';

/** The body of the agency look-up: the search, what the official lists say about each agency found, and advice before paying. */
export default function AgenciesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const [text, setText] = useState(query);
  // The key of the message, not the message: it follows a change of language at once.
  const [errorKey, setErrorKey] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const { loaded, retry } = useApiGet<{ items: Agency[] }>(query.length < 2 ? null : `/api/v1/public/agencies?${new URLSearchParams({ q: query })}`, 'agencies.results.networkError');
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const focusResults = useRef(false);

  // The address is the truth: going back or opening a shared link puts its search into the box.
  useEffect(() => setText(query), [query]);

  useEffect(() => {
    if (focusResults.current && query) {
      focusResults.current = false;
      resultsHeading.current?.focus();
    }
  }, [query, attempt]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = text.trim();
    setAttempt((n) => n + 1);
    if (next.length < 2) {
      setErrorKey('agencies.form.tooShort');
      return;
    }
    setErrorKey(undefined);
    focusResults.current = true;
    // The same search again looks again: the list may have changed, or the last try failed.
    if (next === query) retry();
    else setParams({ q: next });
  }

  const errors: FieldErrors = errorKey ? { q: t(errorKey) } : {};

  return (
    <>
      {errorKey && <ErrorSummary title={t('agencies.form.errorSummary')} errors={errors} focusKey={attempt} />}

      <form className="pub-form agencies-search" role="search" onSubmit={submit} noValidate>
        <TextField
          path="q"
          label={t('agencies.form.label')}
          hint={t('agencies.form.hint')}
          value={text}
          onChange={setText}
          error={errors.q}
          maxLength={maxQueryLength}
          autoComplete="off"
        />
        <button type="submit">{t('agencies.form.submit')}</button>
      </form>

      {!query && <p className="agencies-start">{t('agencies.start')}</p>}

      {query && (
        <section className="agencies-results" aria-labelledby="agencies-results">
          <h2 id="agencies-results" ref={resultsHeading} tabIndex={-1}>
            {t('agencies.results.title', { query })}
          </h2>
          {query.length < 2 && <p>{t('agencies.form.tooShort')}</p>}
          {loaded.status === 'loading' && <p role="status">{t('agencies.results.searching')}</p>}
          {loaded.status === 'failed' && (
            <div className="alert" role="alert">
              <p>{loaded.message}</p>
              <button type="button" className="secondary" onClick={retry}>
                {t('agencies.results.retry')}
              </button>
            </div>
          )}
          {loaded.status === 'ready' && loaded.data.items.length === 0 && (
            <p className="agencies-empty" role="status">
              {t('agencies.results.empty')}
            </p>
          )}
          {loaded.status === 'ready' && loaded.data.items.length > 0 && (
            <>
              <p role="status">{t('agencies.results.found', { count: loaded.data.items.length })}</p>
              <ul className="agencies-list" aria-labelledby="agencies-results">
                {loaded.data.items.map((agency) => (
                  <AgencyCard key={agency.id} agency={agency} />
                ))}
              </ul>
              <p className="hint">{t('agencies.results.source')}</p>
            </>
          )}
        </section>
      )}

      <section className="card agencies-advice" aria-labelledby="agencies-advice">
        <h2 id="agencies-advice">{t('agencies.advice.title')}</h2>
        <ul className="plain-list">
          <li>{t('agencies.advice.licence')}</li>
          <li>{t('agencies.advice.fees')}</li>
          <li>{t('agencies.advice.receipts')}</li>
        </ul>
        <div className="actions">
          <Link className="button" to="/rights">
            {t('agencies.advice.rights')}
          </Link>
          <Link className="button secondary" to="/complaint">
            {t('agencies.advice.complaint')}
          </Link>
        </div>
      </section>
    </>
  );
}
