// The bilateral agreements (BAs) and memoranda of understanding (MOUs) on labour migration of Indonesia, the
// Philippines, Thailand and Viet Nam, as listed in Table 2 ("Bilateral agreements and MOUs in South-East Asia;
// Selected countries, up to 2010", source Agunias et al. 2011, from data compiled by IOM missions in 2010) of the
// background paper for Session 3 of the 7th ASEAN Forum on Migrant Labour (AFML, Nai Pyi Taw, November 2015),
// with what the paper's text, Box 9 and Box 10 add (full titles, sectors, the 2011 Indonesia–Malaysia Protocol).
// One entry per instrument per year the table lists; renewals and updates go into renewedOn of their instrument.
// The "In process" column is recorded as status 'in_negotiation' with no signing date.
// Provisions are attached elsewhere (seed-provisions.ts); every entry here has provisions: [].
import type { AgreementInput } from './schema';

type Status = AgreementInput['status'];
type Sector = NonNullable<AgreementInput['sectors']>[number];

const TABLE2 = 'Agunias et al. (2011), cited in AFML 2015 background paper, Table 2';
const TEXT = 'AFML 2015 background paper, section 5.2 "Bilateral collaboration" (after Agunias 2011)';
const BOX9 = 'AFML 2015 background paper, Box 9 (Agunias 2011)';
const BOX10 = 'AFML 2015 background paper, Box 10';
const YEAR_ONLY = 'Only the year is given in the source; 1 January is a placeholder.';
const IN_PROCESS_YEAR =
  'Listed in the "In process" column of Table 2, which covers agreements up to 2010 (IOM mission data compiled in 2010); the year in the id is that of the listing, not a signing date.';

const jan1 = (year: number): string => `${year}-01-01`;

interface Signed {
  id: string;
  title: string;
  type: AgreementInput['type'];
  origin: string;
  destination: string;
  destinationRegion?: string;
  year: number;
  renewed?: number[];
  status: Status;
  sectors?: Sector[];
  sources?: string[];
  notes?: string;
}

/** An instrument the table dates by year only: signing, entry into force and renewals on 1 January. */
const signed = (a: Signed): AgreementInput => ({
  id: a.id,
  title: a.title,
  type: a.type,
  origin: a.origin,
  destination: a.destination,
  destinationRegion: a.destinationRegion ?? null,
  signedOn: jan1(a.year),
  renewedOn: (a.renewed ?? []).map(jan1),
  effectiveFrom: jan1(a.year),
  expiresOn: null,
  status: a.status,
  sectors: a.sectors ?? ['all'],
  occupations: [],
  amends: null,
  oversight: [],
  sources: a.sources ?? [TABLE2],
  notes: [YEAR_ONLY, 'effectiveFrom is the signing year; the source gives no date of entry into force.', a.notes].filter(Boolean).join(' '),
  provisions: [],
});

/** An instrument in the table's "In process" column: not signed as of the listing. */
const inProcess = (a: { id: string; title: string; origin: string; destination: string; notes: string }): AgreementInput => ({
  id: a.id,
  title: a.title,
  type: 'mou',
  origin: a.origin,
  destination: a.destination,
  destinationRegion: null,
  signedOn: null,
  renewedOn: [],
  effectiveFrom: null,
  expiresOn: null,
  status: 'in_negotiation',
  sectors: ['all'],
  occupations: [],
  amends: null,
  oversight: [],
  sources: [TABLE2],
  notes: `${a.notes} The source does not say whether the instrument under negotiation is a BA or an MOU; 'mou' is assumed.`,
  provisions: [],
});

const mou = (from: string, to: string, year: number): string => `Memorandum of Understanding between ${from} and ${to} (${year})`;
const ba = (from: string, to: string, year: number): string => `Bilateral Agreement between ${from} and ${to} (${year})`;
const EARLIER = 'An earlier instrument between the same parties; the source does not say whether the later one replaced it.';

// ---------------------------------------------------------------------------------------------------------------
// Indonesia (no bilateral agreements listed; MOUs, and MOUs in process)
// ---------------------------------------------------------------------------------------------------------------

const indonesia: AgreementInput[] = [
  signed({
    id: 'id-kw-1996',
    title: mou('Indonesia', 'Kuwait', 1996),
    type: 'mou',
    origin: 'ID',
    destination: 'KW',
    year: 1996,
    renewed: [2001],
    status: 'unknown',
    notes: 'Renewed 2001; the table adds "discussions in process for another renewal", so whether the 2001 renewal was still in force in 2010 is not known.',
  }),
  signed({
    id: 'id-jo-2001',
    title: mou('Indonesia', 'Jordan', 2001),
    type: 'mou',
    origin: 'ID',
    destination: 'JO',
    year: 2001,
    status: 'superseded',
    notes: 'The table lists it as "2001, renewed 2009"; the 2009 MOU on the Placement and Protection of Indonesian Domestic Workers (id-jo-2009-domestic-workers) is recorded as the instrument that replaced it.',
  }),
  signed({
    id: 'id-jo-2009-domestic-workers',
    title:
      'Memorandum of Understanding between Government of the Hashemite Kingdom of Jordan Represented by the Ministry of Labour and Government of the Republic of Indonesia Represented by Ministry of Manpower and Transmigration on the Placement and Protection of Indonesian Domestic Workers (2009)',
    type: 'mou',
    origin: 'ID',
    destination: 'JO',
    year: 2009,
    status: 'in_force',
    sectors: ['domestic_work'],
    sources: [TABLE2, `${BOX9}, notes (full title; Articles 4, 8, 12, 13, 19)`],
    notes: 'The 2009 renewal of the 2001 Indonesia–Jordan MOU (id-jo-2001) listed in Table 2; full title from the notes to Box 9.',
  }),
  signed({ id: 'id-jp-2004', title: mou('Indonesia', 'Japan', 2004), type: 'mou', origin: 'ID', destination: 'JP', year: 2004, status: 'unknown', notes: EARLIER }),
  signed({ id: 'id-jp-2008', title: mou('Indonesia', 'Japan', 2008), type: 'mou', origin: 'ID', destination: 'JP', year: 2008, status: 'in_force' }),
  signed({ id: 'id-kr-2004', title: mou('Indonesia', 'the Republic of Korea', 2004), type: 'mou', origin: 'ID', destination: 'KR', year: 2004, status: 'unknown', notes: EARLIER }),
  signed({ id: 'id-kr-2010', title: mou('Indonesia', 'the Republic of Korea', 2010), type: 'mou', origin: 'ID', destination: 'KR', year: 2010, status: 'in_force' }),
  signed({ id: 'id-ae-2007', title: mou('Indonesia', 'the United Arab Emirates', 2007), type: 'mou', origin: 'ID', destination: 'AE', year: 2007, renewed: [2010], status: 'in_force', notes: 'Renewed 2010.' }),
  signed({
    id: 'id-my-2004',
    title: 'Memorandum of Understanding between Indonesia and Malaysia on Indonesian formal sector workers (2004)',
    type: 'mou',
    origin: 'ID',
    destination: 'MY',
    year: 2004,
    status: 'unknown',
    sectors: ['formal_sector'],
    notes: 'Table 2: "2004 (formal sector workers)". The source does not say whether the 2010 private sector MOU (id-my-2010) replaced it.',
  }),
  {
    id: 'id-my-2006-domestic-workers',
    title: 'Memorandum of Understanding between the Government of Indonesia and the Government of Malaysia on the Recruitment and Placement of Indonesian Domestic Workers (2006)',
    type: 'mou',
    origin: 'ID',
    destination: 'MY',
    destinationRegion: null,
    signedOn: '2006-05-15',
    renewedOn: [],
    effectiveFrom: '2006-05-15',
    expiresOn: null,
    status: 'in_force',
    sectors: ['domestic_work'],
    occupations: [],
    amends: null,
    oversight: [],
    sources: [TABLE2, BOX10, TEXT],
    notes:
      'Signed 15 May 2006 (Box 10); effectiveFrom is the signing date, the source gives no date of entry into force. Amended by the Protocol of 30 May 2011 (id-my-2011-protocol). Indonesia banned the placement of domestic workers in Malaysia in 2009; the ban was lifted in May 2011 after a temporary "letter of intent" pending the amendment (section 5.2).',
    provisions: [],
  },
  signed({
    id: 'id-my-2010',
    title: 'Memorandum of Understanding between Indonesia and Malaysia on Indonesian private sector workers (2010)',
    type: 'mou',
    origin: 'ID',
    destination: 'MY',
    year: 2010,
    status: 'in_force',
    sectors: ['private_sector'],
    notes: 'Table 2: "2010 (private sector)".',
  }),
  {
    id: 'id-my-2011-protocol',
    title: 'Protocol amending the Memorandum of Understanding between Indonesia and Malaysia on the Recruitment and Placement of Indonesian Domestic Workers (2011)',
    type: 'protocol',
    origin: 'ID',
    destination: 'MY',
    destinationRegion: null,
    signedOn: '2011-05-30',
    renewedOn: [],
    effectiveFrom: '2011-05-30',
    expiresOn: null,
    status: 'in_force',
    sectors: ['domestic_work'],
    occupations: [],
    amends: 'id-my-2006-domestic-workers',
    oversight: [
      { name: 'Joint Working Group (Indonesia–Malaysia), meets annually', kind: 'joint_working_group' },
      { name: 'Joint Task Force, Jakarta (reports to the Joint Working Group)', kind: 'joint_task_force' },
      { name: 'Joint Task Force, Kuala Lumpur (reports to the Joint Working Group)', kind: 'joint_task_force' },
    ],
    sources: [`${BOX10}: "Protecting domestic workers through MOUs: The Malaysia-Indonesia experience"`, TEXT],
    notes:
      'Signed 30 May 2011 (Box 10); effectiveFrom is the signing date. Not in Table 2, which runs up to 2010. Implementation is overseen by the Joint Working Group, which meets annually; the Protocol set up two Joint Task Forces (Jakarta, Kuala Lumpur) of technical officers and labour attachés, reporting to it. The May 2011 temporary "letter of intent" mentioned in section 5.2 is not recorded separately.',
    provisions: [],
  },
  signed({ id: 'id-au-2005', title: mou('Indonesia', 'Australia', 2005), type: 'mou', origin: 'ID', destination: 'AU', year: 2005, status: 'in_force', notes: 'Another instrument with Australia was in process in 2010 (id-au-2010-in-process).' }),
  signed({
    id: 'id-qa-2008',
    title: 'Memorandum of Understanding between Indonesia and Qatar on formal sector workers (2008)',
    type: 'mou',
    origin: 'ID',
    destination: 'QA',
    year: 2008,
    renewed: [2011],
    status: 'in_force',
    sectors: ['formal_sector'],
    notes: 'Table 2: "Qatar (2008, renewed 2011 for the formal sector, 2010 for the health sector)", read as a 2008 MOU renewed in 2011 for the formal sector, and a separate 2010 MOU for the health sector (id-qa-2010-health). Whether the 2008 MOU itself was limited to the formal sector is not clear.',
  }),
  signed({
    id: 'id-qa-2010-health',
    title: 'Memorandum of Understanding between Indonesia and Qatar on health sector workers (2010)',
    type: 'mou',
    origin: 'ID',
    destination: 'QA',
    year: 2010,
    status: 'in_force',
    sectors: ['health_care'],
    notes: 'Table 2: "2010 for the health sector" (see id-qa-2008).',
  }),
  signed({
    id: 'id-tw-2004',
    title: 'Memorandum of Understanding between the Indonesia Economic and Trade Office in Taipei and the Taipei Economic and Trade Office in Jakarta (2004)',
    type: 'mou',
    origin: 'ID',
    destination: 'TW',
    year: 2004,
    renewed: [2011],
    status: 'in_force',
    notes: 'Concluded between the two trade offices (Taiwan, China). Renewed 2011.',
  }),
  inProcess({ id: 'id-sy-2010-in-process', title: 'Agreement between Indonesia and Syria (in process)', origin: 'ID', destination: 'SY', notes: IN_PROCESS_YEAR }),
  inProcess({ id: 'id-lb-2010-in-process', title: 'Agreement between Indonesia and Lebanon (in process)', origin: 'ID', destination: 'LB', notes: IN_PROCESS_YEAR }),
  inProcess({ id: 'id-ly-2010-in-process', title: 'Agreement between Indonesia and Libya (in process)', origin: 'ID', destination: 'LY', notes: IN_PROCESS_YEAR }),
  inProcess({
    id: 'id-bn-2010-in-process',
    title: 'Agreement between Indonesia and Brunei Darussalam (in process)',
    origin: 'ID',
    destination: 'BN',
    notes: `${IN_PROCESS_YEAR} A draft had been submitted to the Government of Brunei Darussalam.`,
  }),
  inProcess({
    id: 'id-au-2010-in-process',
    title: 'Agreement between Indonesia and Australia (in process)',
    origin: 'ID',
    destination: 'AU',
    notes: `${IN_PROCESS_YEAR} In addition to the 2005 MOU (id-au-2005).`,
  }),
  inProcess({
    id: 'id-jp-2010-in-process',
    title: 'Agreement between Indonesia and Japan (in process)',
    origin: 'ID',
    destination: 'JP',
    notes: `${IN_PROCESS_YEAR} In addition to the 2004 and 2008 MOUs (id-jp-2004, id-jp-2008).`,
  }),
];

// ---------------------------------------------------------------------------------------------------------------
// Philippines (bilateral agreements and MOUs; nothing in process)
// ---------------------------------------------------------------------------------------------------------------

const PH_ORIGINS_COOPERATION =
  'A cooperation MOU between two countries of origin, not a sending–receiving agreement; the Philippines is recorded as origin by convention.';

const philippinesBA: AgreementInput[] = [
  signed({ id: 'ph-us-1968', title: ba('the Philippines', 'the United States', 1968), type: 'bilateral_agreement', origin: 'PH', destination: 'US', year: 1968, status: 'in_force' }),
  signed({ id: 'ph-iq-1982', title: ba('the Philippines', 'Iraq', 1982), type: 'bilateral_agreement', origin: 'PH', destination: 'IQ', year: 1982, status: 'in_force' }),
  signed({
    id: 'ph-jo-1988',
    title: ba('the Philippines', 'Jordan', 1988),
    type: 'bilateral_agreement',
    origin: 'PH',
    destination: 'JO',
    year: 1988,
    status: 'unknown',
    notes: 'The Philippines also has MOUs with Jordan (1981, 2010); the source does not say how the three relate.',
  }),
  signed({ id: 'ph-qa-1997', title: ba('the Philippines', 'Qatar', 1997), type: 'bilateral_agreement', origin: 'PH', destination: 'QA', year: 1997, status: 'in_force' }),
  signed({ id: 'ph-no-2001', title: ba('the Philippines', 'Norway', 2001), type: 'bilateral_agreement', origin: 'PH', destination: 'NO', year: 2001, status: 'in_force' }),
  signed({ id: 'ph-ch-2002', title: ba('the Philippines', 'Switzerland', 2002), type: 'bilateral_agreement', origin: 'PH', destination: 'CH', year: 2002, status: 'in_force' }),
];

const canada2008 = (code: string, province: string): AgreementInput =>
  signed({
    id: `ph-ca-${code}-2008`,
    title: `Memorandum of Understanding between the Philippines and the Province of ${province}, Canada (2008)`,
    type: 'mou',
    origin: 'PH',
    destination: 'CA',
    destinationRegion: province,
    year: 2008,
    status: 'in_force',
    sources: [TABLE2, `${BOX9} (the 2008 MOU between the Philippine Government and three Canadian provinces)`],
    notes: 'Table 2 lists "Alberta, British Columbia, Manitoba provinces, Canada (2008)" on one line; recorded as one MOU per province. Box 9: bans charging placement fees to migrants.',
  });

const philippinesMOU: AgreementInput[] = [
  signed({ id: 'ph-pg-1979', title: mou('the Philippines', 'Papua New Guinea', 1979), type: 'mou', origin: 'PH', destination: 'PG', year: 1979, status: 'in_force' }),
  signed({ id: 'ph-ly-1979', title: mou('the Philippines', 'Libya', 1979), type: 'mou', origin: 'PH', destination: 'LY', year: 1979, status: 'unknown', notes: EARLIER }),
  signed({ id: 'ph-ly-2006', title: mou('the Philippines', 'Libya', 2006), type: 'mou', origin: 'PH', destination: 'LY', year: 2006, status: 'in_force' }),
  signed({ id: 'ph-jo-1981', title: mou('the Philippines', 'Jordan', 1981), type: 'mou', origin: 'PH', destination: 'JO', year: 1981, status: 'unknown', notes: EARLIER }),
  signed({
    id: 'ph-jo-2010',
    title: mou('the Philippines', 'Jordan', 2010),
    type: 'mou',
    origin: 'PH',
    destination: 'JO',
    year: 2010,
    status: 'in_force',
    sources: [TABLE2, `${BOX9} ("Jordan's MOU with the Philippines and Indonesia requires that contracts are approved and stamped by the Philippine and Indonesian embassies in Amman")`],
    notes: 'Box 9 does not date the Jordan–Philippines MOU it describes; it is taken to be this, the latest one.',
  }),
  signed({ id: 'ph-mp-1994', title: mou('the Philippines', 'the Commonwealth of the Northern Mariana Islands', 1994), type: 'mou', origin: 'PH', destination: 'MP', year: 1994, status: 'unknown', notes: EARLIER }),
  signed({ id: 'ph-mp-2000', title: mou('the Philippines', 'the Commonwealth of the Northern Mariana Islands', 2000), type: 'mou', origin: 'PH', destination: 'MP', year: 2000, status: 'in_force' }),
  signed({ id: 'ph-kw-1997', title: mou('the Philippines', 'Kuwait', 1997), type: 'mou', origin: 'PH', destination: 'KW', year: 1997, status: 'in_force' }),
  signed({ id: 'ph-tw-1999', title: mou('the Philippines', 'Taiwan (China)', 1999), type: 'mou', origin: 'PH', destination: 'TW', year: 1999, status: 'unknown', notes: EARLIER }),
  signed({ id: 'ph-tw-2001', title: mou('the Philippines', 'Taiwan (China)', 2001), type: 'mou', origin: 'PH', destination: 'TW', year: 2001, status: 'unknown', notes: EARLIER }),
  signed({ id: 'ph-tw-2003', title: mou('the Philippines', 'Taiwan (China)', 2003), type: 'mou', origin: 'PH', destination: 'TW', year: 2003, status: 'in_force' }),
  signed({ id: 'ph-gb-2002', title: mou('the Philippines', 'the United Kingdom', 2002), type: 'mou', origin: 'PH', destination: 'GB', year: 2002, status: 'unknown', notes: EARLIER }),
  signed({ id: 'ph-gb-2003', title: mou('the Philippines', 'the United Kingdom', 2003), type: 'mou', origin: 'PH', destination: 'GB', year: 2003, status: 'in_force' }),
  signed({
    id: 'ph-id-2003',
    title: mou('the Philippines', 'Indonesia', 2003),
    type: 'mou',
    origin: 'PH',
    destination: 'ID',
    year: 2003,
    status: 'in_force',
    sources: [TABLE2, TEXT],
    notes: `${PH_ORIGINS_COOPERATION} It enhances the protection of migrants: joint efforts to protect migrant workers and to provide legal aid (section 5.2).`,
  }),
  signed({ id: 'ph-kr-2004', title: mou('the Philippines', 'the Republic of Korea', 2004), type: 'mou', origin: 'PH', destination: 'KR', year: 2004, status: 'unknown', notes: EARLIER }),
  signed({ id: 'ph-kr-2005', title: mou('the Philippines', 'the Republic of Korea', 2005), type: 'mou', origin: 'PH', destination: 'KR', year: 2005, status: 'unknown', notes: EARLIER }),
  signed({ id: 'ph-kr-2006', title: mou('the Philippines', 'the Republic of Korea', 2006), type: 'mou', origin: 'PH', destination: 'KR', year: 2006, status: 'unknown', notes: EARLIER }),
  signed({
    id: 'ph-kr-2009-eps',
    title:
      'Memorandum of Understanding between the Department of Labor and Employment, Republic of the Philippines and the Ministry of Labour, Republic of Korea on the Sending and Receiving of Workers under the Employment Permit System of Korea (2009)',
    type: 'mou',
    origin: 'PH',
    destination: 'KR',
    year: 2009,
    status: 'in_force',
    sources: [TABLE2, `${BOX9}, notes (full title; Paragraph 4, Sending and On-site Fees; Paragraph 8, Labour Contract)`],
    notes: 'Full title from the notes to Box 9.',
  }),
  signed({
    id: 'ph-la-2005',
    title: mou('the Philippines', 'the Lao People\u2019s Democratic Republic', 2005),
    type: 'mou',
    origin: 'PH',
    destination: 'LA',
    year: 2005,
    status: 'in_force',
    sources: [TABLE2, TEXT],
    notes: `${PH_ORIGINS_COOPERATION} Collaboration on labour and employment, including technical support for projects in labour administration and employment promotion (section 5.2).`,
  }),
  signed({ id: 'ph-es-2006', title: mou('the Philippines', 'Spain', 2006), type: 'mou', origin: 'PH', destination: 'ES', year: 2006, status: 'in_force' }),
  signed({
    id: 'ph-ca-sk-2006',
    title: 'Memorandum of Understanding between the Philippines and the Province of Saskatchewan, Canada (2006)',
    type: 'mou',
    origin: 'PH',
    destination: 'CA',
    destinationRegion: 'Saskatchewan',
    year: 2006,
    status: 'in_force',
  }),
  signed({ id: 'ph-bh-2007', title: mou('the Philippines', 'Bahrain', 2007), type: 'mou', origin: 'PH', destination: 'BH', year: 2007, status: 'in_force' }),
  signed({ id: 'ph-ae-2007', title: mou('the Philippines', 'the United Arab Emirates', 2007), type: 'mou', origin: 'PH', destination: 'AE', year: 2007, status: 'in_force' }),
  canada2008('ab', 'Alberta'),
  canada2008('bc', 'British Columbia'),
  canada2008('mb', 'Manitoba'),
  signed({ id: 'ph-nz-2008', title: mou('the Philippines', 'New Zealand', 2008), type: 'mou', origin: 'PH', destination: 'NZ', year: 2008, status: 'in_force' }),
  signed({
    id: 'ph-jp-2009',
    title: mou('the Philippines', 'Japan', 2009),
    type: 'mou',
    origin: 'PH',
    destination: 'JP',
    year: 2009,
    status: 'in_force',
    sources: [TABLE2, `${BOX9} ("The Philippines' MOU with Japan")`],
    notes: 'Box 9 does not date the Philippines–Japan MOU it describes; Table 2 lists only this one (2009).',
  }),
];

// ---------------------------------------------------------------------------------------------------------------
// Thailand (MOUs only). Thailand is the destination for Cambodia, Lao PDR and Myanmar, the origin otherwise.
// ---------------------------------------------------------------------------------------------------------------

const THAI_DESTINATION = 'Listed under Thailand in Table 2; Thailand is the country of destination of these workers.';

const thailand: AgreementInput[] = [
  signed({ id: 'kh-th-2002', title: mou('Cambodia', 'Thailand', 2002), type: 'mou', origin: 'KH', destination: 'TH', year: 2002, status: 'in_force', notes: THAI_DESTINATION }),
  signed({
    id: 'th-jp-2010-imm',
    title: 'Memorandum of Understanding between Thailand and Japan (IMM Japan) (2010)',
    type: 'mou',
    origin: 'TH',
    destination: 'JP',
    year: 2010,
    status: 'in_force',
    notes: 'Table 2: "Japan (IMM 2010)". IMM Japan is taken to be the International Manpower Development Organization, Japan; the source gives only the acronym.',
  }),
  signed({
    id: 'th-jp-1994-jitco',
    title: 'Record of Discussion between Thailand and the Japan International Training Cooperation Organization (JITCO) (1994)',
    type: 'record_of_discussion',
    origin: 'TH',
    destination: 'JP',
    year: 1994,
    renewed: [2010],
    status: 'in_force',
    notes: 'Table 2: "Japan (JITCO - Record of discussion 1994, updated 2010)"; the 2010 update is recorded in renewedOn. JITCO is spelled out from common usage; the source gives only the acronym.',
  }),
  signed({ id: 'la-th-2002', title: mou('the Lao People\u2019s Democratic Republic', 'Thailand', 2002), type: 'mou', origin: 'LA', destination: 'TH', year: 2002, status: 'in_force', notes: THAI_DESTINATION }),
  signed({ id: 'mm-th-2003', title: mou('Myanmar', 'Thailand', 2003), type: 'mou', origin: 'MM', destination: 'TH', year: 2003, status: 'in_force', notes: THAI_DESTINATION }),
  signed({ id: 'th-kr-2009', title: mou('Thailand', 'the Republic of Korea', 2009), type: 'mou', origin: 'TH', destination: 'KR', year: 2009, status: 'in_force' }),
  signed({ id: 'th-tw-2002', title: mou('Thailand', 'Taiwan (Province of China)', 2002), type: 'mou', origin: 'TH', destination: 'TW', year: 2002, status: 'in_force' }),
  signed({ id: 'th-ae-2007', title: mou('Thailand', 'the United Arab Emirates', 2007), type: 'mou', origin: 'TH', destination: 'AE', year: 2007, status: 'in_force' }),
];

// ---------------------------------------------------------------------------------------------------------------
// Viet Nam (bilateral agreements, MOUs, and two in process)
// ---------------------------------------------------------------------------------------------------------------

const vietNam: AgreementInput[] = [
  signed({
    id: 'vn-ru-1992',
    title: ba('Viet Nam', 'Russia', 1992),
    type: 'bilateral_agreement',
    origin: 'VN',
    destination: 'RU',
    year: 1992,
    renewed: [2008],
    status: 'in_force',
    notes: 'Table 2: "1992 BA updated in 2008"; the update is recorded in renewedOn.',
  }),
  signed({
    id: 'vn-la-1994',
    title: ba('Viet Nam', 'the Lao People\u2019s Democratic Republic', 1994),
    type: 'bilateral_agreement',
    origin: 'VN',
    destination: 'LA',
    year: 1994,
    renewed: [2009],
    status: 'in_force',
    notes: 'Table 2: "1994 BA last updated in 2009"; only the last update is known and recorded in renewedOn (earlier updates, if any, are not dated).',
  }),
  signed({ id: 'vn-cz-1994', title: ba('Viet Nam', 'the Czech Republic', 1994), type: 'bilateral_agreement', origin: 'VN', destination: 'CZ', year: 1994, status: 'in_force' }),
  signed({ id: 'vn-tw-1999', title: ba('Viet Nam', 'Taiwan (Province of China)', 1999), type: 'bilateral_agreement', origin: 'VN', destination: 'TW', year: 1999, status: 'in_force' }),
  signed({ id: 'vn-qa-2008', title: ba('Viet Nam', 'Qatar', 2008), type: 'bilateral_agreement', origin: 'VN', destination: 'QA', year: 2008, status: 'in_force' }),
  signed({ id: 'vn-kz-2009', title: ba('Viet Nam', 'Kazakhstan', 2009), type: 'bilateral_agreement', origin: 'VN', destination: 'KZ', year: 2009, status: 'in_force' }),
  signed({ id: 'vn-my-2004', title: mou('Viet Nam', 'Malaysia', 2004), type: 'mou', origin: 'VN', destination: 'MY', year: 2004, status: 'in_force' }),
  signed({
    id: 'vn-kr-2004',
    title: mou('Viet Nam', 'the Republic of Korea', 2004),
    type: 'mou',
    origin: 'VN',
    destination: 'KR',
    year: 2004,
    renewed: [2008],
    status: 'in_force',
    notes: 'Table 2: "2004, MoU updated in 2008"; the update is recorded in renewedOn.',
  }),
  signed({ id: 'vn-om-2007', title: mou('Viet Nam', 'Oman', 2007), type: 'mou', origin: 'VN', destination: 'OM', year: 2007, status: 'in_force' }),
  signed({ id: 'vn-bg-2008', title: mou('Viet Nam', 'Bulgaria', 2008), type: 'mou', origin: 'VN', destination: 'BG', year: 2008, status: 'in_force' }),
  signed({ id: 'vn-sk-2008', title: mou('Viet Nam', 'Slovakia', 2008), type: 'mou', origin: 'VN', destination: 'SK', year: 2008, status: 'in_force' }),
  signed({ id: 'vn-ae-2009', title: mou('Viet Nam', 'the United Arab Emirates', 2009), type: 'mou', origin: 'VN', destination: 'AE', year: 2009, status: 'in_force' }),
  signed({
    id: 'vn-ca-sk-2006',
    title: 'Memorandum of Understanding between Viet Nam and the Province of Saskatchewan, Canada (2006)',
    type: 'mou',
    origin: 'VN',
    destination: 'CA',
    destinationRegion: 'Saskatchewan',
    year: 2006,
    status: 'in_force',
    notes: 'Table 2 names only "Saskatchewan"; taken to be the Canadian province.',
  }),
  inProcess({
    id: 'vn-jp-1992-in-process',
    title: 'Agreement between Viet Nam and Japan (in process)',
    origin: 'VN',
    destination: 'JP',
    notes:
      'Listed in the "In process" column of Table 2 as "Japan (1992 updated in 2010)". The source does not say whether an instrument signed in 1992 was being updated in 2010 or what 1992 refers to; no signing date is recorded.',
  }),
  inProcess({
    id: 'vn-sa-2006-in-process',
    title: 'Agreement between Viet Nam and Saudi Arabia (in process)',
    origin: 'VN',
    destination: 'SA',
    notes: 'Listed in the "In process" column of Table 2 as "Saudi Arabia (2006)"; the source does not say what the year 2006 refers to (presumably the start of negotiations). No signing date is recorded.',
  }),
];

/** Every instrument of Table 2 (plus the 2011 Indonesia–Malaysia Protocol of Box 10), by country as the table groups them. */
export const table2Agreements: AgreementInput[] = [...indonesia, ...philippinesBA, ...philippinesMOU, ...thailand, ...vietNam];
