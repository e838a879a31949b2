// Small building blocks of the desk pages: error boxes, headings that take focus, labelled fields.
import { type ReactNode, type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api';
import { commonCountries, commonCurrencies, currencyCodes, useNames } from './codes';
import './desk.css';

/** The message to show for a failed call: the API's own (already translated) or the network one. */
export function useErrorMessage() {
  const { t } = useTranslation();
  return useCallback((caught: unknown) => (caught instanceof ApiError ? caught.message : t('common.networkError')), [t]);
}

export interface SubmissionOptions {
  /** The server's field errors as the form names its fields (default: as the server names them). */
  fieldsOf?: (caught: ApiError) => Record<string, string>;
  /** The id of a field's control: given, the first field the server refused takes focus. */
  controlId?: (field: string) => string;
}

/**
 * The state of a form that sends one request: `busy` while it runs; when it fails, `error` (the server's translated
 * message, or the network one) and `errors` (its field errors). `send` clears the message first and says whether the
 * request went through. The form's own checks set `errors` and `error` directly.
 */
export function useSubmission({ fieldsOf, controlId }: SubmissionOptions = {}) {
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const send = async (request: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await request();
      return true;
    } catch (caught) {
      if (caught instanceof ApiError) {
        const fields = fieldsOf ? fieldsOf(caught) : caught.fieldErrors();
        setErrors(fields);
        const first = Object.keys(fields)[0];
        if (first && controlId) requestAnimationFrame(() => document.getElementById(controlId(first))?.focus());
      }
      setError(errorMessage(caught));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, errors, setErrors, send };
}

export function ErrorAlert({ message, id }: { message: string | null | undefined; id?: string }) {
  if (!message) return null;
  return (
    <p className="alert" role="alert" id={id}>
      {message}
    </p>
  );
}

/** Sets the document title and moves focus to the page's heading when the page opens (or `key` changes). */
export function usePageHeading(title: string, key?: unknown): RefObject<HTMLHeadingElement | null> {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = t('common.pageTitle', { title });
  }, [t, title]);
  useEffect(() => {
    ref.current?.focus();
  }, [key]);
  return ref;
}

/** A page heading that can receive focus. */
export function PageHeading({ title, focusKey, id, children }: { title: string; focusKey?: unknown; id?: string; children?: ReactNode }) {
  const ref = usePageHeading(title, focusKey);
  return (
    <h1 ref={ref} tabIndex={-1} id={id}>
      {children ?? title}
    </h1>
  );
}

/** Props that tie a control to its hint and error message. */
export function describedBy(id: string, error?: string, hint?: boolean) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': ids || undefined } as const;
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p className="field-error" id={`${id}-error`}>
      {error}
    </p>
  );
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <span className="hint" id={`${id}-hint`}>
      {children}
    </span>
  );
}

/** A label (with "required" when it is), a control given by `render`, its hint and its error. */
export function Field({
  id,
  label,
  hint,
  error,
  required,
  hintAfter,
  className,
  render,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  /** Show the hint under the control (for a hint that echoes the value, such as a country's name). */
  hintAfter?: boolean;
  className?: string;
  render: (props: ReturnType<typeof describedBy> & { 'aria-required'?: boolean }) => ReactNode;
}) {
  return (
    <div className={className ?? 'field'}>
      <FieldLabel htmlFor={id} label={label} required={required} />
      {hint && !hintAfter && <Hint id={id}>{hint}</Hint>}
      {render({ ...describedBy(id, error, Boolean(hint)), 'aria-required': required || undefined })}
      {hint && hintAfter && <Hint id={id}>{hint}</Hint>}
      <FieldError id={id} error={error} />
    </div>
  );
}

export function FieldLabel({ htmlFor, label, required }: { htmlFor: string; label: string; required?: boolean }) {
  const { t } = useTranslation();
  return (
    <label htmlFor={htmlFor}>
      {label}
      {required && <span className="required-mark">{t('common.requiredMark')}</span>}
    </label>
  );
}

/** Options of every country: the region's common ones first, then all by name. */
export function CountryOptions({ only }: { only?: (code: string) => boolean }) {
  const { t } = useTranslation();
  const names = useNames();
  const keep = only ?? (() => true);
  const common = commonCountries.filter(keep);
  const all = names.sortedCountries.filter(keep);
  const option = (code: string) => (
    <option key={code} value={code}>
      {names.country(code)} ({code})
    </option>
  );
  return (
    <>
      {common.length > 0 && <optgroup label={t('codes.commonCountries')}>{common.map(option)}</optgroup>}
      {all.length > 0 && <optgroup label={t('codes.allCountries')}>{all.map(option)}</optgroup>}
    </>
  );
}

/**
 * A country select with a filter box above it, for long lists on a phone: typing in the filter narrows the
 * options, and Enter in the filter picks the first match.
 */
export function CountrySelect({
  id,
  label,
  value,
  onChange,
  error,
  required,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (code: string) => void;
  error?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const names = useNames();
  const [filter, setFilter] = useState('');
  const matches = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    if (!needle) return undefined;
    return (code: string) => code.toLowerCase() === needle || names.country(code).toLocaleLowerCase().includes(needle);
  }, [filter, names]);
  const first = matches ? names.sortedCountries.find(matches) : undefined;
  return (
    <div className="field country-select">
      <FieldLabel htmlFor={id} label={label} required={required} />
      <div className="inline-controls">
        <span className="filter">
          <label htmlFor={`${id}-filter`} className="visually-hidden">
            {t('codes.filterCountries', { field: label })}
          </label>
          <input
            id={`${id}-filter`}
            type="search"
            value={filter}
            placeholder={t('codes.filterPlaceholder')}
            autoComplete="off"
            onChange={(event) => setFilter(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                if (first) {
                  onChange(first);
                  setFilter('');
                }
              }
            }}
          />
        </span>
        <select {...describedBy(id, error)} value={value} aria-required={required || undefined} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t('common.choose')}</option>
          {value && matches && !matches(value) && (
            <option value={value}>
              {names.country(value)} ({value})
            </option>
          )}
          <CountryOptions only={matches} />
        </select>
      </div>
      <FieldError id={id} error={error} />
    </div>
  );
}

/** One datalist of countries for the many small country fields of a form (worker nationality, respondent country). */
export function CountryDatalist({ id }: { id: string }) {
  const names = useNames();
  return (
    <datalist id={id}>
      {names.sortedCountries.map((code) => (
        <option key={code} value={code} label={names.country(code)} />
      ))}
    </datalist>
  );
}

export function CurrencyOptions() {
  const { t } = useTranslation();
  const names = useNames();
  const option = (code: string) => (
    <option key={code} value={code}>
      {code} · {names.currency(code)}
    </option>
  );
  return (
    <>
      <optgroup label={t('codes.commonCurrencies')}>{commonCurrencies.map(option)}</optgroup>
      <optgroup label={t('codes.allCurrencies')}>{currencyCodes.filter((c) => !commonCurrencies.includes(c)).map(option)}</optgroup>
    </>
  );
}

export function StateBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  return <span className={`badge state-${state}`}>{t(`server:state.${state}`)}</span>;
}

export function OverdueBadge({ overdue }: { overdue: boolean }) {
  const { t } = useTranslation();
  if (!overdue) return null;
  return <span className="badge overdue">{t('common.overdue')}</span>;
}

/** Moves focus to the element with this id (used by error summaries: links to the fields). */
export function focusById(id: string): boolean {
  const element = document.getElementById(id);
  if (!element) return false;
  element.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
  return true;
}

/**
 * A status message that takes focus each time it is set (after a change made on the page), so that screen
 * readers read it and keyboard users continue from there.
 */
export function useAnnouncement() {
  const [state, setState] = useState({ message: '', tick: 0 });
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.tick > 0) ref.current?.focus();
  }, [state.tick]);
  const announce = useCallback((message: string) => setState((current) => ({ message, tick: current.tick + 1 })), []);
  return { message: state.message, announce, ref };
}

export function Announcement({ message, announcementRef }: { message: string; announcementRef: RefObject<HTMLParagraphElement | null> }) {
  return (
    <p className="notice" role="status" tabIndex={-1} ref={announcementRef} hidden={!message}>
      {message}
    </p>
  );
}
