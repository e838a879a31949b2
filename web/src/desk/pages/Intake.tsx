import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../shared/api';
import { formatDateTime, languages } from '../../shared/i18n';
import { formatBytes, randomId } from '../components/codes';
import { ErrorSummary } from '../components/ErrorSummary';
import { confirmChosenAgencies } from '../components/intake/AgencyMatch';
import {
  chosenAgencies,
  clearDraft,
  emptyForm,
  fieldId,
  type IntakeForm,
  isPristine,
  loadDraft,
  mapServerPaths,
  postComplaint,
  saveDraft,
  toPayload,
  uploadEvidence,
} from '../components/intake/form';
import { askedFacts, useRightsOverview } from '../components/intake/rights';
import { RightsFieldset } from '../components/intake/RightsFieldset';
import { ReliefFieldset, RespondentsFieldset } from '../components/intake/RowsFieldsets';
import { ConsentFieldset, CorridorFieldset, GrievancesFieldset, NarrativeFieldset, ReceivedFieldset } from '../components/intake/Sections';
import { WorkersFieldset } from '../components/intake/WorkersFieldset';
import type { CreatedState } from '../components/types';
import { CountryDatalist, PageHeading, useErrorMessage } from '../components/ui';
import { useSession } from '../session';

/** Files an intake accepts (the API checks again): PDF, images, audio, plain text, Word. */
const acceptedFiles = '.pdf,.jpg,.jpeg,.png,.webp,.heic,.mp3,.m4a,.ogg,.txt,.docx,application/pdf,image/*,audio/*,text/plain';

interface PendingFile {
  key: string;
  file: File;
  description: string;
}

export function Intake() {
  const { t, i18n } = useTranslation();
  const { user, organisation } = useSession();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const defaultLanguage = organisation?.languages.find((l) => (languages as readonly string[]).includes(l)) ?? i18n.language;

  const [restored] = useState(() => loadDraft(user.id));
  const [form, setForm] = useState<IntakeForm>(() => restored?.form ?? emptyForm(defaultLanguage));
  const [showRestored, setShowRestored] = useState(Boolean(restored));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState('');
  const [files, setFiles] = useState<PendingFile[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const submitted = useRef(false);
  const first = useRef(true);

  const update = useCallback((change: (form: IntakeForm) => IntakeForm) => setForm(change), []);

  // What the corridor's agreements need to know: the facts the rights fieldset asks for (and sends).
  const rightsState = useRightsOverview({
    origin: form.origin,
    destination: form.destination,
    sector: form.sector,
    region: form.rights.destinationRegion,
    recruitedOn: form.rights.recruitedOn,
  });
  const asked = askedFacts(rightsState, form.destination);

  // Keep the draft while typing (a short pause after the last change).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = window.setTimeout(() => {
      if (!submitted.current) saveDraft(user.id, form);
    }, 400);
    return () => window.clearTimeout(timer);
  }, [form, user.id]);

  useEffect(() => {
    if (summary) summaryRef.current?.focus();
  }, [summary, errors]);

  const discardDraft = () => {
    if (!isPristine(form) && !window.confirm(t('intake.confirmClear'))) return;
    clearDraft(user.id);
    setForm(emptyForm(defaultLanguage));
    setErrors({});
    setSummary(null);
    setShowRestored(false);
    setFiles([]);
    document.getElementById(fieldId('channel'))?.focus();
  };

  const submit = async () => {
    if (busy) return;
    const { body, errors: found } = toPayload(form, i18n.language, t, asked);
    if (Object.keys(found).length > 0) {
      setErrors(found);
      setSummary(t('intake.errors.fix'));
      return;
    }
    setBusy(true);
    setProgress(t('intake.sending'));
    try {
      const created = await postComplaint(body, form.idempotencyKey);
      submitted.current = true;
      clearDraft(user.id);
      // The agencies chosen from the registry are confirmed on the respondents just created (kept in the order sent).
      const chosen = chosenAgencies(form);
      let agencyLinksFailed: string[] = [];
      if (chosen.some((c) => c.agencyId)) {
        setProgress(t('agencyMatch.linking'));
        agencyLinksFailed = await confirmChosenAgencies(created.id, chosen);
      }
      const failedUploads: Array<{ filename: string; message: string }> = [];
      for (const [index, item] of files.entries()) {
        setProgress(t('intake.uploading', { n: index + 1, count: files.length }));
        try {
          await uploadEvidence(created.id, item.file, item.description.trim() || undefined);
        } catch (caught) {
          failedUploads.push({ filename: item.file.name, message: errorMessage(caught) });
        }
      }
      const state: CreatedState & { agencyLinksFailed?: string[] } = {
        created: { id: created.id, reference: created.reference, pin: created.pin, failedUploads },
        agencyLinksFailed,
      };
      navigate(`/desk/complaints/${created.id}`, { state });
    } catch (caught) {
      setErrors(caught instanceof ApiError ? mapServerPaths(form, caught.fieldErrors()) : {});
      setSummary(errorMessage(caught));
      setProgress('');
      setBusy(false);
    }
  };

  // Ctrl+Enter (or ⌘+Enter) registers from anywhere. The register button is not a submit button, so a plain
  // Enter in a field never sends a half-filled form (and still picks a suggestion from a country list).
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.defaultPrevented) {
      event.preventDefault();
      void submit();
    }
  };

  const addFiles = (list: FileList | null) => {
    if (!list) return;
    // Copy now: the input is cleared right after, and its FileList empties with it before React runs the update.
    const picked = Array.from(list, (file) => ({ key: randomId(), file, description: '' }));
    setFiles((current) => [...current, ...picked]);
  };

  const sectionProps = { form, update, errors };
  if (!['desk_officer', 'case_manager', 'supervisor'].includes(user.role)) {
    return (
      <>
        <PageHeading title={t('intake.title')} />
        <p className="notice">{t('intake.notAllowed')}</p>
      </>
    );
  }
  return (
    <>
      <PageHeading title={t('intake.title')} />
      <p className="hint">{t('intake.intro')}</p>
      {showRestored && restored && (
        <div className="notice" role="status">
          <p style={{ margin: 0 }}>{t('intake.draftRestored', { time: formatDateTime(restored.savedAt, i18n.language) })}</p>
          <div className="actions" style={{ marginBottom: 0 }}>
            <button type="button" className="secondary small" onClick={() => setShowRestored(false)}>{t('intake.keepDraft')}</button>
            <button type="button" className="danger small" onClick={discardDraft}>{t('intake.discardDraft')}</button>
          </div>
        </div>
      )}
      {summary && <ErrorSummary ref={summaryRef} message={summary} errors={errors} idFor={fieldId} />}

      <form noValidate onKeyDown={onKeyDown} onSubmit={(event) => { event.preventDefault(); void submit(); }}>
        <CountryDatalist id="intake-countries" />
        <ReceivedFieldset {...sectionProps} />
        <WorkersFieldset {...sectionProps} />
        <CorridorFieldset {...sectionProps} />
        <RespondentsFieldset {...sectionProps} />
        <GrievancesFieldset {...sectionProps} />
        <RightsFieldset {...sectionProps} state={rightsState} asked={asked} />
        <NarrativeFieldset {...sectionProps} />
        <ReliefFieldset {...sectionProps} />
        <ConsentFieldset {...sectionProps} />

        <fieldset>
          <legend>{t('intake.evidence.legend')}</legend>
          <label htmlFor="intake-files">{t('intake.evidence.choose')}</label>
          <span className="hint" id="intake-files-hint">{t('intake.evidence.hint')}</span>
          <input id="intake-files" type="file" multiple accept={acceptedFiles} aria-describedby="intake-files-hint"
            onChange={(event) => { addFiles(event.target.files); event.target.value = ''; }} />
          {files.length > 0 && (
            <ul>
              {files.map((item, index) => (
                <li key={item.key}>
                  <span>{t('intake.evidence.file', { name: item.file.name, size: formatBytes(item.file.size, i18n.language) })}</span>
                  <label htmlFor={`file-desc-${item.key}`}>{t('intake.evidence.description', { n: index + 1 })}</label>
                  <div className="inline-controls search">
                    <input id={`file-desc-${item.key}`} type="text" maxLength={500} value={item.description}
                      onChange={(event) => setFiles((current) => current.map((f) => (f.key === item.key ? { ...f, description: event.target.value } : f)))} />
                    <button type="button" className="secondary small" aria-label={t('intake.evidence.removeNamed', { name: item.file.name })}
                      onClick={() => setFiles((current) => current.filter((f) => f.key !== item.key))}>
                      {t('intake.remove')}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </fieldset>

        <p className="hint">{t('intake.submitHint')}</p>
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => void submit()}>{busy ? t('intake.sending') : t('intake.submit')}</button>
          <button type="button" className="secondary" onClick={discardDraft} disabled={busy}>{t('intake.clearForm')}</button>
        </div>
        <p role="status" className="hint">{progress}</p>
      </form>
    </>
  );
}
