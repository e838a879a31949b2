import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../shared/api';
import { formatMoney } from '../../../shared/i18n';
import { formatNumber, useNames } from '../codes';
import { ErrorAlert, useErrorMessage } from '../ui';
import type { AgencyRecord } from './types';

function CountTable({ id, title, column, rows }: { id: string; title: string; column: string; rows: Array<{ key: string; label: string; count: number }> }) {
  const { t, i18n } = useTranslation('agencies');
  return (
    <div>
      <h3 id={id}>{title}</h3>
      {rows.length === 0 ? (
        <p className="hint">{t('record.noneHere')}</p>
      ) : (
        <table aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">{column}</th>
              <th scope="col" className="num">{t('record.complaints')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td className="num">{formatNumber(row.count, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** An agency's complaint record: counts by state, grievance and year, and money claimed, awarded and received. */
export function ComplaintRecord({ agencyId, refreshKey }: { agencyId: string; refreshKey?: unknown }) {
  const { t, i18n } = useTranslation('agencies');
  const names = useNames();
  const errorMessage = useErrorMessage();
  const [record, setRecord] = useState<AgencyRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [forbidden, setForbidden] = useState(false);

  useEffect(() => {
    let current = true;
    setError(null);
    setForbidden(false);
    api<AgencyRecord>('GET', `/api/v1/agencies/${agencyId}/record`)
      .then((result) => current && setRecord(result))
      .catch((caught) => {
        if (!current) return;
        setError(errorMessage(caught));
        setForbidden(caught instanceof ApiError && caught.status === 403);
      });
    return () => {
      current = false;
    };
  }, [agencyId, refreshKey, errorMessage]);

  const total = record ? Object.values(record.byState).reduce((sum, n) => sum + n, 0) : 0;
  const byCount = (a: { count: number; label: string }, b: { count: number; label: string }) => b.count - a.count || a.label.localeCompare(b.label);
  return (
    <section aria-labelledby="record-heading" className="agency-section">
      <h2 id="record-heading">{t('record.title')}</h2>
      <ErrorAlert message={error} />
      {forbidden && <p className="hint">{t('record.notAllowed')}</p>}
      {!record && !error && <p>{t('desk:common.loading')}</p>}
      {record && total === 0 && <p>{t('record.none')}</p>}
      {record && total > 0 && (
        <>
          <p>{t('record.total', { count: total, formatted: formatNumber(total, i18n.language) })}</p>
          <div className="record-grid">
            <CountTable
              id="record-state"
              title={t('record.byState')}
              column={t('record.state')}
              rows={Object.entries(record.byState).map(([key, count]) => ({ key, count, label: t(`server:state.${key}`, { defaultValue: key }) })).sort(byCount)}
            />
            <CountTable
              id="record-grievance"
              title={t('record.byGrievance')}
              column={t('record.grievance')}
              rows={Object.entries(record.byGrievance).map(([key, count]) => ({ key, count, label: t(`server:grievance.${key}`, { defaultValue: key }) })).sort(byCount)}
            />
            <CountTable
              id="record-year"
              title={t('record.byYear')}
              column={t('record.year')}
              rows={Object.entries(record.byYear).sort(([a], [b]) => b.localeCompare(a)).map(([key, count]) => ({ key, count, label: key }))}
            />
          </div>
          <h3 id="record-money">{t('record.money')}</h3>
          {record.money.length === 0 ? (
            <p className="hint">{t('record.noMoney')}</p>
          ) : (
            <>
              <p className="hint">{t('record.moneyHint')}</p>
              <div className="table-scroll">
                <table aria-labelledby="record-money">
                  <thead>
                    <tr>
                      <th scope="col">{t('record.currency')}</th>
                      <th scope="col" className="num">{t('record.claimed')}</th>
                      <th scope="col" className="num">{t('record.awarded')}</th>
                      <th scope="col" className="num">{t('record.received')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {record.money.map((m) => {
                      const max = Math.max(m.claimed, m.awarded, m.received, 1);
                      const cell = (kind: 'claimed' | 'awarded' | 'received') => (
                        <td className="num">
                          {formatMoney(m[kind], m.currency, i18n.language)}
                          <span className={`money-bar ${kind}`} style={{ width: `${(100 * m[kind]) / max}%` }} aria-hidden="true" />
                        </td>
                      );
                      return (
                        <tr key={m.currency}>
                          <th scope="row">
                            {m.currency} <span className="hint">{names.currency(m.currency)}</span>
                          </th>
                          {cell('claimed')}
                          {cell('awarded')}
                          {cell('received')}
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}
