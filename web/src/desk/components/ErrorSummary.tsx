import { forwardRef, useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { focusById } from './ui';

/** The control (or the nearest enclosing group) shown for an error path: `workers.0.name`, then `workers.0`, `workers`. */
export function targetFor(path: string, idFor: (path: string) => string): string | undefined {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n -= 1) {
    const id = idFor(parts.slice(0, n).join('.'));
    if (document.getElementById(id)) return id;
  }
  return undefined;
}

/** The text of a label or legend without its "(required)" mark and hints. */
function textOf(element: Element | null | undefined): string {
  if (!element) return '';
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('.required-mark, .hint').forEach((node) => node.remove());
  return copy.textContent?.trim() ?? '';
}

/** The visible name of a control: its group's legend and its label ("Worker 2 · Name"). */
function describe(id: string): string {
  const element = document.getElementById(id);
  if (!element) return '';
  const own =
    element instanceof HTMLFieldSetElement
      ? textOf(element.querySelector('legend'))
      : textOf((element as HTMLInputElement).labels?.[0]) || (element.getAttribute('aria-label') ?? '');
  const group = textOf(element.parentElement?.closest('fieldset.row-set')?.querySelector('legend'));
  return [group, own].filter(Boolean).join(' · ');
}

/** Page order of two elements (errors are listed in the order of the form). */
function byPosition(a?: string, b?: string): number {
  const x = a ? document.getElementById(a) : null;
  const y = b ? document.getElementById(b) : null;
  if (!x || !y) return x ? -1 : y ? 1 : 0;
  return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/**
 * "There is a problem" box at the top of a form: one link per error that moves focus to its field. Receives
 * focus itself when shown (the parent passes the ref and focuses it).
 */
export const ErrorSummary = forwardRef<HTMLDivElement, { message: string; errors: Record<string, string>; idFor: (path: string) => string }>(
  function ErrorSummary({ message, errors, idFor }, ref) {
    const { t } = useTranslation();
    const [entries, setEntries] = useState<Array<{ path: string; target?: string; label: string; message: string }>>([]);
    useLayoutEffect(() => {
      setEntries(
        Object.entries(errors)
          .map(([path, text]) => {
            const target = targetFor(path, idFor);
            return { path, target, label: target ? describe(target) : '', message: text };
          })
          .sort((a, b) => byPosition(a.target, b.target)),
      );
    }, [errors, idFor]);
    return (
      <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
        <h2 id="error-summary-title">{t('common.errorSummaryTitle')}</h2>
        <p>{message}</p>
        {entries.length > 0 && (
          <ul>
            {entries.map((entry) => (
              <li key={entry.path}>
                {entry.target ? (
                  <a
                    href={`#${entry.target}`}
                    onClick={(event) => {
                      event.preventDefault();
                      focusById(entry.target!);
                    }}
                  >
                    {entry.label ? t('common.errorFor', { field: entry.label, message: entry.message }) : entry.message}
                  </a>
                ) : (
                  entry.message
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  },
);
