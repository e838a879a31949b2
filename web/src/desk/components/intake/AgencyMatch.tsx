// Matching a typed recruitment agency against the registry of licensed agencies (the official licence lists):
// suggestions while typing, shown at intake and on the complaint page, and the confirmation of the chosen ones.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { useNames } from '../codes';
import { formatDay } from '../rights';
import { useErrorMessage } from '../ui';
import './agencyMatch.css';

import type { AgencySummary, LicenceStatus } from '../../../../../src/modules/agencies/codes';

export { licenceStatuses, type AgencySummary, type LicenceStatus } from '../../../../../src/modules/agencies/codes';

export interface AgencyMatch {
  agency: AgencySummary;
  matchedName: string;
  score: number;
  likelySame: boolean;
}

/** What an intake row keeps of the agency the officer chose (kept in the draft with the rest of the form). */
export interface ChosenAgency {
  id: string;
  name: string;
  licenceNumber: string;
  licenceStatus: LicenceStatus;
  issuingCountry: string;
  issuingAuthority?: string | null;
  licenceValidTo?: string | null;
}

export const chosenFrom = (agency: AgencySummary): ChosenAgency => ({
  id: agency.id,
  name: agency.name,
  licenceNumber: agency.licenceNumber,
  licenceStatus: agency.licenceStatus,
  issuingCountry: agency.issuingCountry,
  issuingAuthority: agency.issuingAuthority,
  licenceValidTo: agency.licenceValidTo,
});

/** Names shorter than this are not looked up. */
export const minMatchLength = 3;
const debounceMs = 250;

/** The country to search in: the respondent's own when it is a code, else the corridor's origin, else none. */
export function matchCountry(...candidates: Array<string | null | undefined>): string | undefined {
  for (const candidate of candidates) {
    const code = (candidate ?? '').trim().toUpperCase();
    if (/^[A-Z]{2}$/.test(code)) return code;
  }
  return undefined;
}

type MatchState =
  | { phase: 'idle' }
  | { phase: 'loading'; items: AgencyMatch[] }
  | { phase: 'done'; items: AgencyMatch[] }
  | { phase: 'error'; message: string; items: AgencyMatch[] };

/** The registry's agencies with names like `name`, looked up a short pause after the last keystroke. */
export function useAgencyMatches(name: string, country: string | undefined, enabled: boolean): MatchState {
  const errorMessage = useErrorMessage();
  const [state, setState] = useState<MatchState>({ phase: 'idle' });
  const typed = name.trim();
  const active = enabled && [...typed].length >= minMatchLength;

  useEffect(() => {
    if (!active) {
      setState({ phase: 'idle' });
      return;
    }
    let current = true;
    setState((s) => ({ phase: 'loading', items: s.phase === 'idle' ? [] : s.items }));
    const timer = window.setTimeout(() => {
      const query = new URLSearchParams({ name: typed.slice(0, 300) });
      if (country) query.set('country', country);
      api<{ items: AgencyMatch[] }>('GET', `/api/v1/agencies/match?${query}`).then(
        (answer) => current && setState({ phase: 'done', items: answer.items }),
        (caught) => current && setState({ phase: 'error', message: errorMessage(caught), items: [] }),
      );
    }, debounceMs);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [active, typed, country, errorMessage]);

  return state;
}

/** A licence status in words (never colour alone), in a badge. */
export function LicenceStatusBadge({ status, id }: { status: LicenceStatus; id?: string }) {
  const { t } = useTranslation();
  return (
    <span id={id} className={`badge licence-status licence-${status}`} data-status={status}>
      {t(`agencyMatch.status.${status}`)}
    </span>
  );
}

/** Licence number, status, authority and validity of an agency, as a description list. */
export function AgencyFacts({ agency }: { agency: AgencySummary | ChosenAgency }) {
  const { t, i18n } = useTranslation();
  const names = useNames();
  const issuer = [agency.issuingAuthority, names.country(agency.issuingCountry)].filter(Boolean).join(t('common.listSeparator'));
  return (
    <dl className="agency-facts">
      <div>
        <dt>{t('agencyMatch.licenceNumber')}</dt>
        <dd className="nowrap">{agency.licenceNumber}</dd>
      </div>
      <div>
        <dt>{t('agencyMatch.licenceStatus')}</dt>
        <dd><LicenceStatusBadge status={agency.licenceStatus} /></dd>
      </div>
      <div>
        <dt>{t('agencyMatch.issuedBy')}</dt>
        <dd>{issuer}</dd>
      </div>
      {agency.licenceValidTo && (
        <div>
          <dt>{t('agencyMatch.validUntil')}</dt>
          <dd>{formatDay(agency.licenceValidTo, i18n.language)}</dd>
        </div>
      )}
    </dl>
  );
}

/**
 * Suggestions from the registry for a typed agency name: each with its licence and a "This is the agency"
 * button, a polite live status with how many were found, and a clear "not on the list" hint when none is.
 * Ids: `${idPrefix}-status` (live status), `${idPrefix}-list`, `${idPrefix}-choose-${n}` (the buttons, n from 0,
 * each with data-agency-id), `${idPrefix}-none` (the "not on the list" hint).
 */
export function AgencySuggestions({
  idPrefix,
  name,
  country,
  enabled = true,
  busy = false,
  onChoose,
}: {
  idPrefix: string;
  name: string;
  country: string | undefined;
  enabled?: boolean;
  busy?: boolean;
  onChoose: (agency: AgencySummary) => void;
}) {
  const { t } = useTranslation();
  const state = useAgencyMatches(name, country, enabled);
  const items = state.phase === 'idle' ? [] : state.items;
  const headingId = useId();

  let status = '';
  if (state.phase === 'done') status = items.length > 0 ? t('agencyMatch.found', { count: items.length }) : t('agencyMatch.noneFound');
  else if (state.phase === 'error') status = t('agencyMatch.searchFailed', { message: state.message });

  return (
    <div className="agency-match" id={idPrefix}>
      <p className="hint agency-searching" aria-hidden={state.phase !== 'loading'}>
        {state.phase === 'loading' ? t('agencyMatch.searching') : ''}
      </p>
      <p id={`${idPrefix}-status`} role="status" aria-live="polite" className={state.phase === 'error' ? 'field-error' : 'agency-match-status'}>
        {status}
      </p>
      {items.length > 0 && (
        <>
          <p className="visually-hidden" id={headingId}>{t('agencyMatch.suggestions', { name: name.trim() })}</p>
          <ul className="agency-suggestions" id={`${idPrefix}-list`} aria-labelledby={headingId}>
            {items.map((match, n) => (
              <li key={match.agency.id} className={match.likelySame ? 'likely' : undefined}>
                <div className="agency-suggestion-name">
                  <strong>{match.agency.name}</strong>
                  {match.likelySame && <span className="badge likely-same">{t('agencyMatch.likelySame')}</span>}
                  {match.matchedName !== match.agency.name && <span className="hint">{t('agencyMatch.matchedName', { name: match.matchedName })}</span>}
                </div>
                <AgencyFacts agency={match.agency} />
                <button
                  type="button"
                  className="secondary small"
                  id={`${idPrefix}-choose-${n}`}
                  data-agency-id={match.agency.id}
                  disabled={busy}
                  aria-label={t('agencyMatch.chooseNamed', { name: match.agency.name, licence: match.agency.licenceNumber })}
                  onClick={() => onChoose(match.agency)}
                >
                  {t('agencyMatch.choose')}
                </button>
              </li>
            ))}
          </ul>
          <p className="hint">{t('agencyMatch.noneOfThese')}</p>
        </>
      )}
      {state.phase === 'done' && items.length === 0 && (
        <p className="agency-none" id={`${idPrefix}-none`}>
          <strong>{t('agencyMatch.notOnList')}</strong> {t('agencyMatch.notOnListHint')}
        </p>
      )}
    </div>
  );
}

/** The answer of confirming (or clearing) a respondent's agency. */
export interface AgencyLinkResult {
  respondentId: string;
  agencyId: string | null;
  licenceStatusOnRecruitment: LicenceStatus | null;
  possibleIllegalRecruitment: boolean;
  checkedOn: string;
}

/** Confirms which registry agency a respondent is, or clears it with null. */
export function linkRespondentAgency(complaintId: string, respondentId: string, agencyId: string | null): Promise<AgencyLinkResult> {
  return api<AgencyLinkResult>('PUT', `/api/v1/complaints/${complaintId}/respondents/${respondentId}/agency`, { agencyId });
}

/**
 * After registering: confirms the agency chosen for each respondent, `chosen[n]` being the agency of the n-th
 * respondent sent (the complaint keeps them in the order sent). Answers the names whose link could not be saved.
 */
export async function confirmChosenAgencies(complaintId: string, chosen: Array<{ name: string; agencyId: string | null }>): Promise<string[]> {
  if (!chosen.some((c) => c.agencyId)) return [];
  let respondents: Array<{ id: string }>;
  try {
    respondents = (await api<{ respondents: Array<{ id: string }> }>('GET', `/api/v1/complaints/${complaintId}`)).respondents;
  } catch {
    return chosen.filter((c) => c.agencyId).map((c) => c.name);
  }
  const failed: string[] = [];
  for (const [index, item] of chosen.entries()) {
    if (!item.agencyId) continue;
    const respondent = respondents[index];
    try {
      if (!respondent) throw new Error('missing respondent');
      await linkRespondentAgency(complaintId, respondent.id, item.agencyId);
    } catch {
      failed.push(item.name);
    }
  }
  return failed;
}
