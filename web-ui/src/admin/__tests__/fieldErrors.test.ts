import { describe, expect, it } from 'vitest';
import {
  customQuestionInputId,
  firstPolicyErrorTab,
  flatFieldLocator,
  placeFieldErrors,
  policyErrorCounts,
  policyFieldTarget,
} from '../common/fieldErrors';

describe('policy field paths are mapped to the inputs that edit them', () => {
  it('maps a nested field to its input and tab', () => {
    expect(policyFieldTarget('password.min_length')).toEqual({ tab: 'password', inputId: 'policy-password-min_length' });
    expect(policyFieldTarget('registration.reconfirm_days')).toEqual({
      tab: 'registration',
      inputId: 'policy-registration-reconfirm_days',
    });
    expect(policyFieldTarget('customization.helpdesk_url')).toEqual({
      tab: 'customization',
      inputId: 'policy-customization-helpdesk_url',
    });
    expect(policyFieldTarget('recovery_cooldown_hours')?.tab).toBe('customization');
  });

  it('gives every custom question its own input', () => {
    expect(policyFieldTarget('security_questions.custom_questions[2]')).toEqual({
      tab: 'methods',
      inputId: customQuestionInputId(2),
    });
    expect(customQuestionInputId(2)).toBe('policy-security_questions-custom_questions-2');
  });

  it('maps entries of lists edited as a whole to the list control', () => {
    expect(policyFieldTarget('group_ids[1]')).toEqual({ tab: 'properties', inputId: 'policy-group_ids' });
    expect(policyFieldTarget('methods_enabled[0]')?.inputId).toBe('policy-methods_enabled');
    expect(policyFieldTarget('password.banned_words[7]')?.inputId).toBe('policy-password-banned_words');
    expect(policyFieldTarget('security_questions.custom_questions')?.inputId).toBe(
      'policy-security_questions-custom_questions',
    );
  });

  it('falls back to the nearest known parent, and to nothing for unknown fields', () => {
    expect(policyFieldTarget('password.some_new_rule')).toEqual({ tab: 'password', inputId: 'policy-password-min_length' });
    expect(policyFieldTarget('something_else')).toBeNull();
  });

  it('groups messages by input and keeps the ones without an input apart', () => {
    const errors = [
      { field: 'password.min_length', code: 'out_of_range', message: 'must be between 8 and 256' },
      { field: 'password.min_length', code: 'other', message: 'second message' },
      { field: 'security_questions.custom_questions[0]', code: 'length', message: 'too short' },
      { field: 'mystery', code: 'x', message: 'unplaceable' },
    ];
    const placed = placeFieldErrors(errors, (field) => policyFieldTarget(field)?.inputId ?? null);
    expect(placed.byInput).toEqual({
      'policy-password-min_length': ['must be between 8 and 256', 'second message'],
      'policy-security_questions-custom_questions-0': ['too short'],
    });
    expect(placed.unplaced.map((e) => e.field)).toEqual(['mystery']);
    expect(firstPolicyErrorTab(errors)).toBe('password');
    expect(policyErrorCounts(errors)).toEqual({ password: 2, methods: 1 });
  });

  it('locates flat form fields with a prefix', () => {
    const locate = flatFieldLocator('user-create', ['username', 'email']);
    expect(locate('username')).toBe('user-create-username');
    expect(locate('email')).toBe('user-create-email');
    expect(locate('is_admin')).toBeNull();
  });
});
