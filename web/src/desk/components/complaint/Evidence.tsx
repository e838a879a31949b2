// Evidence files (download links, upload) and the audit history supervisors may read.
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/i18n';
import { complaintStates, formatBytes } from '../codes';
import type { AuditEntry, ComplaintDetail } from '../types';
import { ErrorAlert, useErrorMessage, useSubmission } from '../ui';

export function EvidenceSection({ complaint, done }: { complaint: ComplaintDetail; done: (message: string) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const [description, setDescription] = useState('');
  const { busy, error, setError, send } = useSubmission();
  const fileRef = useRef<HTMLInputElement>(null);

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setError(t('complaint.evidence.chooseFirst'));
      fileRef.current?.focus();
      return;
    }
    await send(async () => {
      const data = new FormData();
      if (description.trim()) data.append('description', description.trim());
      data.append('file', file);
      await api('POST', `/api/v1/complaints/${complaint.id}/evidence`, data);
      setDescription('');
      if (fileRef.current) fileRef.current.value = '';
      await done(t('complaint.evidence.added', { name: file.name }));
    });
  };

  return (
    <section aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{t('complaint.evidence.title')}</h2>
      {complaint.evidence.length === 0 ? (
        <p>{t('complaint.evidence.none')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('complaint.evidence.file')}</th>
                <th scope="col">{t('complaint.evidence.description')}</th>
                <th scope="col" className="num">{t('complaint.evidence.size')}</th>
                <th scope="col">{t('complaint.evidence.added_at')}</th>
              </tr>
            </thead>
            <tbody>
              {complaint.evidence.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <a href={`/api/v1/complaints/${complaint.id}/evidence/${e.id}`} download={e.filename}>
                      {e.filename}
                    </a>
                    <span className="hint">{e.mediaType}</span>
                  </th>
                  <td className="preserve">{e.description ?? ''}</td>
                  <td className="num nowrap">{formatBytes(e.sizeBytes, i18n.language)}</td>
                  <td className="nowrap">{formatDateTime(e.createdAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form onSubmit={(event) => void upload(event)} className="card" aria-labelledby="evidence-form-heading">
        <h3 id="evidence-form-heading" style={{ marginTop: 0 }}>{t('complaint.evidence.addTitle')}</h3>
        <div className="fields">
          <div className="field">
            <label htmlFor="evidence-file">{t('complaint.evidence.file')}</label>
            <span className="hint" id="evidence-file-hint">{t('complaint.evidence.hint')}</span>
            <input id="evidence-file" type="file" ref={fileRef} aria-describedby="evidence-file-hint" />
          </div>
          <div className="field">
            <label htmlFor="evidence-description">{t('complaint.evidence.description')}</label>
            <input id="evidence-description" type="text" maxLength={500} value={description} onChange={(event) => setDescription(event.target.value)} />
          </div>
        </div>
        <ErrorAlert message={error} />
        <div className="actions">
          <button type="submit" disabled={busy}>{t('complaint.evidence.upload')}</button>
        </div>
      </form>
    </section>
  );
}

/** Who read and changed the complaint (supervisors): loaded only when the section is opened. */
export function AuditHistory({ complaintId, userName }: { complaintId: string; userName: (id: string | null) => string }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const [items, setItems] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Details are codes and ids: show states by their label and users by their name where known.
  const details = (values: Record<string, unknown>) =>
    Object.entries(values)
      .map(([key, value]) => {
        let shown: string;
        if (typeof value === 'string' && (complaintStates as readonly string[]).includes(value)) shown = t(`server:state.${value}`);
        else if (typeof value === 'string' && ['to', 'from', 'userId'].includes(key) && /^[0-9a-f-]{36}$/.test(value)) shown = userName(value);
        else shown = typeof value === 'string' ? value : JSON.stringify(value);
        return t('complaint.audit.detail', { key, value: shown });
      })
      .join(t('common.listSeparator'));

  const load = async () => {
    setError(null);
    try {
      setItems((await api<{ items: AuditEntry[] }>('GET', `/api/v1/complaints/${complaintId}/audit`)).items);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <details className="card" onToggle={(event) => event.currentTarget.open && items === null && void load()}>
      <summary>{t('complaint.audit.title')}</summary>
      <ErrorAlert message={error} />
      {items === null && !error && <p role="status">{t('common.loading')}</p>}
      {items && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col" className="num">{t('complaint.audit.seq')}</th>
                <th scope="col">{t('complaint.audit.at')}</th>
                <th scope="col">{t('complaint.audit.who')}</th>
                <th scope="col">{t('complaint.audit.action')}</th>
                <th scope="col">{t('complaint.audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {[...items].reverse().map((item) => (
                <tr key={item.seq}>
                  <td className="num">{item.seq}</td>
                  <td className="nowrap">{formatDateTime(item.at, i18n.language)}</td>
                  <td>{item.actorType === 'user' ? userName(item.actorId) : t(`complaint.audit.actor.${item.actorType}`, { defaultValue: item.actorType })}</td>
                  <td>{t(`auditAction.${item.action}`, { defaultValue: item.action })}</td>
                  <td>{details(item.details)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
