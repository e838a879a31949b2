import { useTranslation } from 'react-i18next';
import { reliefTypes, respondentTypes, useNames } from '../codes';
import { CurrencyOptions, Field, Hint } from '../ui';
import { AgencyFacts, AgencySuggestions, type ChosenAgency, chosenFrom, matchCountry } from './AgencyMatch';
import { emptyRelief, emptyRespondent, fieldId, type ReliefRow, type RespondentRow, type SectionProps } from './form';
import { enterAddsRow, usePendingFocus } from './WorkersFieldset';

export function RespondentsFieldset({ form, update, errors }: SectionProps) {
  const { t } = useTranslation();
  const names = useNames();
  const focusLater = usePendingFocus();
  const set = (index: number, change: Partial<RespondentRow>) =>
    update((f) => ({ ...f, respondents: f.respondents.map((r, i) => (i === index ? { ...r, ...change } : r)) }));
  const addAfter = (index: number) => {
    update((f) => ({ ...f, respondents: [...f.respondents.slice(0, index + 1), emptyRespondent(), ...f.respondents.slice(index + 1)] }));
    focusLater(fieldId(`respondents.${index + 1}.type`));
  };
  const remove = (index: number) => {
    update((f) => ({ ...f, respondents: f.respondents.filter((_, i) => i !== index) }));
    focusLater('add-respondent');
  };
  // A chosen agency goes with the name it filled in and with the type: changing either forgets it.
  const setType = (index: number, row: RespondentRow, type: string) =>
    set(index, { type, ...(type !== 'recruitment_agency' && row.agency ? { agency: null } : {}) });
  const setName = (index: number, row: RespondentRow, name: string) =>
    set(index, { name, ...(row.agency && name.trim() !== row.agency.name ? { agency: null } : {}) });
  const choose = (index: number, agency: ChosenAgency) => {
    set(index, { name: agency.name, agency });
    focusLater(`agency-${index}-chosen`);
  };
  const unchoose = (index: number) => {
    set(index, { agency: null });
    focusLater(fieldId(`respondents.${index}.name`));
  };

  return (
    <fieldset>
      <legend>{t('intake.respondents.legend')}</legend>
      <Hint id="respondents">{t('intake.respondents.hint')}</Hint>
      {form.respondents.map((row, index) => {
        const path = (field: string) => `respondents.${index}.${field}`;
        return (
          <fieldset key={row.key} className="row-set" onKeyDown={enterAddsRow(() => addAfter(index))}>
            <legend>{t('intake.respondents.row', { n: index + 1 })}</legend>
            <div className="fields narrow">
              <Field id={fieldId(path('type'))} label={t('intake.respondents.type')} error={errors[path('type')]} render={(p) => (
                <select {...p} value={row.type} onChange={(e) => setType(index, row, e.target.value)}>
                  {respondentTypes.map((type) => <option key={type} value={type}>{t(`server:respondentType.${type}`)}</option>)}
                </select>
              )} />
              <Field id={fieldId(path('name'))} label={t('intake.respondents.name')} error={errors[path('name')]} render={(p) => (
                <input {...p} type="text" autoComplete="off" value={row.name} onChange={(e) => setName(index, row, e.target.value)} />
              )} />
              <Field id={fieldId(path('country'))} label={t('intake.respondents.country')} error={errors[path('country')]}
                hintAfter hint={row.country.length === 2 ? names.country(row.country.toUpperCase()) : t('intake.codeHint')} render={(p) => (
                  <input {...p} type="text" list="intake-countries" autoComplete="off" maxLength={60} value={row.country}
                    onChange={(e) => set(index, { country: e.target.value.length <= 2 ? e.target.value.toUpperCase() : e.target.value })} />
                )} />
            </div>
            {row.type === 'recruitment_agency' &&
              (row.agency ? (
                <div className="agency-chosen" id={`agency-${index}-chosen`} tabIndex={-1} data-agency-id={row.agency.id}>
                  <p style={{ margin: 0 }}>
                    <strong>{t('agencyMatch.chosen', { name: row.agency.name })}</strong>
                  </p>
                  <AgencyFacts agency={row.agency} />
                  <p className="hint">{t('agencyMatch.chosenHint')}</p>
                  <button type="button" className="secondary small" id={`agency-${index}-unchoose`}
                    aria-label={t('agencyMatch.unchooseNamed', { name: row.agency.name })} onClick={() => unchoose(index)}>
                    {t('agencyMatch.unchoose')}
                  </button>
                </div>
              ) : (
                <AgencySuggestions idPrefix={`agency-${index}`} name={row.name} country={matchCountry(row.country, form.origin)}
                  onChoose={(agency) => choose(index, chosenFrom(agency))} />
              ))}
            <div className="row-actions">
              <button type="button" className="secondary small" onClick={() => remove(index)} aria-label={t('intake.respondents.removeNamed', { n: index + 1 })}>
                {t('intake.remove')}
              </button>
            </div>
          </fieldset>
        );
      })}
      <div className="actions">
        <button type="button" id="add-respondent" className="secondary" onClick={() => addAfter(form.respondents.length - 1)}>
          {t('intake.respondents.add')}
        </button>
      </div>
    </fieldset>
  );
}

export function ReliefFieldset({ form, update, errors }: SectionProps) {
  const { t } = useTranslation();
  const focusLater = usePendingFocus();
  const set = (index: number, change: Partial<ReliefRow>) =>
    update((f) => ({ ...f, relief: f.relief.map((r, i) => (i === index ? { ...r, ...change } : r)) }));
  const addAfter = (index: number) => {
    // A new row keeps the currency of the row before it: claims are usually in one currency.
    update((f) => ({ ...f, relief: [...f.relief.slice(0, index + 1), emptyRelief(f.relief[index]?.currency ?? ''), ...f.relief.slice(index + 1)] }));
    focusLater(fieldId(`reliefSought.${index + 1}.type`));
  };
  const remove = (index: number) => {
    update((f) => ({ ...f, relief: f.relief.filter((_, i) => i !== index) }));
    focusLater('add-relief');
  };

  return (
    <fieldset>
      <legend>{t('intake.relief.legend')}</legend>
      <Hint id="relief">{t('intake.relief.hint')}</Hint>
      {form.relief.map((row, index) => {
        const path = (field: string) => `reliefSought.${index}.${field}`;
        return (
          <fieldset key={row.key} className="row-set" onKeyDown={enterAddsRow(() => addAfter(index))}>
            <legend>{t('intake.relief.row', { n: index + 1 })}</legend>
            <div className="fields narrow">
              <Field id={fieldId(path('type'))} label={t('intake.relief.type')} error={errors[path('type')]} render={(p) => (
                <select {...p} value={row.type} onChange={(e) => set(index, { type: e.target.value })}>
                  <option value="">{t('common.choose')}</option>
                  {reliefTypes.map((type) => <option key={type} value={type}>{t(`server:relief.${type}`)}</option>)}
                </select>
              )} />
              <Field id={fieldId(path('amount.amount'))} label={t('intake.relief.amount')} error={errors[path('amount.amount')] ?? errors[path('amount')]}
                hint={t('intake.relief.amountHint')} render={(p) => (
                  <input {...p} type="text" inputMode="decimal" autoComplete="off" value={row.amount} onChange={(e) => set(index, { amount: e.target.value })} />
                )} />
              <Field id={fieldId(path('amount.currency'))} label={t('intake.relief.currency')} error={errors[path('amount.currency')]} render={(p) => (
                <select {...p} value={row.currency} onChange={(e) => set(index, { currency: e.target.value })}>
                  <option value="">{t('common.choose')}</option>
                  <CurrencyOptions />
                </select>
              )} />
            </div>
            <div className="row-actions">
              <button type="button" className="secondary small" onClick={() => remove(index)} aria-label={t('intake.relief.removeNamed', { n: index + 1 })}>
                {t('intake.remove')}
              </button>
            </div>
          </fieldset>
        );
      })}
      <div className="actions">
        <button type="button" id="add-relief" className="secondary" onClick={() => addAfter(form.relief.length - 1)}>
          {t('intake.relief.add')}
        </button>
      </div>
    </fieldset>
  );
}
