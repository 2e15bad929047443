import { useState } from 'react';
import { t } from '../../i18n';
import { NumberField, SelectField, TextAreaField } from '../common/fields';
import type { PolicyTabProps } from './tabProps';

const STRENGTHS = ['0', '1', '2', '3', '4'] as const;

/** One word per line; blank lines and surrounding spaces do not count. */
export function parseBannedWords(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Length, strength, banned words and history rules for new passwords. */
export default function PolicyPasswordTab({ policy, update }: PolicyTabProps) {
  // The text is kept as typed (with its blank lines) so that pressing Enter does not vanish;
  // the document gets the cleaned list. The page remounts this tab when it loads a policy.
  const [bannedText, setBannedText] = useState(() => policy.password.banned_words.join('\n'));
  const password = policy.password;

  return (
    <div className="admin-stack">
      <NumberField
        id="policy-password-min_length"
        label={t('admin.policy.minLength')}
        hint={t('admin.policy.minLengthHint')}
        min={8}
        max={256}
        value={password.min_length}
        onChange={(value) => update((p) => ({ ...p, password: { ...p.password, min_length: value } }))}
      />
      <NumberField
        id="policy-password-max_length"
        label={t('admin.policy.maxLength')}
        hint={t('admin.policy.maxLengthHint')}
        min={64}
        max={256}
        value={password.max_length}
        onChange={(value) => update((p) => ({ ...p, password: { ...p.password, max_length: value } }))}
      />
      <SelectField
        id="policy-password-min_strength"
        label={t('admin.policy.minStrength')}
        hint={t('admin.policy.minStrengthHint')}
        value={String(password.min_strength)}
        options={STRENGTHS.map((score) => ({ value: score, label: t(`admin.policy.strength.${score}`) }))}
        onChange={(value) => update((p) => ({ ...p, password: { ...p.password, min_strength: Number(value) } }))}
      />
      <TextAreaField
        id="policy-password-banned_words"
        label={t('admin.policy.bannedWords')}
        hint={t('admin.policy.bannedWordsHint')}
        value={bannedText}
        onChange={(text) => {
          setBannedText(text);
          update((p) => ({ ...p, password: { ...p.password, banned_words: parseBannedWords(text) } }));
        }}
      />
      <NumberField
        id="policy-password-history"
        label={t('admin.policy.history')}
        hint={t('admin.policy.historyHint')}
        min={0}
        max={24}
        value={password.history}
        onChange={(value) => update((p) => ({ ...p, password: { ...p.password, history: value } }))}
      />
    </div>
  );
}
