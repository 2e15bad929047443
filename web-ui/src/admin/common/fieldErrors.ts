// Where a field error from the API is shown.
//
// A 422 answer names each invalid field by its dotted path in the request body
// (`password.min_length`, `security_questions.custom_questions[2]`). The forms give every input an
// id derived from that path, so a message can be put next to the input that caused it.
import type { FieldErrorItem } from './problem';

export type PolicyTabId =
  | 'properties'
  | 'methods'
  | 'registration'
  | 'notifications'
  | 'customization'
  | 'password';

export interface FieldTarget {
  tab: PolicyTabId;
  /** The id of the input (or fieldset) that edits the field. */
  inputId: string;
}

const POLICY_FIELDS: Record<string, FieldTarget> = {
  scope: { tab: 'properties', inputId: 'policy-scope' },
  group_ids: { tab: 'properties', inputId: 'policy-group_ids' },
  methods_enabled: { tab: 'methods', inputId: 'policy-methods_enabled' },
  methods_required: { tab: 'methods', inputId: 'policy-methods_required' },
  security_questions: { tab: 'methods', inputId: 'policy-security_questions-register_count' },
  'security_questions.register_count': {
    tab: 'methods',
    inputId: 'policy-security_questions-register_count',
  },
  'security_questions.reset_count': { tab: 'methods', inputId: 'policy-security_questions-reset_count' },
  'security_questions.custom_questions': {
    tab: 'methods',
    inputId: 'policy-security_questions-custom_questions',
  },
  registration: { tab: 'registration', inputId: 'policy-registration-require_on_sign_in' },
  'registration.require_on_sign_in': {
    tab: 'registration',
    inputId: 'policy-registration-require_on_sign_in',
  },
  'registration.reconfirm_days': { tab: 'registration', inputId: 'policy-registration-reconfirm_days' },
  notifications: { tab: 'notifications', inputId: 'policy-notifications-notify_user_on_reset' },
  'notifications.notify_user_on_reset': {
    tab: 'notifications',
    inputId: 'policy-notifications-notify_user_on_reset',
  },
  'notifications.notify_admins_on_admin_reset': {
    tab: 'notifications',
    inputId: 'policy-notifications-notify_admins_on_admin_reset',
  },
  customization: { tab: 'customization', inputId: 'policy-customization-helpdesk_url' },
  'customization.helpdesk_url': { tab: 'customization', inputId: 'policy-customization-helpdesk_url' },
  'customization.helpdesk_email': { tab: 'customization', inputId: 'policy-customization-helpdesk_email' },
  'customization.messages': { tab: 'customization', inputId: 'policy-messages-body' },
  'customization.messages.notice': { tab: 'customization', inputId: 'policy-messages-notice' },
  'customization.messages.language': { tab: 'customization', inputId: 'policy-messages-language' },
  'customization.messages.subject': { tab: 'customization', inputId: 'policy-messages-subject' },
  'customization.messages.body': { tab: 'customization', inputId: 'policy-messages-body' },
  unlock_enabled: { tab: 'customization', inputId: 'policy-unlock_enabled' },
  reveal_ineligible: { tab: 'customization', inputId: 'policy-reveal_ineligible' },
  confirm_full_destination: { tab: 'customization', inputId: 'policy-confirm_full_destination' },
  recovery_cooldown_hours: { tab: 'customization', inputId: 'policy-recovery_cooldown_hours' },
  password: { tab: 'password', inputId: 'policy-password-min_length' },
  'password.min_length': { tab: 'password', inputId: 'policy-password-min_length' },
  'password.max_length': { tab: 'password', inputId: 'policy-password-max_length' },
  'password.min_strength': { tab: 'password', inputId: 'policy-password-min_strength' },
  'password.banned_words': { tab: 'password', inputId: 'policy-password-banned_words' },
  'password.history': { tab: 'password', inputId: 'policy-password-history' },
};

/** The id of the input for the custom question at `index`. */
export function customQuestionInputId(index: number): string {
  return `policy-security_questions-custom_questions-${index}`;
}

/**
 * Where a policy field path is edited. Each custom question has its own input; other list
 * entries (`group_ids[1]`, `password.banned_words[7]`) are edited by one control for the whole
 * list. An unknown path falls back to its nearest known parent; `null` when there is none.
 */
export function policyFieldTarget(field: string): FieldTarget | null {
  const question = /^security_questions\.custom_questions\[(\d+)\]/.exec(field);
  if (question) return { tab: 'methods', inputId: customQuestionInputId(Number(question[1])) };
  const parts = field.replace(/\[\d+\]/g, '').split('.');
  while (parts.length > 0) {
    const target = POLICY_FIELDS[parts.join('.')];
    if (target) return target;
    parts.pop();
  }
  return null;
}

export interface PlacedErrors {
  /** Messages per input id, in the order the API gave them. */
  byInput: Record<string, string[]>;
  /** Errors for fields that no input on the page edits; shown in a summary instead. */
  unplaced: FieldErrorItem[];
}

/** Groups field errors by the input that shows them, using `locate` to find each input's id. */
export function placeFieldErrors(
  errors: readonly FieldErrorItem[],
  locate: (field: string) => string | null,
): PlacedErrors {
  const byInput: Record<string, string[]> = {};
  const unplaced: FieldErrorItem[] = [];
  for (const error of errors) {
    const inputId = locate(error.field);
    if (inputId === null) {
      unplaced.push(error);
    } else {
      (byInput[inputId] ??= []).push(error.message);
    }
  }
  return { byInput, unplaced };
}

/** The tab holding the first error that has a place on the policy form. */
export function firstPolicyErrorTab(errors: readonly FieldErrorItem[]): PolicyTabId | null {
  for (const error of errors) {
    const target = policyFieldTarget(error.field);
    if (target) return target.tab;
  }
  return null;
}

/** Counts errors per policy tab, for the badges on the tabs. */
export function policyErrorCounts(errors: readonly FieldErrorItem[]): Partial<Record<PolicyTabId, number>> {
  const counts: Partial<Record<PolicyTabId, number>> = {};
  for (const error of errors) {
    const target = policyFieldTarget(error.field);
    if (target) counts[target.tab] = (counts[target.tab] ?? 0) + 1;
  }
  return counts;
}

/** For flat forms (users, groups): the input id is the field name with a form prefix. */
export function flatFieldLocator(prefix: string, fields: readonly string[]) {
  return (field: string): string | null => {
    const name = field.replace(/\[\d+\]/g, '').split('.')[0] ?? '';
    return fields.includes(name) ? `${prefix}-${name}` : null;
  };
}
