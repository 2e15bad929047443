// A labelled input whose help and errors are tied to it with aria-describedby.
import type { InputHTMLAttributes, ReactNode } from 'react';

export interface FieldProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'> {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  help?: ReactNode;
  errors?: readonly string[];
  /** More ids that describe the input (a rules list, a meter). */
  describedBy?: string;
}

export function Field({
  id,
  label,
  value,
  onChange,
  help,
  errors = [],
  describedBy: more,
  ...input
}: FieldProps) {
  const helpId = help ? `${id}-help` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  const describedBy = [helpId, errorId, more].filter(Boolean).join(' ') || undefined;
  return (
    <div className={errors.length > 0 ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {help ? (
        <p id={helpId} className="field__help">
          {help}
        </p>
      ) : null}
      <input
        {...input}
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errors.length > 0 ? true : undefined}
        aria-describedby={describedBy}
      />
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}

export function FieldErrors({ id, errors }: { id: string | undefined; errors: readonly string[] }) {
  if (!id || errors.length === 0) return null;
  return (
    <div id={id} className="field__error">
      {errors.map((e) => (
        <p key={e}>{e}</p>
      ))}
    </div>
  );
}
