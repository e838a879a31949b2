import { useTranslation } from 'react-i18next';
import { changeLanguage, type Language, languageNames, languages } from './i18n';

/** A select listing every language by its own name; the label is translated in the `common` keys of the namespace. */
export function LanguageSwitcher({ label }: { label: string }) {
  const { i18n } = useTranslation();
  return (
    <label className="language-switcher">
      <span className="visually-hidden">{label}</span>
      <select value={i18n.language} onChange={(event) => void changeLanguage(event.target.value as Language)} aria-label={label}>
        {languages.map((language) => (
          <option key={language} value={language} lang={language}>
            {languageNames[language]}
          </option>
        ))}
      </select>
    </label>
  );
}
