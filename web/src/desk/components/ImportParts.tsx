// The parts the two import pages share (complaints, and the registry's licence lists): the check and import
// buttons, the heading of a report that takes focus, and the table of rejected rows. Each page passes its own
// translated labels, so the parts hold no text of their own.
import { type ReactNode, useEffect, useRef } from 'react';

/** The report's heading: each report is a new element (keyed), which takes focus when it appears so it is read out. */
export function ReportHeading({ children }: { children: ReactNode }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <h2 id="import-report-heading" ref={headingRef} tabIndex={-1} style={{ marginTop: 0 }}>
      {children}
    </h2>
  );
}

/** The lines of the file that were not imported, each with its reasons (the first `shown` of them). */
export function RejectedRows<R>({ rows, shown, reasonText, format, labels }: {
  rows: Array<{ line: number; reasons: R[] }>;
  shown: number;
  reasonText: (reason: R) => string;
  format: (value: number) => string;
  labels: { line: string; reasons: string };
}) {
  return (
    <div className="table-scroll">
      <table aria-labelledby="import-rejected-heading">
        <thead>
          <tr>
            <th scope="col" className="num">{labels.line}</th>
            <th scope="col">{labels.reasons}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, shown).map((row) => (
            <tr key={row.line}>
              <th scope="row" className="num">{format(row.line)}</th>
              <td>
                <ul className="reasons">
                  {row.reasons.map((reason, index) => (
                    <li key={index}>{reasonText(reason)}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Check (the form's submit: a dry run) and import, offered only for exactly what the last check was of, with a
 * status line read out while either runs.
 */
export function CheckAndImport({ busy, canImport, onImport, labels }: {
  busy: 'check' | 'import' | null;
  canImport: boolean;
  onImport: () => void;
  labels: { hint: string; check: string; import: string; checking: string; importing: string };
}) {
  return (
    <>
      <p className="hint" id="import-buttons-hint">{labels.hint}</p>
      <div className="actions">
        <button type="submit" className={canImport ? 'secondary' : undefined} disabled={busy !== null}>{labels.check}</button>
        <button type="button" onClick={onImport} disabled={busy !== null || !canImport} aria-describedby="import-buttons-hint">
          {labels.import}
        </button>
      </div>
      <p role="status" className="hint">
        {busy === 'check' ? labels.checking : busy === 'import' ? labels.importing : ''}
      </p>
    </>
  );
}
