import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** Field paths are the API's (`workers.0.name`); element ids are derived from them so that server errors find their field. */
export const fieldId = (path: string) => `f-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
export const errorId = (path: string) => `${fieldId(path)}-error`;
const hintId = (path: string) => `${fieldId(path)}-hint`;

export type FieldErrors = Record<string, string>;

/** The ids a control is described by: its hint, then its error. */
export function describedBy(path: string, hint: boolean, error: string | undefined): string | undefined {
  return [hint ? hintId(path) : '', error ? errorId(path) : ''].filter(Boolean).join(' ') || undefined;
}

export function FieldError({ path, message }: { path: string; message?: string }) {
  return message ? (
    <p className="field-error" id={errorId(path)}>
      {message}
    </p>
  ) : null;
}

export function Hint({ path, children }: { path: string; children?: ReactNode }) {
  return children ? (
    <span className="hint" id={hintId(path)}>
      {children}
    </span>
  ) : null;
}

/** A label, an optional hint and error, and a text input or textarea, wired for screen readers. */
export function TextField(props: {
  path: string;
  label: string;
  hint?: string;
  optional?: boolean;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  multiline?: boolean;
  type?: 'text' | 'tel';
  maxLength?: number;
  autoComplete?: string;
  inputMode?: 'text' | 'tel' | 'numeric';
}) {
  const { t } = useTranslation();
  const { path, label, hint, optional, value, onChange, error, multiline, maxLength } = props;
  const common = {
    id: fieldId(path),
    value,
    maxLength,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(path, Boolean(hint), error),
    'aria-required': optional ? undefined : true,
  };
  return (
    <div>
      <label htmlFor={fieldId(path)}>
        {label}
        {optional && <span className="optional"> {t('common.optional')}</span>}
      </label>
      <Hint path={path}>{hint}</Hint>
      {multiline ? (
        <textarea {...common} dir="auto" rows={8} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          dir="auto"
          autoComplete={props.autoComplete}
          inputMode={props.inputMode}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      <FieldError path={path} message={error} />
    </div>
  );
}

/** A select of countries with an empty first choice. */
export function CountrySelect(props: {
  path: string;
  label: string;
  hint?: string;
  optional?: boolean;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  options: Array<{ code: string; label: string }>;
}) {
  const { t } = useTranslation();
  const { path, label, hint, optional, value, onChange, error, options } = props;
  return (
    <div>
      <label htmlFor={fieldId(path)}>
        {label}
        {optional && <span className="optional"> {t('common.optional')}</span>}
      </label>
      <Hint path={path}>{hint}</Hint>
      <select
        id={fieldId(path)}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(path, Boolean(hint), error)}
        aria-required={optional ? undefined : true}
      >
        <option value="">{t('form.chooseCountry')}</option>
        {options.map((option) => (
          <option key={option.code} value={option.code}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError path={path} message={error} />
    </div>
  );
}

/** A group of radio buttons or checkboxes in a fieldset with its legend; each choice's id is the field's id and its value. */
export function ChoiceGroup(props: {
  path: string;
  legend: ReactNode;
  hint?: string;
  kind: 'radio' | 'checkbox';
  name: string;
  choices: Array<{ value: string; label: string }>;
  selected: string[];
  onToggle: (value: string, checked: boolean) => void;
  error?: string;
  className?: string;
  /** For a group that is part of a larger question: the ids of that question's hint and error. */
  describedBy?: string;
  invalid?: boolean;
}) {
  const { path, legend, hint, kind, name, choices, selected, onToggle, error } = props;
  const described = props.describedBy ?? describedBy(path, Boolean(hint), error);
  const invalid = Boolean(error) || props.invalid;
  return (
    <fieldset className={props.className}>
      <legend>{legend}</legend>
      <Hint path={path}>{hint}</Hint>
      <FieldError path={path} message={error} />
      {choices.map((choice, index) => {
        const id = `${fieldId(path)}-${choice.value}`;
        return (
          <label key={choice.value} className="checkbox" htmlFor={id}>
            <input
              id={id}
              type={kind}
              name={name}
              value={choice.value}
              checked={selected.includes(choice.value)}
              onChange={(event) => onToggle(choice.value, event.target.checked)}
              aria-invalid={invalid ? true : undefined}
              aria-describedby={described}
            />
            <span>{choice.label}</span>
          </label>
        );
      })}
    </fieldset>
  );
}

/** The control a field path points to: the field itself, or the first choice of a group of choices. */
function target(path: string): HTMLElement | null {
  const id = fieldId(path);
  return document.getElementById(id) ?? document.querySelector<HTMLElement>(`:is(input, select, textarea)[id^="${id}-"]`);
}

/** The list of problems at the top of a form, each a link that moves focus to its field. */
export function ErrorSummary({ title, errors, focusKey }: { title: string; errors: FieldErrors; focusKey: number }) {
  const entries = Object.entries(errors);
  const box = useRef<HTMLDivElement>(null);
  // Each new attempt to send moves focus here, so that the problems are read out and easy to reach.
  useEffect(() => {
    if (focusKey) box.current?.focus();
  }, [focusKey]);
  return (
    <div className="alert error-summary" role="alert" tabIndex={-1} ref={box}>
      <h2>{title}</h2>
      {entries.length > 0 && (
        <ul>
          {entries.map(([path, message]) => (
            <li key={path}>
              {target(path) ? (
                <a
                  href={`#${target(path)?.id}`}
                  onClick={(event) => {
                    event.preventDefault();
                    const element = target(path);
                    element?.scrollIntoView({ block: 'center' });
                    element?.focus();
                  }}
                >
                  {message}
                </a>
              ) : (
                message
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
