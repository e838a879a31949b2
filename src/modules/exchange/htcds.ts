// An export aligned with IOM's Human Trafficking Case Data Standard (HTCDS, github.com/UNMigration/HTCDS,
// "HTCDS Field Reference"). Field names are the standard's own (prefix + name), so they are not translated.
// docs/htcds-export.md explains every field and how Lintas fills it.
import { type GrievanceCode, grievanceCodes, grievances } from '../complaints/taxonomy';
import type { ExportRecord } from './columns';

/** Grievances that are evidence of at least one ILO forced-labour indicator: their complaints go into the export. */
export const traffickingGrievances: GrievanceCode[] = grievanceCodes.filter((code) => grievances[code].indicators.length > 0);

/** HTCDS `vic_MethodsOfControl` for each grievance with a trafficking indicator. */
export const methodsOfControl: Partial<Record<GrievanceCode, string[]>> = {
  excessive_fees: ['DebtBondage'],
  deception: ['FalsePromises'],
  contract_substitution: ['FalsePromises'],
  unpaid_wages: ['TakesEarnings'],
  illegal_deductions: ['TakesEarnings', 'DebtBondage'],
  passport_retention: ['WithholdsDocuments'],
  restriction_of_movement: ['RestrictsMovement'],
  physical_violence: ['PhysicalAbuse'],
  sexual_violence: ['SexualAbuse'],
  intimidation: ['Threats'],
  excessive_overtime: ['ExcessiveWorkingHours'],
  no_rest_day: ['ExcessiveWorkingHours'],
  abusive_conditions: ['Other'],
  debt_bondage: ['DebtBondage'],
  missing_person: ['Other'],
};

const gender: Record<string, string> = { female: 'Female', male: 'Male', other: 'Transgender/NonConforming', unknown: 'Unknown' };

const caseStatus: Record<string, string> = {
  received: 'Active',
  in_progress: 'Active',
  resolved: 'FollowUp',
  closed: 'Closed',
  inadmissible: 'Closed',
  withdrawn: 'Closed',
};

const organisationType: Record<string, string> = {
  trade_union_centre: 'NGO',
  migrant_resource_centre: 'NGO',
  ngo: 'NGO',
  government_labour_office: 'CentralGovernmentOrganisation',
  labour_attache: 'CentralGovernmentOrganisation',
  legal_aid: 'LegalService',
  international_organisation: 'NGO',
  employers_organisation: 'CorporateBusiness',
};

const roleInProcess: Record<string, string> = {
  recruitment_agency: 'RecruiterOrIntermediary',
  broker: 'BrokerTravelAgent',
  employer: 'Exploiter',
  official: 'Other',
  other: 'Other',
};

const eventType: Record<string, string> = { pre_departure: 'Recruitment', transit: 'Transit', employment: 'Exploitation' };

// ISIC Rev. 4 sections, by the first division of each, and their HTCDS `vic_LabourIndustry` value names.
const isicSections: Array<[section: string, firstDivision: number, industry: string]> = [
  ['A', 1, 'AgricultureForestryAndFishing'],
  ['B', 5, 'MiningAndQuarrying'],
  ['C', 10, 'Manufacturing'],
  ['D', 35, 'ElectricityGasSteamAndAirConditioningSupply'],
  ['E', 36, 'WaterSupplySewerageWasteManagement'],
  ['F', 41, 'Construction'],
  ['G', 45, 'WholesaleAndRetailTradeRepairOfMotorVehicles'],
  ['H', 49, 'TransportationAndStorage'],
  ['I', 55, 'AccommodationAndFoodServiceActivities'],
  ['J', 58, 'InformationAndCommunication'],
  ['K', 64, 'FinancialAndInsuranceActivities'],
  ['L', 68, 'RealEstateActivities'],
  ['M', 69, 'ProfessionalScientificAndTechnicalActivities'],
  ['N', 77, 'AdministrativeAndSupportServiceActivities'],
  ['O', 84, 'PublicAdministrationAndDefence'],
  ['P', 85, 'Education'],
  ['Q', 86, 'HumanHealthAndSocialWorkActivities'],
  ['R', 90, 'ArtsEntertainmentAndRecreation'],
  ['S', 94, 'OtherServiceActivities'],
  ['T', 97, 'ActivitiesOfHouseholdsAsEmployers'],
  ['U', 99, 'ActivitiesOfExtraterritorialOrganizations'],
];

/** The ISIC section letter of a Lintas sector code (a section letter or a 2–4 digit division, group or class). */
export function isicSection(sector: string | null): string | null {
  if (!sector) return null;
  if (/^[A-U]$/.test(sector)) return sector;
  const division = Number(sector.slice(0, 2));
  let section: string | null = null;
  for (const [letter, first] of isicSections) if (division >= first) section = letter;
  return section;
}

const labourExploitation: Record<string, string> = { A: 'Agriculture', B: 'MiningOrDrilling', C: 'Manufacturing', F: 'Construction', H: 'Transportation', I: 'Hospitality', T: 'DomesticWork' };

function typeOfLabourExploitation(sector: string | null): string {
  if (!sector) return '';
  if (/^03/.test(sector)) return 'Aquafarming'; // ISIC division 03: fishing and aquaculture
  const section = isicSection(sector);
  return section ? (labourExploitation[section] ?? 'Other') : '';
}

const unique = (values: string[]) => [...new Set(values)];
// Multi-select picklists: value names joined by semicolons, as in the HTCDS Excel toolkit.
const multi = (values: string[]) => unique(values).join(';');
/** E.164 as HTCDS asks: + and digits only. */
const e164 = (phone: string | null | undefined) => (phone ? `${phone.trim().startsWith('+') ? '+' : ''}${phone.replace(/\D/g, '')}` : '');

export const htcdsColumns = [
  'cas_Reference',
  'cas_Status',
  'cas_ReasonForCaseClosure',
  'cas_ReceivedDate',
  'org_Name',
  'org_Type',
  'org_ShippingCountry',
  'prs_FirstName',
  'prs_Birthdate',
  'prs_BirthYear',
  'prs_Gender',
  'prs_Nationality',
  'prs_MobilePhone',
  'vic_AgreementToManagePersonalData',
  'vic_MethodsOfControl',
  'vic_TypeOfLabourExploitation',
  'vic_LabourIndustry',
  'per_RoleInProcess',
  'hte_Type',
  'hte_Country',
  'lts_Grievances',
  'lts_ForcedLabourIndicators',
] as const;
export type HtcdsColumn = (typeof htcdsColumns)[number];
const personalHtcdsColumns: ReadonlySet<HtcdsColumn> = new Set(['prs_FirstName', 'prs_Birthdate', 'prs_MobilePhone']);

/** The HTCDS columns of an export, personal or de-identified. */
export const htcdsExportColumns = (personal: boolean): HtcdsColumn[] => htcdsColumns.filter((c) => personal || !personalHtcdsColumns.has(c));

export interface HtcdsOrganisation {
  name: string;
  type: string;
  country: string;
}

/** The HTCDS rows of one complaint: HTCDS describes persons, so one row per worker, the case's fields repeated. */
export function htcdsRows(record: ExportRecord, organisation: HtcdsOrganisation, columns: HtcdsColumn[]): string[][] {
  const codes = record.grievance_codes.split(' ').filter(Boolean) as GrievanceCode[];
  const section = isicSection(record.sector);
  const industry = section ? isicSections.find(([letter]) => letter === section)?.[2] : undefined;
  const shared: Partial<Record<HtcdsColumn, string>> = {
    cas_Reference: record.reference,
    cas_Status: caseStatus[record.state] ?? '',
    cas_ReasonForCaseClosure: ['closed', 'inadmissible', 'withdrawn'].includes(record.state) ? record.state : '',
    cas_ReceivedDate: record.received_at.slice(0, 10),
    org_Name: organisation.name,
    org_Type: organisationType[organisation.type] ?? 'NGO',
    org_ShippingCountry: organisation.country,
    vic_AgreementToManagePersonalData: record.consent_services ? 'true' : 'false',
    vic_MethodsOfControl: multi(codes.flatMap((code) => methodsOfControl[code] ?? [])),
    vic_TypeOfLabourExploitation: typeOfLabourExploitation(record.sector),
    vic_LabourIndustry: section && industry ? `${section}_${industry}` : '',
    per_RoleInProcess: multi(record.respondents.map((r) => roleInProcess[r.type] ?? 'Other')),
    hte_Type: eventType[record.stage] ?? '',
    hte_Country: record.stage === 'pre_departure' ? record.origin : record.stage === 'employment' ? record.destination : '',
    lts_Grievances: codes.join(';'),
    lts_ForcedLabourIndicators: multi(codes.flatMap((code) => [...(grievances[code]?.indicators ?? [])])),
  };
  return record.workers.map((worker) => {
    const values: Partial<Record<HtcdsColumn, string>> = {
      ...shared,
      prs_FirstName: worker.name ?? '',
      prs_Birthdate: worker.birth_date ?? '',
      prs_BirthYear: worker.birth_year === null ? '' : String(worker.birth_year),
      prs_Gender: gender[worker.sex] ?? 'Unknown',
      prs_Nationality: worker.nationality ?? '',
      prs_MobilePhone: e164(worker.phone),
    };
    return columns.map((column) => values[column] ?? '');
  });
}
