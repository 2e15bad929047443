// One entry per method kind: how it proves the person and the form that adds it. Every other
// screen asks this map rather than naming kinds, so a new kind is its line here (TypeScript
// refuses the map until the API's new kind has one), its messages and its form.
import type { ComponentType } from 'react';
import type { MethodKind, Schemas } from '../../api/client';
import { AddAuthenticatorForm } from './AddAuthenticatorForm';
import { AddContactMethodForm } from './AddContactMethodForm';
import { AddPasskeyForm } from './AddPasskeyForm';
import { RecoveryCodesForm } from './RecoveryCodesForm';
import { SecurityQuestionsForm } from './SecurityQuestionsForm';

/** How a kind proves the person (the API's `methods::Proof`). */
export type Proof = 'code' | 'totp' | 'answers' | 'recovery_code' | 'passkey';

export interface AddFormProps {
  onDone: () => void;
  onCancel?: () => void;
  /** A value to start from (an address or number the directory keeps; still proved). */
  suggestion?: string;
}

export interface KindInfo {
  proof: Proof;
  /** Whether its hint (a masked address or number) means something to show. */
  showsHint: boolean;
  AddForm: ComponentType<AddFormProps>;
}

const contact = (kind: 'email' | 'mobile_sms' | 'mobile_voice' | 'office_voice'): KindInfo => ({
  proof: 'code',
  showsHint: true,
  AddForm: (props) => <AddContactMethodForm kind={kind} {...props} />,
});

export const METHOD_KINDS: Record<MethodKind, KindInfo> = {
  email: contact('email'),
  mobile_sms: contact('mobile_sms'),
  mobile_voice: contact('mobile_voice'),
  office_voice: contact('office_voice'),
  authenticator_app: { proof: 'totp', showsHint: false, AddForm: AddAuthenticatorForm },
  security_questions: { proof: 'answers', showsHint: false, AddForm: SecurityQuestionsForm },
  recovery_codes: { proof: 'recovery_code', showsHint: false, AddForm: RecoveryCodesForm },
  // Its hint is the name the person gave it.
  passkey: { proof: 'passkey', showsHint: true, AddForm: AddPasskeyForm },
};

/** What the directory keeps that a form of `kind` may start from. */
export function suggestionFor(kind: MethodKind, contacts: Schemas['Contacts'] | undefined): string | undefined {
  if (!contacts) return undefined;
  if (kind === 'email') return contacts.email ?? undefined;
  if (kind === 'mobile_sms' || kind === 'mobile_voice') return contacts.mobile_phone ?? undefined;
  if (kind === 'office_voice') return contacts.office_phone ?? undefined;
  return undefined;
}

/** The entry for `kind` (an unknown kind, from a newer server, reads as a code method). */
export function kindInfo(kind: string): KindInfo {
  return (METHOD_KINDS as Record<string, KindInfo | undefined>)[kind] ?? contact('email');
}

/** Whether `kind` is proven with a code sent to it. */
export function sendsCodes(kind: string): boolean {
  return kindInfo(kind).proof === 'code';
}
