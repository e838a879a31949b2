import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, api } from '../../shared/api';
import {
  clearDraft,
  complainantTypes,
  type Draft,
  grievanceGroups,
  loadDraft,
  maxWorkers,
  newWorker,
  reliefTypes,
  type RespondentType,
  respondentTypes,
  saveDraft,
  sexes,
  stages,
  emptyDraft,
} from '../complaintDraft';
import { useCountryOptions } from '../countries';
import { ChoiceGroup, CountrySelect, ErrorSummary, type FieldErrors, fieldId, TextField } from '../fields';
import '../public.css';
import { usePageTitle } from '../usePageTitle';

interface Created {
  reference: string;
  pin: string;
}

const resultKey = 'lintas.complaintResult';
const phonePattern = /^\+?[0-9 ()-]{4,24}$/;

/** The reference and PIN stay in this tab (sessionStorage) so that a reload does not lose them before they are written down. */
function loadResult(): Created | undefined {
  try {
    const saved = JSON.parse(sessionStorage.getItem(resultKey) ?? 'null') as Created | null;
    return saved && typeof saved.reference === 'string' && typeof saved.pin === 'string' ? saved : undefined;
  } catch {
    return undefined;
  }
}

const toggle = (list: string[], value: string, checked: boolean) =>
  checked ? (list.includes(value) ? list : [...list, value]) : list.filter((v) => v !== value);

export function FileComplaint() {
  const [result, setResult] = useState<Created | undefined>(loadResult);
  if (result) {
    return (
      <Done
        result={result}
        onAnother={() => {
          try {
            sessionStorage.removeItem(resultKey);
          } catch {
            // Nothing was kept.
          }
          setResult(undefined);
        }}
      />
    );
  }
  return (
    <ComplaintForm
      onCreated={(created) => {
        try {
          sessionStorage.setItem(resultKey, JSON.stringify(created));
        } catch {
          // The result is still shown; it is only not kept across a reload.
        }
        setResult(created);
      }}
    />
  );
}

function ComplaintForm({ onCreated }: { onCreated: (created: Created) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  usePageTitle(t('form.title'));
  const countries = useCountryOptions(language);
  const [draft, setDraft] = useState<Draft>(loadDraft);
  const [website, setWebsite] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState(false);
  const [clientChecked, setClientChecked] = useState(false);
  const focusAfterRender = useRef<string>(undefined);

  useEffect(() => saveDraft(draft), [draft]);
  useEffect(() => {
    if (focusAfterRender.current) document.getElementById(focusAfterRender.current)?.focus();
    focusAfterRender.current = undefined;
  });

  const update = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));
  const updateWorker = (index: number, change: Partial<Draft['workers'][number]>) =>
    setDraft((current) => ({ ...current, workers: current.workers.map((w, i) => (i === index ? { ...w, ...change } : w)) }));
  const self = draft.complainantType === 'worker';

  function validate(): FieldErrors {
    const found: FieldErrors = {};
    if (!self && draft.complainantName.length > 200) found['complainant.name'] = t('errors.tooLong');
    if (draft.phone.trim() && !phonePattern.test(draft.phone.trim())) found['complainant.phone'] = t('errors.phone');
    draft.workers.forEach((worker, index) => {
      if (!worker.name.trim()) found[`workers.${index}.name`] = t('errors.workerName', { number: index + 1 });
      if (!worker.sex) found[`workers.${index}.sex`] = t('errors.sex', { number: index + 1 });
    });
    if (!draft.origin) found.origin = t('errors.origin');
    if (!draft.destination) found.destination = t('errors.destination');
    if (!draft.stage) found.stage = t('errors.stage');
    if (draft.grievances.length === 0) found.grievances = t('errors.grievances');
    if (!draft.narrative.trim()) found['narrative.text'] = t('errors.narrative');
    if (!draft.consent.services) found['consent.services'] = t('errors.consentServices');
    return found;
  }

  // Messages found here (not by the server) follow a change of language at once.
  useEffect(() => {
    if (clientChecked) setErrors(validate());
  }, [language]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    const found = validate();
    setErrors(found);
    setClientChecked(Object.keys(found).length > 0);
    setFormError(undefined);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;

    // Respondents are sent only where a name was written; remember which field each one came from for server errors.
    const named = respondentTypes.filter((type) => draft.respondents[type].trim());
    const body = {
      complainant: {
        type: draft.complainantType,
        name: (self ? draft.workers[0].name : draft.complainantName).trim() || undefined,
        phone: draft.phone.trim() || undefined,
      },
      workers: draft.workers.map((w) => ({
        name: w.name.trim(),
        sex: w.sex,
        nationality: w.nationality || undefined,
        languages: [language],
      })),
      respondents: named.map((type) => ({ type, name: draft.respondents[type].trim() })),
      origin: draft.origin,
      destination: draft.destination,
      stage: draft.stage,
      grievances: draft.grievances,
      narrative: { text: draft.narrative.trim(), language },
      reliefSought: draft.relief.map((type) => ({ type })),
      consent: draft.consent,
      website,
    };
    setSending(true);
    try {
      const created = await api<Created>('POST', '/api/v1/public/complaints', body);
      clearDraft();
      onCreated(created);
    } catch (error) {
      if (error instanceof ApiError) {
        const mapped: FieldErrors = {};
        for (const [path, message] of Object.entries(error.fieldErrors())) {
          const respondent = /^respondents\.(\d+)/.exec(path);
          const key = respondent ? `respondents.${named[Number(respondent[1])] ?? 'recruitment_agency'}` : path.startsWith('consent') ? 'consent.services' : path;
          mapped[key] ??= message;
        }
        setErrors(mapped);
        setFormError(error.message);
      } else {
        setFormError(t('errors.network'));
      }
      setAttempt((n) => n + 1);
    } finally {
      setSending(false);
    }
  }

  function startAgain() {
    if (!window.confirm(t('form.clearConfirm'))) return;
    clearDraft();
    setDraft(emptyDraft());
    setErrors({});
    setClientChecked(false);
    setFormError(undefined);
  }

  const hasProblems = formError !== undefined || Object.keys(errors).length > 0;

  return (
    <>
      <h1>{t('form.title')}</h1>
      <p className="lead">{t('form.intro')}</p>
      <p className="hint">{t('form.draftNote')}</p>

      {hasProblems && <ErrorSummary title={formError ?? t('form.errorSummary')} errors={errors} focusKey={attempt} />}

      <form className="pub-form" onSubmit={submit} noValidate>
        <fieldset className="step">
          <legend>{t('form.who.legend')}</legend>
          <ChoiceGroup
            className="sub"
            path="complainant.type"
            legend={t('form.who.question')}
            kind="radio"
            name="complainantType"
            choices={complainantTypes.map((type) => ({ value: type, label: t(`form.who.${type}`) }))}
            selected={[draft.complainantType]}
            onToggle={(value) => update({ complainantType: value })}
            error={errors['complainant.type']}
          />
          {!self && (
            <TextField
              path="complainant.name"
              label={t('form.who.name')}
              optional
              value={draft.complainantName}
              onChange={(complainantName) => update({ complainantName })}
              error={errors['complainant.name']}
              maxLength={200}
              autoComplete="name"
            />
          )}
          <TextField
            path="complainant.phone"
            label={t('form.who.phone')}
            hint={t('form.who.phoneHint')}
            optional
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            value={draft.phone}
            onChange={(phone) => update({ phone })}
            error={errors['complainant.phone']}
            maxLength={24}
          />
        </fieldset>

        <fieldset className="step">
          <legend>{t('form.workers.legend')}</legend>
          <p className="hint">{self ? t('form.workers.hintSelf') : t('form.workers.hintOther')}</p>
          {draft.workers.map((worker, index) => (
            <fieldset className="person" key={worker.key}>
              <legend>{t('form.workers.item', { number: index + 1 })}</legend>
              <TextField
                path={`workers.${index}.name`}
                label={t('form.workers.name')}
                hint={t('form.workers.nameHint')}
                value={worker.name}
                onChange={(name) => updateWorker(index, { name })}
                error={errors[`workers.${index}.name`]}
                maxLength={200}
              />
              <ChoiceGroup
                className="sub"
                path={`workers.${index}.sex`}
                legend={t('form.workers.sex')}
                kind="radio"
                name={`sex-${worker.key}`}
                choices={sexes.map((sex) => ({ value: sex, label: t(`server:sex.${sex}`) }))}
                selected={[worker.sex]}
                onToggle={(sex) => updateWorker(index, { sex })}
                error={errors[`workers.${index}.sex`]}
              />
              <CountrySelect
                path={`workers.${index}.nationality`}
                label={t('form.workers.nationality')}
                optional
                value={worker.nationality}
                onChange={(nationality) => updateWorker(index, { nationality })}
                error={errors[`workers.${index}.nationality`]}
                options={countries}
              />
              {draft.workers.length > 1 && (
                <div className="actions">
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      setDraft((current) => ({ ...current, workers: current.workers.filter((_, i) => i !== index) }));
                      setErrors({});
                      focusAfterRender.current = fieldId(`workers.${Math.max(0, index - 1)}.name`);
                    }}
                  >
                    {t('form.workers.remove', { number: index + 1 })}
                  </button>
                </div>
              )}
            </fieldset>
          ))}
          {draft.workers.length < maxWorkers ? (
            <div className="actions">
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  focusAfterRender.current = fieldId(`workers.${draft.workers.length}.name`);
                  setDraft((current) => ({ ...current, workers: [...current.workers, newWorker()] }));
                }}
              >
                {t('form.workers.add')}
              </button>
            </div>
          ) : (
            <p className="hint">{t('form.workers.max', { max: maxWorkers })}</p>
          )}
        </fieldset>

        <fieldset className="step">
          <legend>{t('form.place.legend')}</legend>
          <CountrySelect
            path="origin"
            label={t('form.place.origin')}
            value={draft.origin}
            onChange={(origin) => update({ origin })}
            error={errors.origin}
            options={countries}
          />
          <CountrySelect
            path="destination"
            label={t('form.place.destination')}
            hint={t('form.place.destinationHint')}
            value={draft.destination}
            onChange={(destination) => update({ destination })}
            error={errors.destination}
            options={countries}
          />
          <ChoiceGroup
            className="sub"
            path="stage"
            legend={t('form.place.stage')}
            kind="radio"
            name="stage"
            choices={stages.map((stage) => ({ value: stage, label: t(`server:stage.${stage}`) }))}
            selected={[draft.stage]}
            onToggle={(stage) => update({ stage })}
            error={errors.stage}
          />
        </fieldset>

        <fieldset className="step">
          <legend>{t('form.what.legend')}</legend>
          <p className="hint" id={`${fieldId('grievances')}-hint`}>
            {t('form.what.hint')}
          </p>
          {errors.grievances && (
            <p className="field-error" id={`${fieldId('grievances')}-error`}>
              {errors.grievances}
            </p>
          )}
          {grievanceGroups.map(([group, codes]) => (
            <ChoiceGroup
              key={group}
              className="sub"
              path="grievances"
              legend={t(`form.what.groups.${group}`)}
              kind="checkbox"
              name="grievances"
              choices={codes.map((code) => ({ value: code, label: t(`server:grievance.${code}`) }))}
              selected={draft.grievances}
              describedBy={[`${fieldId('grievances')}-hint`, errors.grievances ? `${fieldId('grievances')}-error` : ''].filter(Boolean).join(' ')}
              invalid={Boolean(errors.grievances)}
              onToggle={(code, checked) => update({ grievances: toggle(draft.grievances, code, checked) })}
            />
          ))}
        </fieldset>

        <fieldset className="step">
          <legend>{t('form.respondents.legend')}</legend>
          <p className="hint">{t('form.respondents.hint')}</p>
          {respondentTypes.map((type: RespondentType) => (
            <TextField
              key={type}
              path={`respondents.${type}`}
              label={t(`form.respondents.${type}`)}
              optional
              value={draft.respondents[type]}
              onChange={(name) => update({ respondents: { ...draft.respondents, [type]: name } })}
              error={errors[`respondents.${type}`]}
              maxLength={300}
            />
          ))}
        </fieldset>

        <fieldset className="step">
          <legend>{t('form.story.legend')}</legend>
          <TextField
            path="narrative.text"
            label={t('form.story.label')}
            hint={t('form.story.hint')}
            multiline
            value={draft.narrative}
            onChange={(narrative) => update({ narrative })}
            error={errors['narrative.text'] ?? errors.narrative}
            maxLength={50_000}
          />
        </fieldset>

        <ChoiceGroup
          className="step"
          path="reliefSought"
          legend={t('form.relief.legend')}
          hint={t('form.relief.hint')}
          kind="checkbox"
          name="relief"
          choices={reliefTypes.map((type) => ({ value: type, label: t(`server:relief.${type}`) }))}
          selected={draft.relief}
          onToggle={(type, checked) => update({ relief: toggle(draft.relief, type, checked) })}
          error={errors.reliefSought}
        />

        <fieldset className="step">
          <legend>{t('form.consent.legend')}</legend>
          <p className="hint">{t('form.consent.intro')}</p>
          {(['services', 'shareWithOrganisations', 'statistics'] as const).map((key) => {
            const path = `consent.${key}`;
            const error = errors[path];
            return (
              <div className="consent" key={key}>
                <label className="checkbox" htmlFor={fieldId(path)}>
                  <input
                    id={fieldId(path)}
                    type="checkbox"
                    checked={draft.consent[key]}
                    onChange={(event) => update({ consent: { ...draft.consent, [key]: event.target.checked } })}
                    aria-invalid={error ? true : undefined}
                    aria-required={key === 'services' ? true : undefined}
                    aria-describedby={[`${fieldId(path)}-hint`, error ? `${fieldId(path)}-error` : ''].filter(Boolean).join(' ')}
                  />
                  <span>
                    {t(`form.consent.${key}.label`)}
                    {key !== 'services' && <span className="optional"> {t('common.optional')}</span>}
                    {/* Read once, as the description (aria-describedby), not again as part of the label. */}
                    <span className="hint" id={`${fieldId(path)}-hint`} aria-hidden="true">
                      {t(`form.consent.${key}.hint`)}
                    </span>
                  </span>
                </label>
                {error && (
                  <p className="field-error" id={`${fieldId(path)}-error`}>
                    {error}
                  </p>
                )}
              </div>
            );
          })}
        </fieldset>

        <div className="visually-hidden" aria-hidden="true">
          <label htmlFor="website">{t('form.website')}</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" value={website} onChange={(event) => setWebsite(event.target.value)} />
        </div>

        <p>{t('form.beforeSend')}</p>
        <button type="submit" disabled={sending} aria-disabled={sending}>
          {sending ? t('form.sending') : t('form.submit')}
        </button>
        <div className="actions">
          <button type="button" className="secondary" onClick={startAgain}>
            {t('form.clear')}
          </button>
        </div>
      </form>
    </>
  );
}

function Done({ result, onAnother }: { result: Created; onAnother: () => void }) {
  const { t } = useTranslation();
  usePageTitle(t('done.title'));
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    window.scrollTo(0, 0);
    heading.current?.focus();
  }, []);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('done.title')}
      </h1>
      <div className="notice" role="status">
        <p>{t('done.keep')}</p>
      </div>
      <div className="secret-box">
        <span className="label">{t('done.reference')}</span>
        <span className="secret" data-testid="reference">
          {result.reference}
        </span>
      </div>
      <div className="secret-box">
        <span className="label">{t('done.pin')}</span>
        <span className="secret" data-testid="pin">
          {result.pin}
        </span>
      </div>
      <p>
        <strong>{t('done.secret')}</strong>
      </p>
      <h2>{t('done.nextTitle')}</h2>
      <ol className="plain-list">
        <li>{t('done.next1')}</li>
        <li>{t('done.next2')}</li>
        <li>{t('done.next3')}</li>
      </ol>
      <div className="actions">
        <Link className="button" to={`/track?reference=${encodeURIComponent(result.reference)}`}>
          {t('done.track')}
        </Link>
        <button type="button" className="secondary" onClick={onAnother}>
          {t('done.another')}
        </button>
      </div>
    </>
  );
}
