// "Facts for the agreement check": the recruitment date and the facts the provisions of the corridor's agreements
// (and the ILO baseline) need, asked only where a provision needs them.
import { useTranslation } from 'react-i18next';
import { useNames } from '../codes';
import { authorityLabel, feeItemLabel, feeItems, formatDay, passportHolders, wageMethods } from '../rights';
import { CurrencyOptions, Field, FieldError, Hint } from '../ui';
import { fieldId, type SectionProps } from './form';
import { type AskedFacts, asksPaidInLieu, type DeductionRow, emptyDeductionRow, emptyFeeRow, type FeeRow, type OverviewState, type RightsForm, rightsFactsEmpty } from './rights';
import { enterAddsRow, usePendingFocus } from './WorkersFieldset';

const path = (p: string) => `rightsFacts.${p}`;
const canadianProvinces = ['Alberta', 'British Columbia', 'Manitoba', 'New Brunswick', 'Newfoundland and Labrador', 'Nova Scotia', 'Ontario', 'Prince Edward Island', 'Quebec', 'Saskatchewan', 'Northwest Territories', 'Nunavut', 'Yukon'];

function todayIso(): string {
  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
  return now.toISOString().slice(0, 10);
}

/** The agreements in force for the corridor on the date, announced politely as they load. */
function AgreementsInForce({ state, dated }: { state: OverviewState; dated: boolean }) {
  const { t, i18n } = useTranslation();
  let content;
  if (state.status === 'idle') content = <p className="hint">{t('intake.rights.chooseCorridor')}</p>;
  else if (state.status === 'error') content = <p className="hint">{t('intake.rights.loadFailed')}</p>;
  else if (!state.overview) content = <p className="hint">{t('common.loading')}</p>;
  else {
    const { overview } = state;
    const date = formatDay(overview.on, i18n.language);
    content = (
      <>
        {overview.agreements.length === 0 ? (
          <p>{t('intake.rights.noAgreement', { date })}</p>
        ) : (
          <>
            <p>{t('intake.rights.inForce', { count: overview.agreements.length, date })}</p>
            <ul>
              {overview.agreements.map((a) => (
                <li key={a.id}>{a.title}</li>
              ))}
            </ul>
            <p className="hint">{t('intake.rights.baselineToo')}</p>
          </>
        )}
        {!dated && <p className="hint">{t('intake.rights.todayNote')}</p>}
        {state.status === 'loading' && <p className="hint">{t('common.loading')}</p>}
      </>
    );
  }
  return (
    <div className="rights-corridor" role="status" aria-live="polite" id="intake-rights-agreements">
      {content}
    </div>
  );
}

/** Rows of money: what the worker paid, or what was deducted from the wages (with the month). */
function MoneyRows<R extends FeeRow>({
  name,
  rows,
  setRows,
  make,
  errors,
  month,
}: {
  name: 'workerPaid' | 'deductions';
  rows: R[];
  setRows: (change: (rows: R[]) => R[]) => void;
  make: (previous: R | undefined) => R;
  errors: Record<string, string>;
  month?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const focusLater = usePendingFocus();
  const keys = name === 'workerPaid' ? 'intake.rights.paid' : 'intake.rights.deductions';
  const addId = `add-${name}`;
  const set = (index: number, change: Partial<R>) => setRows((list) => list.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const addAfter = (index: number) => {
    setRows((list) => [...list.slice(0, index + 1), make(list[index]), ...list.slice(index + 1)]);
    focusLater(fieldId(path(`${name}.${index + 1}.item`)));
  };
  const remove = (index: number) => {
    setRows((list) => list.filter((_, i) => i !== index));
    focusLater(addId);
  };
  return (
    <fieldset className="rights-rows">
      <legend>{t(`${keys}.legend`)}</legend>
      <Hint id={`rights-${name}`}>{t(`${keys}.hint`)}</Hint>
      {rows.map((row, index) => {
        const p = (field: string) => path(`${name}.${index}.${field}`);
        return (
          <fieldset key={row.key} className="row-set" onKeyDown={enterAddsRow(() => addAfter(index))}>
            <legend>{t(`${keys}.row`, { n: index + 1 })}</legend>
            <div className="fields narrow">
              <Field id={fieldId(p('item'))} label={t('intake.rights.item')} error={errors[p('item')]} render={(props) => (
                <select {...props} value={row.item} onChange={(e) => set(index, { item: e.target.value } as Partial<R>)}>
                  <option value="">{t('common.choose')}</option>
                  {feeItems.map((item) => <option key={item} value={item}>{feeItemLabel(t, item, i18n.language)}</option>)}
                </select>
              )} />
              <Field id={fieldId(p('amount'))} label={t('intake.relief.amount')} error={errors[p('amount')]} hint={t('intake.relief.amountHint')} render={(props) => (
                <input {...props} type="text" inputMode="decimal" autoComplete="off" value={row.amount} onChange={(e) => set(index, { amount: e.target.value } as Partial<R>)} />
              )} />
              <Field id={fieldId(p('currency'))} label={t('intake.relief.currency')} error={errors[p('currency')]} render={(props) => (
                <select {...props} value={row.currency} onChange={(e) => set(index, { currency: e.target.value } as Partial<R>)}>
                  <option value="">{t('common.choose')}</option>
                  <CurrencyOptions />
                </select>
              )} />
              {month && (
                <Field id={fieldId(p('month'))} label={t('intake.rights.deductions.month')} error={errors[p('month')]} hint={t('intake.rights.deductions.monthHint')} render={(props) => (
                  <input {...props} type="month" autoComplete="off" value={(row as unknown as DeductionRow).month}
                    onChange={(e) => set(index, { month: e.target.value } as unknown as Partial<R>)} />
                )} />
              )}
            </div>
            <div className="row-actions">
              <button type="button" className="secondary small" onClick={() => remove(index)} aria-label={t(`${keys}.removeNamed`, { n: index + 1 })}>
                {t('intake.remove')}
              </button>
            </div>
          </fieldset>
        );
      })}
      <div className="actions">
        <button type="button" id={addId} className="secondary" onClick={() => addAfter(rows.length - 1)}>
          {t(`${keys}.add`)}
        </button>
      </div>
    </fieldset>
  );
}

/** A "not known / yes / no" choice. */
function YesNo({ id, label, value, onChange, error, hint }: { id: string; label: string; value: string; onChange: (value: string) => void; error?: string; hint?: string }) {
  const { t } = useTranslation();
  return (
    <Field id={id} label={label} error={error} hint={hint} render={(props) => (
      <select {...props} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('intake.rights.notKnown')}</option>
        <option value="yes">{t('common.yes')}</option>
        <option value="no">{t('common.no')}</option>
      </select>
    )} />
  );
}

export function RightsFieldset({ form, update, errors, state, asked }: SectionProps & { state: OverviewState; asked: AskedFacts }) {
  const { t } = useTranslation();
  const names = useNames();
  const r = form.rights;
  const set = (change: Partial<RightsForm>) => update((f) => ({ ...f, rights: { ...f.rights, ...change } }));
  const setList = <K extends 'paid' | 'deductions'>(key: K) => (change: (rows: RightsForm[K]) => RightsForm[K]) =>
    update((f) => ({ ...f, rights: { ...f.rights, [key]: change(f.rights[key]) } }));
  const endorsementsId = fieldId(path('contractEndorsedBy'));
  const toggleAuthority = (code: string, on: boolean) =>
    set({ endorsedBy: on ? [...r.endorsedBy.filter((c) => c !== code), code] : r.endorsedBy.filter((c) => c !== code), ...(on ? { endorsedByNone: false } : {}) });
  const restDue = asked.restDay?.daysPerWeek ?? 1;
  const undated = !r.recruitedOn && !rightsFactsEmpty(r);

  return (
    <fieldset id="intake-rights" aria-describedby="rights-hint">
      <legend>{t('intake.rights.legend')}</legend>
      <Hint id="rights">{t('intake.rights.hint')}</Hint>
      <AgreementsInForce state={state} dated={Boolean(r.recruitedOn)} />

      <div className="fields">
        <Field id={fieldId(path('recruitedOn'))} label={t('intake.rights.recruitedOn')} error={errors[path('recruitedOn')]} hint={t('intake.rights.recruitedOnHint')} render={(p) => (
          <input {...p} type="date" max={todayIso()} value={r.recruitedOn} onChange={(e) => set({ recruitedOn: e.target.value })} />
        )} />
        {asked.region && (
          <Field id={fieldId(path('destinationRegion'))} label={t('intake.rights.region')} error={errors[path('destinationRegion')]} hint={t('intake.rights.regionHint')} render={(p) => (
            <>
              <input {...p} type="text" list="intake-ca-provinces" autoComplete="off" maxLength={100} value={r.destinationRegion}
                onChange={(e) => set({ destinationRegion: e.target.value })} />
              <datalist id="intake-ca-provinces">
                {canadianProvinces.map((name) => <option key={name} value={name} />)}
              </datalist>
            </>
          )} />
        )}
      </div>
      {undated && <p className="rights-warning" role="status">{t('intake.rights.undated')}</p>}

      <MoneyRows name="workerPaid" rows={r.paid} setRows={setList('paid')} make={(previous) => emptyFeeRow(previous?.currency ?? '')} errors={errors} />

      <div className="fields">
        <Field id={fieldId(path('passportHeldBy'))} label={t('intake.rights.passport')} error={errors[path('passportHeldBy')]} render={(p) => (
          <select {...p} value={r.passportHeldBy} onChange={(e) => set({ passportHeldBy: e.target.value })}>
            <option value="">{t('intake.rights.notKnown')}</option>
            {passportHolders.map((holder) => <option key={holder} value={holder}>{t(`intake.rights.holder.${holder}`)}</option>)}
          </select>
        )} />
        {asked.restDay && (
          <Field id={fieldId(path('restDaysPerWeek'))} label={t('intake.rights.restDays')} error={errors[path('restDaysPerWeek')]}
            hint={t('intake.rights.restDaysHint', { count: restDue })} render={(p) => (
              <select {...p} value={r.restDays} onChange={(e) => set({ restDays: e.target.value })}>
                <option value="">{t('intake.rights.notKnown')}</option>
                {[0, 1, 2, 3, 4, 5, 6, 7].map((n) => <option key={n} value={String(n)}>{t('intake.rights.restDaysOption', { count: n })}</option>)}
              </select>
            )} />
        )}
        {asked.restDay && asksPaidInLieu(asked, r) && (
          <YesNo id={fieldId(path('restDayPaidInLieu'))} label={t('intake.rights.paidInLieu')} value={r.restDayPaidInLieu} error={errors[path('restDayPaidInLieu')]}
            onChange={(restDayPaidInLieu) => set({ restDayPaidInLieu })} />
        )}
        {asked.family && (
          <YesNo id={fieldId(path('canCommunicateWithFamily'))} label={t('intake.rights.family')} value={r.family} error={errors[path('canCommunicateWithFamily')]}
            onChange={(family) => set({ family })} />
        )}
      </div>

      {asked.wageAndDeductions && (
        <>
          <div className="fields">
            <Field id={fieldId(path('monthlyWage.amount'))} label={t('intake.rights.wage')} error={errors[path('monthlyWage.amount')] ?? errors[path('monthlyWage')]}
              hint={t('intake.rights.wageHint')} render={(p) => (
                <input {...p} type="text" inputMode="decimal" autoComplete="off" value={r.wageAmount} onChange={(e) => set({ wageAmount: e.target.value })} />
              )} />
            <Field id={fieldId(path('monthlyWage.currency'))} label={t('intake.rights.wageCurrency')} error={errors[path('monthlyWage.currency')]} render={(p) => (
              <select {...p} value={r.wageCurrency} onChange={(e) => set({ wageCurrency: e.target.value })}>
                <option value="">{t('common.choose')}</option>
                <CurrencyOptions />
              </select>
            )} />
          </div>
          <MoneyRows name="deductions" month rows={r.deductions} setRows={setList('deductions')}
            make={(previous) => emptyDeductionRow(previous?.currency ?? r.wageCurrency, previous?.month ?? '')} errors={errors} />
        </>
      )}

      {asked.wagePayment && (
        <div className="fields">
          <Field id={fieldId(path('wagePayment.method'))} label={t('intake.rights.wageMethod')} error={errors[path('wagePayment.method')] ?? errors[path('wagePayment')]} render={(p) => (
            <select {...p} value={r.wageMethod} onChange={(e) => set({ wageMethod: e.target.value })}>
              <option value="">{t('intake.rights.notKnown')}</option>
              {wageMethods.map((m) => <option key={m} value={m}>{t(`intake.rights.method.${m}`)}</option>)}
            </select>
          )} />
          <Field id={fieldId(path('wagePayment.daysAfterPayDate'))} label={t('intake.rights.wageDays')} error={errors[path('wagePayment.daysAfterPayDate')]}
            hint={t('intake.rights.wageDaysHint')} render={(p) => (
              <input {...p} type="text" inputMode="numeric" autoComplete="off" maxLength={3} value={r.wageDays} onChange={(e) => set({ wageDays: e.target.value })} />
            )} />
        </div>
      )}

      {asked.endorsements.length > 0 && (
        <fieldset id={endorsementsId} tabIndex={-1} aria-invalid={errors[path('contractEndorsedBy')] ? true : undefined}
          aria-describedby={[`${endorsementsId}-hint`, errors[path('contractEndorsedBy')] ? `${endorsementsId}-error` : ''].filter(Boolean).join(' ')}>
          <legend>{t('intake.rights.endorsements')}</legend>
          <Hint id={endorsementsId}>{t('intake.rights.endorsementsHint')}</Hint>
          <FieldError id={endorsementsId} error={errors[path('contractEndorsedBy')]} />
          <div className="checkboxes-inline">
            {asked.endorsements.map((code) => (
              <label key={code} className="checkbox" htmlFor={fieldId(path(`contractEndorsedBy.${code}`))}>
                <input id={fieldId(path(`contractEndorsedBy.${code}`))} type="checkbox" checked={r.endorsedBy.includes(code)}
                  onChange={(e) => toggleAuthority(code, e.target.checked)} />
                <span>{authorityLabel(code, t, names.country)}</span>
              </label>
            ))}
            <label className="checkbox" htmlFor={fieldId(path('contractEndorsedBy.none'))}>
              <input id={fieldId(path('contractEndorsedBy.none'))} type="checkbox" checked={r.endorsedByNone}
                onChange={(e) => set({ endorsedByNone: e.target.checked, ...(e.target.checked ? { endorsedBy: [] } : {}) })} />
              <span>{t('intake.rights.endorsedByNone')}</span>
            </label>
          </div>
        </fieldset>
      )}
    </fieldset>
  );
}
