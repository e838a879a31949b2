// The codes of the standard complaint form. Every value is a code; its label is a translation
// (`channel.walk_in`, `grievance.unpaid_wages`, …) in locales/<language>/server.json.

export const channels = ['walk_in', 'hotline', 'letter', 'online', 'outreach', 'referral', 'import'] as const;
export const complainantTypes = ['worker', 'family', 'representative', 'organisation'] as const;
export const sexes = ['female', 'male', 'other', 'unknown'] as const;
export const respondentTypes = ['recruitment_agency', 'employer', 'broker', 'official', 'other'] as const;
export const migrationStages = ['pre_departure', 'transit', 'employment', 'return'] as const;
export const reliefTypes = [
  'wages',
  'fee_refund',
  'compensation',
  'repatriation',
  'passport_return',
  'contract_enforcement',
  'medical_care',
  'death_benefits',
  'information',
  'other',
] as const;
export const outcomeTypes = [
  'compensation_paid',
  'fees_refunded',
  'wages_recovered',
  'repatriated',
  'passport_returned',
  'agency_sanctioned',
  'referred_to_court',
  'withdrawn',
  'no_remedy',
] as const;
export const eventTypes = ['note', 'contact', 'conciliation_session', 'letter', 'decision'] as const;
/** Events Lintas writes itself, beside the ones people record. */
export const systemEventTypes = ['created', 'transition', 'assignment', 'outcome', 'evidence_added', 'referral'] as const;

/** The ILO indicators of forced labour (ILO 2012). */
export const forcedLabourIndicators = [
  'abuse_of_vulnerability',
  'deception',
  'restriction_of_movement',
  'isolation',
  'physical_and_sexual_violence',
  'intimidation_and_threats',
  'retention_of_identity_documents',
  'withholding_of_wages',
  'debt_bondage',
  'abusive_working_and_living_conditions',
  'excessive_overtime',
] as const;
export type ForcedLabourIndicator = (typeof forcedLabourIndicators)[number];

export interface GrievanceDefinition {
  /** The stage of migration where it usually happens, for grouping on the form. */
  stage: (typeof migrationStages)[number];
  /** ILO forced-labour indicators the grievance is evidence of. */
  indicators: ForcedLabourIndicator[];
  /** True where it concerns recruitment fees or related costs in the ILO definition (2019). */
  recruitmentFees: boolean;
}

/** The grievance taxonomy, mapped to the ILO forced-labour indicators and the ILO definition of recruitment fees. */
export const grievances = {
  excessive_fees: { stage: 'pre_departure', indicators: ['debt_bondage'], recruitmentFees: true },
  no_receipt: { stage: 'pre_departure', indicators: [], recruitmentFees: true },
  deception: { stage: 'pre_departure', indicators: ['deception'], recruitmentFees: false },
  contract_substitution: { stage: 'employment', indicators: ['deception'], recruitmentFees: false },
  deployment_delay: { stage: 'pre_departure', indicators: [], recruitmentFees: true },
  unpaid_wages: { stage: 'employment', indicators: ['withholding_of_wages'], recruitmentFees: false },
  illegal_deductions: { stage: 'employment', indicators: ['withholding_of_wages', 'debt_bondage'], recruitmentFees: true },
  passport_retention: { stage: 'employment', indicators: ['retention_of_identity_documents'], recruitmentFees: false },
  restriction_of_movement: { stage: 'employment', indicators: ['restriction_of_movement', 'isolation'], recruitmentFees: false },
  physical_violence: { stage: 'employment', indicators: ['physical_and_sexual_violence'], recruitmentFees: false },
  sexual_violence: { stage: 'employment', indicators: ['physical_and_sexual_violence'], recruitmentFees: false },
  intimidation: { stage: 'employment', indicators: ['intimidation_and_threats'], recruitmentFees: false },
  excessive_overtime: { stage: 'employment', indicators: ['excessive_overtime'], recruitmentFees: false },
  no_rest_day: { stage: 'employment', indicators: ['abusive_working_and_living_conditions'], recruitmentFees: false },
  abusive_conditions: { stage: 'employment', indicators: ['abusive_working_and_living_conditions'], recruitmentFees: false },
  debt_bondage: { stage: 'employment', indicators: ['debt_bondage'], recruitmentFees: true },
  occupational_injury: { stage: 'employment', indicators: [], recruitmentFees: false },
  death: { stage: 'employment', indicators: [], recruitmentFees: false },
  repatriation_request: { stage: 'return', indicators: [], recruitmentFees: false },
  missing_person: { stage: 'employment', indicators: ['isolation'], recruitmentFees: false },
  other: { stage: 'employment', indicators: [], recruitmentFees: false },
} as const satisfies Record<string, GrievanceDefinition>;
export type GrievanceCode = keyof typeof grievances;
export const grievanceCodes = Object.keys(grievances) as [GrievanceCode, ...GrievanceCode[]];

/** Complaint states and the moves between them. Reopening is a move from a final state back to in_progress. */
export const complaintStates = ['received', 'in_progress', 'resolved', 'closed', 'inadmissible', 'withdrawn'] as const;
export type ComplaintState = (typeof complaintStates)[number];

export const transitions: Record<ComplaintState, ComplaintState[]> = {
  received: ['in_progress', 'inadmissible', 'withdrawn'],
  in_progress: ['resolved', 'inadmissible', 'withdrawn'],
  resolved: ['closed', 'in_progress'],
  closed: ['in_progress'],
  inadmissible: ['in_progress'],
  withdrawn: ['in_progress'],
};
/** States a case cannot be worked in until it is reopened. */
export const finalStates: ComplaintState[] = ['closed', 'inadmissible', 'withdrawn'];
/** Moves that need a written reason. */
export const transitionsNeedingReason: ComplaintState[] = ['inadmissible', 'withdrawn'];

/** Moves out of a final state, which only a supervisor may make. */
export const isReopening = (from: ComplaintState, to: ComplaintState): boolean => finalStates.includes(from) && to === 'in_progress';
