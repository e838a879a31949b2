// "Refer or transfer" on the complaint page: choose the receiving organisation in the directory, the kind, the
// reason and what to share; below, the complaint's referrals.
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError } from '../../../shared/api';
import { useSession } from '../../session';
import { finalStates, type ComplaintState } from '../codes';
import { DirectoryPicker } from '../directory/DirectorySearch';
import { ErrorSummary } from '../ErrorSummary';
import type { ComplaintDetail } from '../types';
import { Field } from '../ui';
import { canSeeReferrals, referralsChanged } from './counts';
import { ReferralTable } from './ReferralTable';
import { fieldsRequiredForTransfer, referralKinds, shareableFields, type DirectoryOrganisation, type ReferralKind, type ReferralSummary, type ShareableField } from './types';

const idFor = (path: string) => `refer-${path.replace(/\./g, '-')}`;

function ReferForm({ complaint, done }: { complaint: ComplaintDetail; done: (message: string) => Promise<void> }) {
  const { t } = useTranslation('referrals');
  const { user } = useSession();
  const [receiver, setReceiver] = useState<DirectoryOrganisation | null>(null);
  const [kind, setKind] = useState<ReferralKind>('referral');
  const [reason, setReason] = useState('');
  const [share, setShare] = useState<ShareableField[]>(['narrative']);
  const [hide, setHide] = useState(false);
  const [override, setOverride] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pickerKey, setPickerKey] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);

  const consented = complaint.consent.shareWithOrganisations;
  const supervisor = user.role === 'supervisor';
  const required = kind === 'transfer' ? fieldsRequiredForTransfer : [];
  const shared = [...new Set([...share, ...required])];

  const fail = (message: string, fields: Record<string, string>) => {
    setErrors(fields);
    setSummary(message);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!receiver) found.toOrganisationId = t('errors.chooseOrganisation');
    if (reason.trim().length < 3) found.reason = t('errors.reasonRequired');
    if (!consented && override && overrideReason.trim().length < 10) found['consentOverride.reason'] = t('errors.overrideReason');
    if (Object.keys(found).length > 0) return fail(t('errors.checkFields'), found);
    setBusy(true);
    setSummary(null);
    setErrors({});
    try {
      await api('POST', `/api/v1/complaints/${complaint.id}/referrals`, {
        toOrganisationId: receiver!.id,
        kind,
        reason: reason.trim(),
        share: shared,
        hideReceiverFromWorker: hide,
        ...(!consented && override ? { consentOverride: { reason: overrideReason.trim() } } : {}),
      });
      const name = receiver!.name;
      setReceiver(null);
      setReason('');
      setShare(['narrative']);
      setHide(false);
      setOverride(false);
      setOverrideReason('');
      setPickerKey((k) => k + 1);
      referralsChanged();
      await done(t(kind === 'transfer' ? 'done.sentTransfer' : 'done.sentReferral', { organisation: name }));
    } catch (caught) {
      if (caught instanceof ApiError) {
        const fields = caught.fieldErrors();
        // Errors about the case as a whole point at the control that can fix them.
        if (caught.code === 'transfer_needs_fields') fields.share = caught.message;
        if (caught.code === 'referral_target_invalid') fields.toOrganisationId = caught.message;
        if (caught.code === 'consent_not_shared') fields['consentOverride.reason'] = caught.message;
        fail(caught.message, fields);
      } else fail(t('desk:common.networkError'), {});
    } finally {
      setBusy(false);
    }
  };

  if (!consented && !supervisor) {
    return (
      <div className="warning-box" data-testid="no-consent">
        <p style={{ marginTop: 0 }}><strong>{t('refer.noConsentTitle')}</strong></p>
        <p>{t('refer.noConsent')}</p>
        <p style={{ marginBottom: 0 }}>{t('refer.noConsentAskSupervisor')}</p>
      </div>
    );
  }

  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="refer-form-heading" noValidate>
      <h3 id="refer-form-heading" style={{ marginTop: 0 }}>{t('refer.formTitle')}</h3>
      {summary && <ErrorSummary ref={summaryRef} message={summary} errors={errors} idFor={idFor} />}
      {!consented && (
        <div className="warning-box" data-testid="no-consent">
          <p style={{ marginTop: 0 }}><strong>{t('refer.noConsentTitle')}</strong></p>
          <p>{t('refer.noConsent')}</p>
        </div>
      )}

      <DirectoryPicker
        key={pickerKey}
        id={idFor('toOrganisationId')}
        chosen={receiver?.id ?? ''}
        onChoose={setReceiver}
        exclude={complaint.organisationId}
        initial={{ country: complaint.destination }}
        error={errors.toOrganisationId}
      />
      {receiver?.nodeId && <p className="notice">{t('refer.partnerNode', { organisation: receiver.name })}</p>}

      <fieldset id={idFor('kind')}>
        <legend>{t('refer.kind')}</legend>
        {referralKinds.map((k) => (
          <label key={k} className="checkbox" htmlFor={`${idFor('kind')}-${k}`}>
            <input id={`${idFor('kind')}-${k}`} type="radio" name="refer-kind" value={k} checked={kind === k} aria-describedby={`refer-kind-${k}-hint`} onChange={() => setKind(k)} />
            <span>
              {t(`kind.${k}`)}
              <span className="hint" id={`refer-kind-${k}-hint`}>{t(`kindHint.${k}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <Field id={idFor('reason')} label={t('refer.reason')} hint={t('refer.reasonHint')} error={errors.reason} required render={(p) => (
        <textarea {...p} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      )} />

      <fieldset id={idFor('share')} aria-describedby={`refer-share-hint${errors.share ? ' refer-share-error' : ''}`}>
        <legend>{t('refer.share')}</legend>
        <span className="hint" id="refer-share-hint">{t('refer.shareHint')}</span>
        {errors.share && <p className="field-error" id="refer-share-error">{errors.share}</p>}
        {shareableFields.map((field) => {
          const needed = required.includes(field);
          return (
            <label key={field} className="checkbox" htmlFor={`${idFor('share')}-${field}`}>
              <input
                id={`${idFor('share')}-${field}`}
                type="checkbox"
                checked={shared.includes(field)}
                disabled={needed}
                aria-describedby={`refer-share-${field}-hint`}
                onChange={(e) => setShare((current) => (e.target.checked ? [...current, field] : current.filter((f) => f !== field)))}
              />
              <span>
                {t(`field.${field}`)}
                <span className="hint" id={`refer-share-${field}-hint`}>
                  {t(`fieldHint.${field}`)}
                  {needed && ` ${t('refer.neededForTransfer')}`}
                </span>
              </span>
            </label>
          );
        })}
      </fieldset>

      <label className="checkbox" htmlFor={idFor('hideReceiverFromWorker')}>
        <input id={idFor('hideReceiverFromWorker')} type="checkbox" checked={hide} aria-describedby="refer-hide-hint" onChange={(e) => setHide(e.target.checked)} />
        <span>
          {t('refer.hide')}
          <span className="hint" id="refer-hide-hint">{t('refer.hideHint')}</span>
        </span>
      </label>

      {!consented && supervisor && (
        <fieldset id={idFor('consentOverride')}>
          <legend>{t('refer.overrideTitle')}</legend>
          <label className="checkbox" htmlFor="refer-override">
            <input id="refer-override" type="checkbox" checked={override} aria-describedby="refer-override-hint" onChange={(e) => setOverride(e.target.checked)} />
            <span>
              {t('refer.override')}
              <span className="hint" id="refer-override-hint">{t('refer.overrideHint')}</span>
            </span>
          </label>
          {override && (
            <Field id={idFor('consentOverride.reason')} label={t('refer.overrideReason')} error={errors['consentOverride.reason']} required render={(p) => (
              <textarea {...p} rows={3} value={overrideReason} onChange={(e) => setOverrideReason(e.target.value)} />
            )} />
          )}
        </fieldset>
      )}

      <div className="actions">
        <button type="submit" disabled={busy}>{t(kind === 'transfer' ? 'refer.sendTransfer' : 'refer.sendReferral')}</button>
      </div>
    </form>
  );
}

/** Where a complaint was referred or transferred, and the form to do it (for the roles that may). */
export function ReferPanel({ complaint, done }: { complaint: ComplaintDetail; done: (message: string) => Promise<void> }) {
  const { t } = useTranslation('referrals');
  const { user } = useSession();
  const [outgoing, setOutgoing] = useState<ReferralSummary[] | null>(null);
  const [incoming, setIncoming] = useState<ReferralSummary[]>([]);
  const [listError, setListError] = useState<string | null>(null);
  const [formShown, setFormShown] = useState(false);

  const load = useCallback(async () => {
    try {
      const [out, into] = await Promise.all([
        api<{ items: ReferralSummary[] }>('GET', `/api/v1/referrals?direction=outgoing&complaintId=${complaint.id}`),
        api<{ items: ReferralSummary[] }>('GET', `/api/v1/referrals?direction=incoming&complaintId=${complaint.id}`),
      ]);
      setOutgoing(out.items);
      setIncoming(into.items);
      setListError(null);
    } catch (caught) {
      setListError(caught instanceof ApiError ? caught.message : t('desk:common.networkError'));
    }
  }, [complaint.id, t]);

  // Reloaded whenever the complaint changes (a referral sent or answered changes its timeline).
  useEffect(() => {
    void load();
  }, [load, complaint.updatedAt]);

  if (!canSeeReferrals(user.role)) return null;
  const open = !finalStates.includes(complaint.state as ComplaintState);
  return (
    <section aria-labelledby="refer-heading" data-testid="refer-panel">
      <h2 id="refer-heading">{t('refer.title')}</h2>
      {incoming.map((r) => (
        <p key={r.id} className="notice">
          {t('refer.cameFrom', { organisation: r.from.name || t('unknownOrganisation') })} <Link to={`/desk/referrals/${r.id}`}>{t('refer.openTransfer')}</Link>
        </p>
      ))}
      {listError && <p className="alert" role="alert">{listError}</p>}
      {outgoing && outgoing.length === 0 && <p>{t('refer.none')}</p>}
      {outgoing && outgoing.length > 0 && <ReferralTable items={outgoing} caption={t('refer.listCaption')} />}
      {!open && <p className="hint">{t('refer.closed')}</p>}
      {open && (
        <div className="actions">
          <button type="button" className="secondary" aria-expanded={formShown} onClick={() => setFormShown((shown) => !shown)}>
            {t(formShown ? 'refer.hideForm' : 'refer.showForm')}
          </button>
        </div>
      )}
      {open && formShown && (
        <div id="refer-form">
          <ReferForm complaint={complaint} done={done} />
        </div>
      )}
    </section>
  );
}
