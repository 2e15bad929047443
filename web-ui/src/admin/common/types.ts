// Names for the API's wire types, taken from the schema generated from openapi/openapi.json.
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

export type Policy = Schemas['Policy'];
export type PolicyImpact = Schemas['PolicyImpact'];
export type Notice = Schemas['Notice'];
export type ApiKey = Schemas['ApiKey'];
export type ApiKeyScope = Schemas['ApiKeyScope'];
export type Webhook = Schemas['Webhook'];
export type WebhookEvent = Schemas['WebhookEvent'];
export type WebhookDelivery = Schemas['WebhookDelivery'];
export type MessageWording = Schemas['MessageWording'];
export type MessagePreview = Schemas['MessagePreview'];
export type MethodKind = Schemas['MethodKind'];
export type Scope = Schemas['Scope'];
export type Group = Schemas['Group'];
export type GroupDetail = Schemas['GroupDetail'];
export type Member = Schemas['Member'];
export type UpdateGroup = Schemas['UpdateGroup'];
export type User = Schemas['User'];
export type UserList = Schemas['UserList'];
export type CreateUser = Schemas['CreateUser'];
export type UpdateUser = Schemas['UpdateUser'];
export type MethodView = Schemas['MethodView'];
export type AuditEntry = Schemas['AuditEntry'];
export type ResetReport = Schemas['ResetReport'];
export type RegistrationReport = Schemas['RegistrationReport'];

/** Every method kind, in the order the pages list them. */
export const METHOD_KINDS: readonly MethodKind[] = [
  'email',
  'mobile_sms',
  'mobile_voice',
  'office_voice',
  'authenticator_app',
  'security_questions',
  'recovery_codes',
  'passkey',
];
