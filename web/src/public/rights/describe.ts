import type { TFunction } from 'i18next';
import { formatMoney, localeFor } from '../../shared/i18n';
import { countryName, formatList } from '../countries';

// The answer of GET /api/v1/public/rights (see src/modules/agreements/schema.ts, provisionDataSchema).
interface Money {
  amount: number;
  currency: string;
}
type Items = 'all' | string[];

export type ProvisionData =
  | { kind: 'worker_fee'; forbidden: Items; employerPays: string[]; employerAmounts: Array<{ item: string; amount: Money }> }
  | { kind: 'fee_cap'; cap: Money; items: Items; paidBy: 'employer' | 'worker' | 'shared' }
  | { kind: 'deduction_cap'; cap: Money; items: Items }
  | { kind: 'deduction_share'; maxShareOfMonthlyWage: number }
  | { kind: 'passport_retention'; heldBy: 'worker' }
  | { kind: 'rest_day'; daysPerWeek: number; payInLieuAllowed: boolean }
  | { kind: 'wage_payment'; method: 'bank_account'; withinDays: number | null; frequency: 'monthly' | 'any' }
  | { kind: 'contract_endorsement'; endorsedBy: string[] }
  | { kind: 'communication_with_family'; allowed: true };

export interface Provision {
  agreementId: string;
  agreementTitle: string;
  baseline: boolean;
  clause: string;
  source: string;
  data: ProvisionData;
}

export interface AgreementSummary {
  id: string;
  title: string;
  type: string;
  signedOn: string | null;
  effectiveFrom: string | null;
  status: string;
}

export interface Overview {
  on: string;
  agreements: AgreementSummary[];
  provisions: Provision[];
}

/** The headings the page groups provisions under, in the order they are shown. */
export const groups = ['charged', 'employer', 'wages', 'passport', 'restDay', 'pay', 'contract', 'family'] as const;
export type Group = (typeof groups)[number];

/** One thing a worker should know, in plain words: a sentence, sometimes a list, and the provision it comes from. */
export interface Item {
  key: string;
  group: Group;
  text: string;
  list?: string[];
  provision: Provision;
}

/** "Indonesia" from `ID_mission`, and what kind of office it is; the country of origin's government is "your government". */
function authority(code: string, origin: string, t: TFunction, language: string): string {
  const [country, kind] = code.split('_');
  if (!country || !/^[A-Z]{2}$/.test(country)) return code;
  const name = countryName(country, language);
  if (kind === 'mission' || kind === 'embassy') return t('rights.authority.mission', { country: name });
  if (kind === 'government') return country === origin ? t('rights.authority.ownGovernment') : t('rights.authority.government', { country: name });
  return name;
}

/** Turns the provisions that apply into plain sentences grouped under the page's headings. */
export function describe(provisions: Provision[], origin: string, t: TFunction, language: string): Item[] {
  const items: Item[] = [];
  const money = (m: Money) => formatMoney(m.amount, m.currency, language);
  const label = (item: string) => t(`rights.feeItem.${item}`, { defaultValue: item });
  const add = (provision: Provision, index: number, part: string, group: Group, text: string, list?: string[]) =>
    items.push({ key: `${provision.agreementId}-${index}-${part}`, group, text, list, provision });

  provisions.forEach((provision, index) => {
    const data = provision.data;
    switch (data.kind) {
      case 'worker_fee': {
        if (data.forbidden === 'all') add(provision, index, 'forbidden', 'charged', t('rights.fee.noneAll'));
        else if (data.forbidden.length > 0) add(provision, index, 'forbidden', 'charged', t('rights.fee.noneItems'), data.forbidden.map(label));
        // Items the employer pays, with the amount where the agreement names one.
        const paid = [...data.employerPays, ...data.employerAmounts.map((a) => a.item).filter((item) => !data.employerPays.includes(item))];
        if (paid.length > 0) {
          const list = paid.map((item) => {
            const amount = data.employerAmounts.find((a) => a.item === item);
            return amount ? t('rights.fee.itemAmount', { item: label(item), amount: money(amount.amount) }) : label(item);
          });
          add(provision, index, 'employer', 'employer', t('rights.fee.employerPays'), list);
        }
        break;
      }
      case 'fee_cap': {
        const group: Group = data.paidBy === 'employer' ? 'employer' : 'charged';
        const who = data.paidBy === 'employer' ? 'Employer' : data.paidBy === 'shared' ? 'Shared' : 'Worker';
        if (data.items === 'all') add(provision, index, 'cap', group, t(`rights.fee.cap${who}All`, { amount: money(data.cap) }));
        else add(provision, index, 'cap', group, t(`rights.fee.cap${who}`, { amount: money(data.cap) }), data.items.map(label));
        break;
      }
      case 'deduction_cap':
        if (data.items === 'all') add(provision, index, 'deduction', 'wages', t('rights.wages.capAll', { amount: money(data.cap) }));
        else add(provision, index, 'deduction', 'wages', t('rights.wages.capItems', { amount: money(data.cap) }), data.items.map(label));
        break;
      case 'deduction_share': {
        const percent = new Intl.NumberFormat(localeFor(language), { style: 'percent', maximumFractionDigits: 1 }).format(data.maxShareOfMonthlyWage);
        add(provision, index, 'share', 'wages', t('rights.wages.share', { percent }));
        break;
      }
      case 'passport_retention':
        add(provision, index, 'passport', 'passport', t('rights.passport.worker'));
        break;
      case 'rest_day':
        add(
          provision,
          index,
          'rest',
          'restDay',
          [t('rights.restDay.days', { count: data.daysPerWeek }), data.payInLieuAllowed ? t('rights.restDay.payInLieu') : ''].filter(Boolean).join(' '),
        );
        break;
      case 'wage_payment':
        add(
          provision,
          index,
          'pay',
          'pay',
          [
            t('rights.pay.bank'),
            data.frequency === 'monthly' ? t('rights.pay.monthly') : '',
            data.withinDays !== null ? t('rights.pay.within', { count: data.withinDays }) : '',
          ]
            .filter(Boolean)
            .join(' '),
        );
        break;
      case 'contract_endorsement':
        add(
          provision,
          index,
          'contract',
          'contract',
          t('rights.contract.endorsed', { authorities: formatList(data.endorsedBy.map((code) => authority(code, origin, t, language)), language) }),
        );
        break;
      case 'communication_with_family':
        add(provision, index, 'family', 'family', t('rights.family.allowed'));
        break;
      default:
        // A kind this page does not know yet: it is left out rather than shown wrongly.
        break;
    }
  });
  return items;
}

/** True when the ILO baseline forbids every fee: then fees taken from wages under an agreement deserve a note. */
export const iloForbidsAllFees = (provisions: Provision[]) =>
  provisions.some((p) => p.baseline && p.data.kind === 'worker_fee' && p.data.forbidden === 'all');

/** The year an agreement took effect (or was signed), for "since 2011". */
export const agreementYear = (a: AgreementSummary): string | undefined => (a.effectiveFrom ?? a.signedOn ?? undefined)?.slice(0, 4);
