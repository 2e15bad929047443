// "Add a method": choose one of the kinds the policy enables, then its form.
import { useState } from 'react';
import type { MethodKind, Schemas } from '../../api/client';
import { t } from '../../i18n';
import { METHOD_KINDS, suggestionFor } from './kinds';

export function AddMethodPanel({
  kinds,
  onAdded,
  contacts,
  headingLevel = 2,
}: {
  /** The kinds the person may still add. */
  kinds: readonly MethodKind[];
  /** What the directory keeps for the person: the forms start from it. */
  contacts?: Schemas['Contacts'];
  onAdded: (kind: MethodKind) => void;
  headingLevel?: 2 | 3;
}) {
  const [kind, setKind] = useState<MethodKind | ''>('');
  const [open, setOpen] = useState<MethodKind | null>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  if (kinds.length === 0) return null;
  const done = (k: MethodKind) => {
    setOpen(null);
    setKind('');
    onAdded(k);
  };
  const cancel = () => setOpen(null);
  const AddForm = open === null ? null : METHOD_KINDS[open].AddForm;

  return (
    <section className="card" aria-labelledby="add-method-heading">
      <Heading id="add-method-heading">{t('security.add_title')}</Heading>
      {open === null ? (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (kind !== '') setOpen(kind);
          }}
        >
          <div className="field">
            <label htmlFor="add-kind">{t('security.add_kind')}</label>
            <select id="add-kind" value={kind} onChange={(e) => setKind(e.target.value as MethodKind | '')}>
              <option value="">{t('recover.choose_method')}</option>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`method.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--primary" disabled={kind === ''}>
            {t('action.continue')}
          </button>
        </form>
      ) : (
        <>
          <Heading className="subheading">{t(`method.${open}`)}</Heading>
          {AddForm && <AddForm onDone={() => done(open)} onCancel={cancel} suggestion={suggestionFor(open, contacts)} />}
        </>
      )}
    </section>
  );
}
