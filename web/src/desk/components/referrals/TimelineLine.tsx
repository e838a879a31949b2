// The line a referral event writes on the complaint's timeline, in words ("Transfer accepted"), with a link to it.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function ReferralTimelineLine({ data }: { data: Record<string, unknown> }) {
  const { t } = useTranslation('referrals');
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '');
  const event = text('event') || 'sent';
  const kind = t(`kind.${text('kind') || 'referral'}`);
  const referralId = text('referralId');
  const line =
    event === 'progress'
      ? t('timeline.progress', { state: t(`server:state.${text('state')}`) })
      : event === 'transferred_in'
        ? t('timeline.transferredIn', { reference: text('senderReference') })
        : t(`event.${event}`, { kind });
  return (
    <p>
      {line}
      {referralId && (
        <>
          {' · '}
          <Link to={`/desk/referrals/${referralId}`}>{t('timeline.open', { kind })}</Link>
        </>
      )}
    </p>
  );
}
