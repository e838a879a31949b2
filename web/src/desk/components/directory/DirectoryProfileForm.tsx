// The organisation's directory profile, edited by its administrators: what it offers, where, when, who to call.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../shared/api';
import { languages as interfaceLanguages } from '../../../shared/i18n';
import { useNames } from '../codes';
import { ErrorSummary } from '../ErrorSummary';
import { organisationServices, type DirectoryOrganisation, type DirectoryProfile, type OrganisationService } from '../referrals/types';
import { Announcement, CountryOptions, Field, useAnnouncement, useErrorMessage } from '../ui';
import '../referrals/referrals.css';

interface AreaDraft {
  country: string;
  subdivision: string;
  name: string;
}
interface FocalPointDraft {
  name: string;
  role: string;
  phone: string;
  email: string;
  languages: string[];
}
interface Draft {
  description: string;
  services: OrganisationService[];
  areas: AreaDraft[];
  hours: string;
  contacts: { phone: string; hotline: string; email: string; address: string; website: string };
  focalPoints: FocalPointDraft[];
  listed: boolean;
}

const contactKeys = ['phone', 'hotline', 'email', 'address', 'website'] as const;
const idFor = (path: string) => `profile-${path.replace(/\./g, '-')}`;
const optional = (value: string) => (value.trim() ? value.trim() : undefined);

function draftOf(profile: DirectoryProfile): Draft {
  return {
    description: profile.description ?? '',
    services: profile.services,
    areas: profile.areas.map((a) => ({ country: a.country, subdivision: a.subdivision ?? '', name: a.name ?? '' })),
    hours: profile.hours ?? '',
    contacts: { phone: '', hotline: '', email: '', address: '', website: '', ...profile.contacts },
    focalPoints: profile.focalPoints.map((f) => ({ name: f.name, role: f.role ?? '', phone: f.phone ?? '', email: f.email ?? '', languages: f.languages })),
    listed: profile.listed,
  };
}

function profileOf(draft: Draft): DirectoryProfile {
  return {
    description: optional(draft.description),
    services: draft.services,
    areas: draft.areas.map((a) => ({ country: a.country, subdivision: optional(a.subdivision.toUpperCase()), name: optional(a.name) })),
    hours: optional(draft.hours),
    contacts: Object.fromEntries(contactKeys.map((key) => [key, optional(draft.contacts[key])]).filter(([, v]) => v !== undefined)),
    focalPoints: draft.focalPoints.map((f) => ({ name: f.name.trim(), role: optional(f.role), phone: optional(f.phone), email: optional(f.email), languages: f.languages })),
    listed: draft.listed,
  };
}

export function DirectoryProfileForm({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation('referrals');
  const names = useNames();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const status = useAnnouncement();

  useEffect(() => {
    api<DirectoryOrganisation>('GET', `/api/v1/organisations/${organisationId}`).then(
      (organisation) => setDraft(draftOf(organisation.profile)),
      (caught) => setLoadError(errorMessage(caught)),
    );
  }, [organisationId, errorMessage]);

  if (!draft) {
    return (
      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t('profile.title')}</h2>
        {loadError ? <p className="alert" role="alert">{loadError}</p> : <p role="status">{t('desk:common.loading')}</p>}
      </section>
    );
  }

  const update = (change: Partial<Draft>) => setDraft({ ...draft, ...change });
  const setArea = (index: number, change: Partial<AreaDraft>) => update({ areas: draft.areas.map((a, i) => (i === index ? { ...a, ...change } : a)) });
  const setFocal = (index: number, change: Partial<FocalPointDraft>) => update({ focalPoints: draft.focalPoints.map((f, i) => (i === index ? { ...f, ...change } : f)) });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSummary(null);
    setErrors({});
    try {
      const saved = await api<DirectoryOrganisation>('PUT', `/api/v1/organisations/${organisationId}/profile`, profileOf(draft));
      setDraft(draftOf(saved.profile));
      status.announce(saved.profile.listed ? t('profile.savedListed') : t('profile.savedUnlisted'));
    } catch (caught) {
      setErrors(caught instanceof ApiError ? caught.fieldErrors() : {});
      setSummary(errorMessage(caught));
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  const focalLanguages = [...new Set([...interfaceLanguages, ...draft.focalPoints.flatMap((f) => f.languages)])];
  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('profile.title')}</h2>
      <form onSubmit={(e) => void submit(e)} className="card profile-rows" noValidate aria-labelledby="profile-heading">
        <p className="hint">{t('profile.intro')}</p>
        {summary && <ErrorSummary ref={summaryRef} message={summary} errors={errors} idFor={idFor} />}
        <label className="checkbox" htmlFor={idFor('listed')}>
          <input id={idFor('listed')} type="checkbox" checked={draft.listed} aria-describedby="profile-listed-hint" onChange={(e) => update({ listed: e.target.checked })} />
          <span>
            {t('profile.listed')}
            <span className="hint" id="profile-listed-hint">{t('profile.listedHint')}</span>
          </span>
        </label>
        <Field id={idFor('description')} label={t('profile.description')} error={errors.description} render={(p) => (
          <textarea {...p} rows={3} value={draft.description} onChange={(e) => update({ description: e.target.value })} />
        )} />

        <fieldset id={idFor('services')}>
          <legend>{t('profile.services')}</legend>
          <div className="checkboxes-inline">
            {organisationServices.map((service) => (
              <label key={service} className="checkbox" htmlFor={`${idFor('services')}-${service}`}>
                <input
                  id={`${idFor('services')}-${service}`}
                  type="checkbox"
                  checked={draft.services.includes(service)}
                  onChange={(e) => update({ services: e.target.checked ? [...draft.services, service] : draft.services.filter((s) => s !== service) })}
                />
                <span>{t(`service.${service}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset id={idFor('areas')}>
          <legend>{t('profile.areas')}</legend>
          <span className="hint">{t('profile.areasHint')}</span>
          {draft.areas.map((area, index) => (
            <fieldset key={index} className="row-set" id={idFor(`areas.${index}`)}>
              <legend>{t('profile.area', { n: index + 1 })}</legend>
              <div className="fields">
                <Field id={idFor(`areas.${index}.country`)} label={t('profile.areaCountry')} error={errors[`areas.${index}.country`]} required render={(p) => (
                  <select {...p} value={area.country} onChange={(e) => setArea(index, { country: e.target.value })}>
                    <option value="">{t('desk:common.choose')}</option>
                    <CountryOptions />
                  </select>
                )} />
                <Field id={idFor(`areas.${index}.subdivision`)} label={t('profile.areaSubdivision')} hint={t('profile.areaSubdivisionHint', { example: `${area.country || 'MY'}-01` })} error={errors[`areas.${index}.subdivision`]} render={(p) => (
                  <input {...p} type="text" autoComplete="off" spellCheck={false} value={area.subdivision} onChange={(e) => setArea(index, { subdivision: e.target.value })} />
                )} />
                <Field id={idFor(`areas.${index}.name`)} label={t('profile.areaName')} hint={t('profile.areaNameHint')} error={errors[`areas.${index}.name`]} render={(p) => (
                  <input {...p} type="text" autoComplete="off" value={area.name} onChange={(e) => setArea(index, { name: e.target.value })} />
                )} />
              </div>
              <div className="row-actions">
                <button type="button" className="secondary small" onClick={() => update({ areas: draft.areas.filter((_, i) => i !== index) })}>
                  {t('profile.removeArea', { n: index + 1 })}
                </button>
              </div>
            </fieldset>
          ))}
          <button type="button" className="secondary small" id="profile-add-area" onClick={() => update({ areas: [...draft.areas, { country: '', subdivision: '', name: '' }] })}>
            {t('profile.addArea')}
          </button>
        </fieldset>

        <Field id={idFor('hours')} label={t('profile.hours')} hint={t('profile.hoursHint')} error={errors.hours} render={(p) => (
          <input {...p} type="text" autoComplete="off" value={draft.hours} onChange={(e) => update({ hours: e.target.value })} />
        )} />

        <fieldset id={idFor('contacts')}>
          <legend>{t('profile.contacts')}</legend>
          <div className="fields">
            {contactKeys.map((key) => (
              <Field key={key} id={idFor(`contacts.${key}`)} label={t(`contact.${key}`)} error={errors[`contacts.${key}`]} render={(p) => (
                <input {...p} type={key === 'email' ? 'email' : key === 'phone' || key === 'hotline' ? 'tel' : 'text'} autoComplete="off" value={draft.contacts[key]}
                  onChange={(e) => update({ contacts: { ...draft.contacts, [key]: e.target.value } })} />
              )} />
            ))}
          </div>
        </fieldset>

        <fieldset id={idFor('focalPoints')}>
          <legend>{t('profile.focalPoints')}</legend>
          <span className="hint">{t('profile.focalPointsHint')}</span>
          {draft.focalPoints.map((focal, index) => (
            <fieldset key={index} className="row-set" id={idFor(`focalPoints.${index}`)}>
              <legend>{t('profile.focalPoint', { n: index + 1 })}</legend>
              <div className="fields">
                <Field id={idFor(`focalPoints.${index}.name`)} label={t('profile.focalName')} error={errors[`focalPoints.${index}.name`]} required render={(p) => (
                  <input {...p} type="text" autoComplete="off" value={focal.name} onChange={(e) => setFocal(index, { name: e.target.value })} />
                )} />
                <Field id={idFor(`focalPoints.${index}.role`)} label={t('profile.focalRole')} error={errors[`focalPoints.${index}.role`]} render={(p) => (
                  <input {...p} type="text" autoComplete="off" value={focal.role} onChange={(e) => setFocal(index, { role: e.target.value })} />
                )} />
                <Field id={idFor(`focalPoints.${index}.phone`)} label={t('contact.phone')} error={errors[`focalPoints.${index}.phone`]} render={(p) => (
                  <input {...p} type="tel" autoComplete="off" value={focal.phone} onChange={(e) => setFocal(index, { phone: e.target.value })} />
                )} />
                <Field id={idFor(`focalPoints.${index}.email`)} label={t('contact.email')} error={errors[`focalPoints.${index}.email`]} render={(p) => (
                  <input {...p} type="email" autoComplete="off" value={focal.email} onChange={(e) => setFocal(index, { email: e.target.value })} />
                )} />
              </div>
              <fieldset className="sub" id={idFor(`focalPoints.${index}.languages`)}>
                <legend>{t('profile.focalLanguages')}</legend>
                <div className="checkboxes-inline">
                  {focalLanguages.map((language) => (
                    <label key={language} className="checkbox" htmlFor={`${idFor(`focalPoints.${index}.languages`)}-${language}`}>
                      <input
                        id={`${idFor(`focalPoints.${index}.languages`)}-${language}`}
                        type="checkbox"
                        checked={focal.languages.includes(language)}
                        onChange={(e) => setFocal(index, { languages: e.target.checked ? [...focal.languages, language] : focal.languages.filter((l) => l !== language) })}
                      />
                      <span>{names.language(language)}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
              <div className="row-actions">
                <button type="button" className="secondary small" onClick={() => update({ focalPoints: draft.focalPoints.filter((_, i) => i !== index) })}>
                  {t('profile.removeFocalPoint', { n: index + 1 })}
                </button>
              </div>
            </fieldset>
          ))}
          <button type="button" className="secondary small" id="profile-add-focal" onClick={() => update({ focalPoints: [...draft.focalPoints, { name: '', role: '', phone: '', email: '', languages: [] }] })}>
            {t('profile.addFocalPoint')}
          </button>
        </fieldset>

        <Announcement message={status.message} announcementRef={status.ref} />
        <div className="actions">
          <button type="submit" disabled={busy}>{t('profile.save')}</button>
        </div>
      </form>
    </section>
  );
}
