/**
 * Errors a user can meet. Each has a stable `code` (part of the API contract) whose message lives in the
 * translation files as `errors.<code>`; `params` fill the message's placeholders and never hold personal data.
 */
export const errorStatus = {
  validation_failed: 400,
  reason_required: 400,
  assignee_invalid: 400,
  spam_rejected: 400,
  evidence_missing: 400,
  import_file_unreadable: 400,
  referral_target_invalid: 400,
  transfer_needs_fields: 400,
  unauthenticated: 401,
  federation_refused: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  tracking_failed: 404,
  transition_not_allowed: 409,
  outcome_required: 409,
  complaint_not_open: 409,
  consent_not_shared: 409,
  referral_not_allowed: 409,
  transfer_pending: 409,
  federation_out_of_order: 409,
  federation_replayed: 409,
  no_intake_organisation: 409,
  email_taken: 409,
  evidence_too_large: 413,
  evidence_type_not_allowed: 415,
  account_locked: 423,
  tracking_locked: 423,
  rate_limited: 429,
  internal_error: 500,
  web_not_built: 503,
  federation_not_configured: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface ErrorDetail {
  path: string;
  code: string;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly details: ErrorDetail[] = [],
  ) {
    super(code);
    this.status = errorStatus[code];
  }
}
