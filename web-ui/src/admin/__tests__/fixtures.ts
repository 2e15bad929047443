import type { AuditEntry, Policy, User } from '../common/types';

export function policyFixture(overrides: Partial<Policy> = {}): Policy {
  return {
    scope: 'all',
    group_ids: [],
    methods_required: 1,
    methods_enabled: ['email', 'mobile_sms', 'authenticator_app'],
    security_questions: { register_count: 3, reset_count: 3, custom_questions: [] },
    registration: { require_on_sign_in: true, reconfirm_days: 180 },
    notifications: { notify_user_on_reset: true, notify_admins_on_admin_reset: true },
    customization: { helpdesk_url: null, helpdesk_email: null },
    unlock_enabled: true,
    reveal_ineligible: false,
    confirm_full_destination: false,
    recovery_cooldown_hours: 0,
    password: { min_length: 12, max_length: 256, min_strength: 3, banned_words: [], history: 1 },
    ...overrides,
  };
}

export function userFixture(overrides: Partial<User> = {}): User {
  return {
    user_id: '11111111-1111-4111-8111-111111111111',
    username: 'alice',
    display_name: 'Alice Example',
    email: 'alice@example.com',
    mobile_phone: '+15551234567',
    is_admin: false,
    disabled: false,
    locked: false,
    locked_until: null,
    password_set: true,
    must_change_password: false,
    created_at: '2026-11-01T10:00:00Z',
    updated_at: '2026-11-01T10:00:00Z',
    ...overrides,
  };
}

export function auditFixture(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: '01a21389-2e69-74d3-b4f7-bbe3f7ca1961',
    at: '2026-11-25T16:28:07Z',
    type: 'sign_in.failed',
    outcome: 'failure',
    actor_id: null,
    actor_name: null,
    target_id: '11111111-1111-4111-8111-111111111111',
    target_name: 'alice',
    ip: '192.0.2.7',
    user_agent: 'Mozilla/5.0',
    details: {},
    ...overrides,
  };
}
