import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api } from '../../shared/api';
import { formatDate } from '../../shared/i18n';
import { countryName } from '../countries';
import { ErrorSummary, type FieldErrors, TextField } from '../fields';
import '../public.css';
import { usePageTitle } from '../usePageTitle';

interface TrackedReferral {
  kind: 'referral' | 'transfer';
  state: 'pending' | 'accepted' | 'declined' | 'withdrawn' | 'completed';
  /** Null when the desk chose not to name it (naming it could endanger the worker). */
  organisation: string | null;
  country: string | null;
  since: string;
  /** A transferred case's state at the organisation that took it over. */
  progress: string | null;
}

interface TrackResult {
  reference: string;
  state: string;
  lastUpdatedAt: string;
  referrals: TrackedReferral[];
}

/** Where the case went, in plain words: who (or "another organisation"), whether they agreed, and the state there. */
function Referrals({ referrals }: { referrals: TrackedReferral[] }) {
  const { t, i18n } = useTranslation();
  if (referrals.length === 0) return null;
  const who = (r: TrackedReferral) =>
    r.organisation ? (r.country ? t('track.sent.named', { name: r.organisation, country: countryName(r.country, i18n.language) }) : r.organisation) : t('track.sent.another');
  return (
    <div data-testid="track-referrals">
      <h3>{t('track.sent.title')}</h3>
      <ul className="plain-list">
        {referrals.map((r, index) => (
          <li key={index}>
            {t(`track.sent.${r.kind}_${r.state}`, { organisation: who(r) })}
            {r.kind === 'transfer' && r.progress && (
              <>
                {' '}
                {t('track.sent.progress', { state: t(`server:state.${r.progress}`) })}
              </>
            )}
            <span className="hint">{t('track.sent.since', { date: formatDate(r.since, i18n.language) })}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** States after which the worker may need help elsewhere. */
const finished = new Set(['closed', 'inadmissible', 'withdrawn']);
/** Closed here because another organisation took the case over: the worker is not left without help. */
const handedOver = (result: TrackResult) => (result.referrals ?? []).some((r) => r.kind === 'transfer' && r.state === 'accepted');

export function Track() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('track.title'));
  const [params] = useSearchParams();
  const [reference, setReference] = useState(() => params.get('reference') ?? '');
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<TrackResult>();
  const resultHeading = useRef<HTMLHeadingElement>(null);

  // A link to /track?reference=… (from the page shown after filing) fills the reference in, even when already here.
  const linked = params.get('reference');
  useEffect(() => {
    if (linked) setReference(linked);
  }, [linked]);

  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (checking) return;
    const found: FieldErrors = {};
    if (reference.trim().length < 4) found.reference = t('errors.reference');
    if (!/^\d{6}$/.test(pin.trim())) found.pin = t('errors.pin');
    setErrors(found);
    setFormError(undefined);
    setResult(undefined);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    setChecking(true);
    try {
      setResult(await api<TrackResult>('POST', '/api/v1/public/track', { reference: reference.trim(), pin: pin.trim() }));
    } catch (error) {
      if (error instanceof ApiError) {
        setErrors(error.fieldErrors());
        setFormError(error.message);
      } else {
        setFormError(t('errors.network'));
      }
      setAttempt((n) => n + 1);
    } finally {
      setChecking(false);
    }
  }

  const hasProblems = formError !== undefined || Object.keys(errors).length > 0;

  return (
    <>
      <h1>{t('track.title')}</h1>
      <p className="lead">{t('track.intro')}</p>
      {hasProblems && <ErrorSummary title={formError ?? t('form.errorSummary')} errors={errors} focusKey={attempt} />}
      <form className="pub-form card" onSubmit={submit} noValidate>
        <TextField
          path="reference"
          label={t('track.reference')}
          hint={t('track.referenceHint')}
          value={reference}
          onChange={setReference}
          error={errors.reference}
          maxLength={40}
          autoComplete="off"
        />
        <TextField
          path="pin"
          label={t('track.pin')}
          hint={t('track.pinHint')}
          value={pin}
          onChange={(value) => setPin(value.replace(/\D/g, ''))}
          error={errors.pin}
          maxLength={6}
          inputMode="numeric"
          autoComplete="off"
        />
        <div className="actions">
          <button type="submit" disabled={checking}>
            {checking ? t('track.checking') : t('track.submit')}
          </button>
        </div>
      </form>

      {result && (
        <section className="card" aria-labelledby="track-result">
          <h2 id="track-result" ref={resultHeading} tabIndex={-1}>
            {t('track.resultTitle', { reference: result.reference })}
          </h2>
          <div className="state-box" data-testid="track-state">
            <strong>{t(`server:state.${result.state}`)}</strong>
            <p>{handedOver(result) ? t('track.sent.handedOver') : t(`track.state.${result.state}`)}</p>
          </div>
          <p className="hint">{t('track.lastUpdate', { date: formatDate(result.lastUpdatedAt, i18n.language) })}</p>
          <Referrals referrals={result.referrals ?? []} />
          {finished.has(result.state) && !handedOver(result) && (
            <p>
              <Link to="/help">{t('track.needHelp')}</Link>
            </p>
          )}
        </section>
      )}
    </>
  );
}
