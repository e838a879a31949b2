import { type KeyboardEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sexes, useNames } from '../codes';
import { describedBy, Field, FieldError, Hint } from '../ui';
import { emptyWorker, fieldId, parseWorkerList, type SectionProps, type WorkerRow } from './form';

/** Enter in a text field of a row adds a row after it (not in a field with suggestions, where Enter picks one). */
export function enterAddsRow(add: () => void) {
  return (event: KeyboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && target instanceof HTMLInputElement && !target.hasAttribute('list') && target.type !== 'checkbox') {
      event.preventDefault();
      add();
    }
  };
}

/** Focuses a control once it exists (after the render that adds it). */
export function usePendingFocus() {
  const [pending, setPending] = useState<string | null>(null);
  useEffect(() => {
    if (!pending) return;
    document.getElementById(pending)?.focus();
    setPending(null);
  }, [pending]);
  return setPending;
}

export function WorkersFieldset({ form, update, errors }: SectionProps) {
  const { t } = useTranslation();
  const names = useNames();
  const focusLater = usePendingFocus();
  const [pasted, setPasted] = useState('');
  const [pasteStatus, setPasteStatus] = useState('');

  const setWorker = (index: number, change: Partial<WorkerRow>) =>
    update((f) => ({ ...f, workers: f.workers.map((w, i) => (i === index ? { ...w, ...change } : w)) }));
  const addAfter = (index: number) => {
    update((f) => ({ ...f, workers: [...f.workers.slice(0, index + 1), emptyWorker(), ...f.workers.slice(index + 1)] }));
    focusLater(fieldId(`workers.${index + 1}.name`));
  };
  const remove = (index: number) => {
    update((f) => ({ ...f, workers: f.workers.filter((_, i) => i !== index) }));
    focusLater(form.workers.length > 1 ? fieldId(`workers.${Math.max(0, index - 1)}.name`) : 'add-worker');
  };
  const addPasted = () => {
    const sexLabels = Object.fromEntries(sexes.map((s) => [s, t(`server:sex.${s}`)]));
    const { rows, unclear } = parseWorkerList(pasted, { sexLabels, countryName: names.country });
    if (rows.length === 0) {
      setPasteStatus(t('intake.workers.pasteNothing'));
      return;
    }
    const onlyEmpty = form.workers.length === 1 && !form.workers[0].name.trim() && !form.workers[0].passportNumber;
    const start = onlyEmpty ? 0 : form.workers.length;
    update((f) => ({ ...f, workers: onlyEmpty ? rows : [...f.workers, ...rows] }));
    setPasted('');
    setPasteStatus(unclear ? t('intake.workers.pastedUnclear', { count: rows.length, unclear }) : t('intake.workers.pasted', { count: rows.length }));
    focusLater(fieldId(`workers.${start}.name`));
  };

  return (
    <fieldset id={fieldId('workers')} tabIndex={-1} aria-describedby={errors.workers ? `${fieldId('workers')}-error` : undefined}>
      <legend>{t('intake.workers.legend', { count: form.workers.length })}</legend>
      <Hint id="workers">{t('intake.workers.hint')}</Hint>
      <FieldError id={fieldId('workers')} error={errors.workers} />
      {form.workers.map((worker, index) => {
        const path = (field: string) => `workers.${index}.${field}`;
        const err = (field: string) => errors[path(field)];
        return (
          <fieldset key={worker.key} className="row-set" onKeyDown={enterAddsRow(() => addAfter(index))}>
            <legend>{t('intake.workers.row', { n: index + 1 })}</legend>
            <div className="fields narrow">
              <Field id={fieldId(path('name'))} label={t('intake.workers.name')} required error={err('name')} render={(p) => (
                <input {...p} type="text" autoComplete="off" value={worker.name} onChange={(e) => setWorker(index, { name: e.target.value })} />
              )} />
              <Field id={fieldId(path('nameLatin'))} label={t('intake.workers.nameLatin')} error={err('nameLatin')} render={(p) => (
                <input {...p} type="text" autoComplete="off" value={worker.nameLatin} onChange={(e) => setWorker(index, { nameLatin: e.target.value })} />
              )} />
              <Field id={fieldId(path('sex'))} label={t('intake.workers.sex')} required error={err('sex')} render={(p) => (
                <select {...p} value={worker.sex} onChange={(e) => setWorker(index, { sex: e.target.value })}>
                  <option value="">{t('common.choose')}</option>
                  {sexes.map((s) => <option key={s} value={s}>{t(`server:sex.${s}`)}</option>)}
                </select>
              )} />
              <Field id={fieldId(path('birthYear'))} label={t('intake.workers.birthYear')} error={err('birthYear')} render={(p) => (
                <input {...p} type="text" inputMode="numeric" pattern="[0-9]{4}" maxLength={4} autoComplete="off" value={worker.birthYear}
                  onChange={(e) => setWorker(index, { birthYear: e.target.value.replace(/\D/g, '') })} />
              )} />
              <Field id={fieldId(path('nationality'))} label={t('intake.workers.nationality')} error={err('nationality')}
                hintAfter hint={worker.nationality.length === 2 ? names.country(worker.nationality.toUpperCase()) : t('intake.codeHint')} render={(p) => (
                  <input {...p} type="text" list="intake-countries" autoComplete="off" maxLength={60} value={worker.nationality}
                    onChange={(e) => setWorker(index, { nationality: e.target.value.length <= 2 ? e.target.value.toUpperCase() : e.target.value })} />
                )} />
              <Field id={fieldId(path('passportNumber'))} label={t('intake.workers.passport')} error={err('passportNumber')} render={(p) => (
                <input {...p} type="text" autoComplete="off" spellCheck={false} value={worker.passportNumber}
                  onChange={(e) => setWorker(index, { passportNumber: e.target.value.toUpperCase() })} />
              )} />
              <Field id={fieldId(path('phone'))} label={t('intake.workers.phone')} error={err('phone')} render={(p) => (
                <input {...p} type="tel" autoComplete="off" value={worker.phone} onChange={(e) => setWorker(index, { phone: e.target.value })} />
              )} />
            </div>
            {form.workers.length > 1 && (
              <div className="row-actions">
                <button type="button" className="secondary small" onClick={() => remove(index)} aria-label={t('intake.workers.removeNamed', { n: index + 1 })}>
                  {t('intake.remove')}
                </button>
              </div>
            )}
          </fieldset>
        );
      })}
      <div className="actions">
        <button type="button" id="add-worker" className="secondary" onClick={() => addAfter(form.workers.length - 1)}>
          {t('intake.workers.add')}
        </button>
      </div>
      <details>
        <summary>{t('intake.workers.pasteSummary')}</summary>
        <label htmlFor="paste-workers">{t('intake.workers.pasteLabel')}</label>
        <Hint id="paste-workers">{t('intake.workers.pasteHint')}</Hint>
        <textarea {...describedBy('paste-workers', undefined, true)} value={pasted} spellCheck={false}
          placeholder={t('intake.workers.pastePlaceholder')} onChange={(e) => setPasted(e.target.value)} />
        <div className="actions">
          <button type="button" className="secondary" onClick={addPasted}>{t('intake.workers.pasteAdd')}</button>
        </div>
      </details>
      <p role="status" className="hint">{pasteStatus}</p>
    </fieldset>
  );
}
