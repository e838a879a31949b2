import { useTranslation } from 'react-i18next';
import { languages } from '../../../shared/i18n';
import { channels, complainantTypes, grievancesByStage, isicDivisions, isicSections, migrationStages, useNames } from '../codes';
import { CountrySelect, Field, FieldError, Hint } from '../ui';
import { fieldId, type IntakeForm, type SectionProps } from './form';

type Complainant = IntakeForm['complainant'];

export function ReceivedFieldset({ form, update, errors }: SectionProps) {
  const { t } = useTranslation();
  const setComplainant = (change: Partial<Complainant>) => update((f) => ({ ...f, complainant: { ...f.complainant, ...change } }));
  return (
    <fieldset>
      <legend>{t('intake.received.legend')}</legend>
      <div className="fields">
        <Field id={fieldId('channel')} label={t('intake.received.channel')} required error={errors.channel} render={(p) => (
          <select {...p} value={form.channel} onChange={(e) => update((f) => ({ ...f, channel: e.target.value }))}>
            <option value="">{t('common.choose')}</option>
            {channels.filter((c) => c !== 'import').map((c) => <option key={c} value={c}>{t(`server:channel.${c}`)}</option>)}
          </select>
        )} />
        <Field id={fieldId('receivedAt')} label={t('intake.received.receivedAt')} error={errors.receivedAt} hint={t('intake.received.receivedAtHint')} render={(p) => (
          <input {...p} type="datetime-local" value={form.receivedAt} onChange={(e) => update((f) => ({ ...f, receivedAt: e.target.value }))} />
        )} />
        <Field id={fieldId('complainant.type')} label={t('intake.complainant.type')} required error={errors['complainant.type']} render={(p) => (
          <select {...p} value={form.complainant.type} onChange={(e) => setComplainant({ type: e.target.value })}>
            {complainantTypes.map((c) => <option key={c} value={c}>{t(`server:complainantType.${c}`)}</option>)}
          </select>
        )} />
        <Field id={fieldId('complainant.name')} label={form.complainant.type === 'worker' ? t('intake.complainant.nameIfWorker') : t('intake.complainant.name')}
          error={errors['complainant.name']} render={(p) => (
            <input {...p} type="text" autoComplete="off" value={form.complainant.name} onChange={(e) => setComplainant({ name: e.target.value })} />
          )} />
        <Field id={fieldId('complainant.phone')} label={t('intake.complainant.phone')} error={errors['complainant.phone']} render={(p) => (
          <input {...p} type="tel" autoComplete="off" value={form.complainant.phone} onChange={(e) => setComplainant({ phone: e.target.value })} />
        )} />
        {form.complainant.type !== 'worker' && (
          <Field id={fieldId('complainant.relationship')} label={t('intake.complainant.relationship')} error={errors['complainant.relationship']} render={(p) => (
            <input {...p} type="text" autoComplete="off" value={form.complainant.relationship} onChange={(e) => setComplainant({ relationship: e.target.value })} />
          )} />
        )}
      </div>
    </fieldset>
  );
}

export function CorridorFieldset({ form, update, errors }: SectionProps) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('intake.corridor.legend')}</legend>
      <div className="fields">
        <CountrySelect id={fieldId('origin')} label={t('intake.corridor.origin')} required value={form.origin} error={errors.origin}
          onChange={(origin) => update((f) => ({ ...f, origin }))} />
        <CountrySelect id={fieldId('destination')} label={t('intake.corridor.destination')} required value={form.destination} error={errors.destination}
          onChange={(destination) => update((f) => ({ ...f, destination }))} />
      </div>
      <div className="fields">
        <Field id={fieldId('sector')} label={t('intake.corridor.sector')} error={errors.sector} render={(p) => (
          <select {...p} value={form.sector} onChange={(e) => update((f) => ({ ...f, sector: e.target.value }))}>
            <option value="">{t('intake.corridor.sectorUnknown')}</option>
            <optgroup label={t('intake.corridor.sectorCommon')}>
              {isicDivisions.map((code) => <option key={code} value={code}>{code} · {t(`isic.${code}`)}</option>)}
            </optgroup>
            <optgroup label={t('intake.corridor.sectorSections')}>
              {isicSections.map((code) => <option key={code} value={code}>{code} · {t(`isic.${code}`)}</option>)}
            </optgroup>
          </select>
        )} />
        <Field id={fieldId('occupation')} label={t('intake.corridor.occupation')} error={errors.occupation} hint={t('intake.corridor.occupationHint')} render={(p) => (
          <input {...p} type="text" autoComplete="off" value={form.occupation} onChange={(e) => update((f) => ({ ...f, occupation: e.target.value }))} />
        )} />
        <Field id={fieldId('stage')} label={t('intake.corridor.stage')} required error={errors.stage} render={(p) => (
          <select {...p} value={form.stage} onChange={(e) => update((f) => ({ ...f, stage: e.target.value }))}>
            <option value="">{t('common.choose')}</option>
            {migrationStages.map((s) => <option key={s} value={s}>{t(`server:stage.${s}`)}</option>)}
          </select>
        )} />
      </div>
    </fieldset>
  );
}

export function GrievancesFieldset({ form, update, errors }: SectionProps) {
  const { t } = useTranslation();
  const id = fieldId('grievances');
  const toggle = (code: string, on: boolean) =>
    update((f) => ({ ...f, grievances: on ? [...f.grievances.filter((g) => g !== code), code] : f.grievances.filter((g) => g !== code) }));
  return (
    <fieldset id={id} tabIndex={-1} aria-invalid={errors.grievances ? true : undefined}
      aria-describedby={[`${id}-hint`, errors.grievances ? `${id}-error` : ''].filter(Boolean).join(' ')}>
      <legend>
        {t('intake.grievances.legend', { count: form.grievances.length })}
        <span className="required-mark">{t('common.requiredMark')}</span>
      </legend>
      <Hint id={id}>{t('intake.grievances.hint')}</Hint>
      <FieldError id={id} error={errors.grievances} />
      {grievancesByStage.map((group) => (
        <fieldset key={group.stage}>
          <legend>{t(`server:stage.${group.stage}`)}</legend>
          <div className="grievance-group">
            {group.codes.map((code) => (
              <label key={code} className="checkbox">
                <input type="checkbox" checked={form.grievances.includes(code)} aria-describedby={`help-${code}`}
                  onChange={(e) => toggle(code, e.target.checked)} />
                <span>
                  {t(`server:grievance.${code}`)}
                  <span className="hint" id={`help-${code}`}>{t(`grievanceHelp.${code}`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </fieldset>
  );
}

export function NarrativeFieldset({ form, update, errors }: SectionProps) {
  const { t } = useTranslation();
  const names = useNames();
  const language = form.narrativeLanguage === 'other' ? form.narrativeLanguageOther.trim() : form.narrativeLanguage;
  let validTag: string | undefined;
  try {
    validTag = language ? Intl.getCanonicalLocales(language)[0] : undefined;
  } catch {
    validTag = undefined;
  }
  return (
    <fieldset>
      <legend>{t('intake.narrative.legend')}</legend>
      <div className="fields">
        <Field id={fieldId('narrative.languageSelect')} label={t('intake.narrative.language')} render={(p) => (
          <select {...p} value={form.narrativeLanguage} onChange={(e) => update((f) => ({ ...f, narrativeLanguage: e.target.value }))}>
            {languages.map((code) => <option key={code} value={code}>{names.language(code)}</option>)}
            <option value="other">{t('intake.narrative.otherLanguage')}</option>
          </select>
        )} />
        {form.narrativeLanguage === 'other' && (
          <Field id={fieldId('narrative.language')} label={t('intake.narrative.languageCode')} error={errors['narrative.language']}
            hint={validTag ? names.language(validTag) : t('intake.narrative.languageCodeHint')} render={(p) => (
              <input {...p} type="text" autoComplete="off" spellCheck={false} maxLength={35} value={form.narrativeLanguageOther}
                onChange={(e) => update((f) => ({ ...f, narrativeLanguageOther: e.target.value }))} />
            )} />
        )}
      </div>
      <Field id={fieldId('narrative.text')} label={t('intake.narrative.text')} required error={errors['narrative.text']} hint={t('intake.narrative.textHint')} render={(p) => (
        <textarea {...p} lang={validTag} rows={10} value={form.narrativeText} onChange={(e) => update((f) => ({ ...f, narrativeText: e.target.value }))} />
      )} />
    </fieldset>
  );
}

export function ConsentFieldset({ form, update, errors }: SectionProps) {
  const { t } = useTranslation();
  const set = (change: Partial<IntakeForm['consent']>) => update((f) => ({ ...f, consent: { ...f.consent, ...change } }));
  const box = (key: 'services' | 'shareWithOrganisations' | 'statistics') => (
    <label className="checkbox" htmlFor={fieldId(`consent.${key}`)}>
      <input id={fieldId(`consent.${key}`)} type="checkbox" checked={form.consent[key]} aria-describedby={`consent-${key}-hint`}
        onChange={(e) => set({ [key]: e.target.checked })} />
      <span>
        {t(`intake.consent.${key}`)}
        <span className="hint" id={`consent-${key}-hint`}>{t(`intake.consent.${key}Hint`)}</span>
      </span>
    </label>
  );
  return (
    <fieldset>
      <legend>{t('intake.consent.legend')}</legend>
      <Hint id="consent">{t('intake.consent.hint')}</Hint>
      {box('services')}
      {box('shareWithOrganisations')}
      {box('statistics')}
      <Field id={fieldId('consent.explained')} label={t('intake.consent.explained')} error={errors['consent.explained']} hint={t('intake.consent.explainedHint')} render={(p) => (
        <textarea {...p} rows={3} value={form.consent.explained} onChange={(e) => set({ explained: e.target.value })} />
      )} />
    </fieldset>
  );
}
