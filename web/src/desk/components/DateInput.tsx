import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTypedDate, parseTypedDate } from './typed-date';

/**
 * A date field that takes what people type (day/month/year, or YYYY-MM-DD; Buddhist-era years in Thai and Lao)
 * and gives YYYY-MM-DD (Gregorian) to `onChange`, '' when empty. The date is shown back as the user's language
 * writes it when the field loses focus.
 */
export function DateInput({ id, value, onChange }: { id: string; value: string; onChange: (iso: string) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [text, setText] = useState(value ? formatTypedDate(value, language) : '');
  const [invalid, setInvalid] = useState(false);
  // Follow the value (and the language) when they change from outside the field.
  useEffect(() => {
    if (parseTypedDate(text, language) !== value) setText(value ? formatTypedDate(value, language) : '');
    setInvalid(false);
  }, [value, language]);

  const read = (typed: string) => {
    setText(typed);
    if (!typed.trim()) {
      setInvalid(false);
      onChange('');
      return;
    }
    const iso = parseTypedDate(typed, language);
    setInvalid(iso === null);
    if (iso) onChange(iso);
  };
  const example = formatTypedDate('2026-03-01', language);
  return (
    <>
      <span id={`${id}-hint`} className="hint">
        {invalid ? t('dateInput.invalid', { example }) : t('dateInput.hint', { example })}
      </span>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={text}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-hint`}
        onChange={(event) => read(event.target.value)}
        onBlur={() => {
          const iso = parseTypedDate(text, language);
          if (iso) setText(formatTypedDate(iso, language));
        }}
      />
    </>
  );
}
