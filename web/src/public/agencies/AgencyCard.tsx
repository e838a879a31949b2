import { useTranslation } from 'react-i18next';
import { countryName } from '../countries';
import { type Agency, type Assessment, endDatePassed, formatDay, formatNames, formatNumber, formatScore, type Ratings, type Sanction, stars, statusKey, type SuppressedCount } from './agency';

/** One agency found: its licence status first, in big words, then the licence, complaints, penalties, ranking and ratings. */
export function AgencyCard({ agency }: { agency: Agency }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const status = statusKey(agency.licenceStatus);
  const from = agency.licenceValidFrom && formatDay(agency.licenceValidFrom, language);
  const to = agency.licenceValidTo && formatDay(agency.licenceValidTo, language);
  const headingId = `agency-${agency.id}`;

  return (
    <li className="card agency">
      <h3 id={headingId} dir="auto">
        {agency.name}
      </h3>
      {agency.otherNames.length > 0 && <p className="agency-other-names">{t('agencies.card.otherNames', { names: formatNames(agency.otherNames, language) })}</p>}

      {/* Words and a sign say whether to pay; the colour only repeats them. */}
      <div className={`agency-status agency-status-${status === 'valid' ? 'ok' : 'danger'}`} role={status === 'valid' ? 'status' : 'alert'}>
        <p className="agency-status-title">
          <span className="agency-status-sign" aria-hidden="true">
            {status === 'valid' ? '✓' : '!'}
          </span>
          {t(`agencies.status.${status}.title`)}
        </p>
        <p>{t(`agencies.status.${status}.meaning`)}</p>
      </div>

      <p>{t('agencies.card.country', { country: countryName(agency.issuingCountry, language) })}</p>
      <p>{t('agencies.card.licenceNumber', { number: agency.licenceNumber })}</p>
      {agency.issuingAuthority && <p>{t('agencies.card.authority', { authority: agency.issuingAuthority })}</p>}
      {from && to && <p>{t('agencies.card.period', { from, to })}</p>}
      {from && !to && <p>{t('agencies.card.periodFrom', { from })}</p>}
      {!from && to && <p>{t('agencies.card.periodTo', { to })}</p>}
      {endDatePassed(agency) && <p className="agency-warning">{t('agencies.card.pastEnd')}</p>}

      <Complaints complaints={agency.complaints} />
      {agency.sanctions && <Sanctions sanctions={agency.sanctions} />}
      {agency.assessment && <Ranking assessment={agency.assessment} />}
      {agency.ratings && <WorkerRatings ratings={agency.ratings} />}
    </li>
  );
}

function Complaints({ complaints }: { complaints: SuppressedCount }) {
  const { t } = useTranslation();
  const text =
    complaints.fewerThan !== null
      ? t('agencies.complaints.fewer', { count: complaints.fewerThan })
      : complaints.count === 0
        ? t('agencies.complaints.none')
        : complaints.count !== null
          ? t('agencies.complaints.count', { count: complaints.count })
          : t('agencies.complaints.unknown');
  return (
    <div className="agency-part">
      <h4>{t('agencies.complaints.title')}</h4>
      <p className="agency-figure">{text}</p>
      {complaints.fewerThan !== null && <p className="hint">{t('agencies.complaints.hidden')}</p>}
      {(complaints.fewerThan !== null || (complaints.count ?? 0) > 0) && <p className="hint">{t('agencies.complaints.notProof')}</p>}
    </div>
  );
}

function Sanctions({ sanctions }: { sanctions: Sanction[] }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="agency-part">
      <h4>{t('agencies.sanctions.title')}</h4>
      {sanctions.length === 0 ? (
        <p>{t('agencies.sanctions.none')}</p>
      ) : (
        <ul className="agency-sanctions">
          {sanctions.map((sanction, index) => (
            <li key={`${sanction.decidedOn}-${index}`}>
              <strong>{t(`agencies.sanctions.type.${sanction.type}`, { defaultValue: sanction.type })}</strong>
              <span className="hint">{t('agencies.sanctions.on', { date: formatDay(sanction.decidedOn, i18n.language) })}</span>
              {sanction.decision && <p dir="auto">{sanction.decision}</p>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Ranking({ assessment }: { assessment: Assessment }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="agency-part">
      <h4>{t('agencies.assessment.title')}</h4>
      <p className="agency-figure">{t('agencies.assessment.rank', { rank: assessment.rank, of: assessment.of, period: assessment.period })}</p>
      <p>{t('agencies.assessment.score', { score: formatNumber(assessment.score, i18n.language) })}</p>
      <p className="hint">{t('agencies.assessment.criteria', { criteria: assessment.criteriaSet })}</p>
    </div>
  );
}

const ratingParts = ['fees', 'orientation', 'contract'] as const;

function WorkerRatings({ ratings }: { ratings: Ratings }) {
  const { t, i18n } = useTranslation();
  const shown = ratingParts.filter((part) => ratings[part] !== null);
  const howMany =
    ratings.fewerThan !== null
      ? t('agencies.ratings.fewer', { count: ratings.fewerThan })
      : ratings.count === 0
        ? t('agencies.ratings.none')
        : ratings.count !== null
          ? t('agencies.ratings.from', { count: ratings.count })
          : undefined;
  return (
    <div className="agency-part">
      <h4>{t('agencies.ratings.title')}</h4>
      {howMany && <p>{howMany}</p>}
      {shown.length > 0 && (
        <>
          <ul className="agency-ratings">
            {shown.map((part) => {
              const value = ratings[part]!;
              return (
                <li key={part}>
                  <span className="agency-rating-label">{t(`agencies.ratings.${part}`)}</span>
                  <span className="agency-stars" aria-hidden="true">
                    {stars(value)}
                  </span>
                  <strong>{t('agencies.ratings.value', { score: formatScore(value, i18n.language) })}</strong>
                </li>
              );
            })}
          </ul>
          <p className="hint">{t('agencies.ratings.scale')}</p>
        </>
      )}
      {shown.length === 0 && ratings.fewerThan !== null && <p className="hint">{t('agencies.ratings.hidden', { count: ratings.fewerThan })}</p>}
    </div>
  );
}
