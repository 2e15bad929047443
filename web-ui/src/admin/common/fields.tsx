// Labelled inputs whose errors are announced with them: every input has a <label>, its hint and
// its API errors are linked with aria-describedby, and aria-invalid marks it while it has errors.
import type { ReactNode } from 'react';
import { describedBy, errorIdFor, hintIdFor, useFieldErrors } from './FieldErrorsContext';

export function FieldMessages({ inputId }: { inputId: string }) {
  const errors = useFieldErrors(inputId);
  if (errors.length === 0) return null;
  return (
    <ul className="admin-field-errors" id={errorIdFor(inputId)}>
      {errors.map((message, index) => (
        <li key={index}>{message}</li>
      ))}
    </ul>
  );
}

function Hint({ inputId, hint }: { inputId: string; hint?: ReactNode }) {
  if (hint === undefined) return null;
  return (
    <p className="admin-hint" id={hintIdFor(inputId)}>
      {hint}
    </p>
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'tel' | 'url' | 'password' | 'search';
  hint?: string;
  autoComplete?: string;
  required?: boolean;
}

export function TextField({ id, label, value, onChange, type = 'text', hint, autoComplete, required }: TextFieldProps) {
  const errors = useFieldErrors(id);
  return (
    <div className="admin-field">
      <label htmlFor={id}>{label}</label>
      <Hint inputId={id} hint={hint} />
      <input
        id={id}
        type={type}
        value={value}
        autoComplete={autoComplete}
        required={required}
        onChange={(event) => onChange(event.target.value)}
        {...describedBy(id, hint !== undefined, errors.length > 0)}
      />
      <FieldMessages inputId={id} />
    </div>
  );
}

interface NumberFieldProps {
  id: string;
  label: string;
  /** `NaN` while the input holds no whole number. */
  value: number;
  onChange: (value: number) => void;
  min?: number;
  max?: number;
  hint?: string;
}

export function NumberField({ id, label, value, onChange, min, max, hint }: NumberFieldProps) {
  const errors = useFieldErrors(id);
  return (
    <div className="admin-field">
      <label htmlFor={id}>{label}</label>
      <Hint inputId={id} hint={hint} />
      <input
        id={id}
        type="number"
        inputMode="numeric"
        step={1}
        min={min}
        max={max}
        value={Number.isFinite(value) ? String(value) : ''}
        onChange={(event) => {
          const text = event.target.value.trim();
          onChange(/^-?\d+$/.test(text) ? Number(text) : Number.NaN);
        }}
        {...describedBy(id, hint !== undefined, errors.length > 0)}
      />
      <FieldMessages inputId={id} />
    </div>
  );
}

interface CheckboxFieldProps {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
}

export function CheckboxField({ id, label, checked, onChange, hint }: CheckboxFieldProps) {
  const errors = useFieldErrors(id);
  return (
    <div className="admin-field admin-field-checkbox">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        {...describedBy(id, hint !== undefined, errors.length > 0)}
      />
      <label htmlFor={id}>{label}</label>
      <Hint inputId={id} hint={hint} />
      <FieldMessages inputId={id} />
    </div>
  );
}

interface TextAreaFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  rows?: number;
}

export function TextAreaField({ id, label, value, onChange, hint, rows = 6 }: TextAreaFieldProps) {
  const errors = useFieldErrors(id);
  return (
    <div className="admin-field">
      <label htmlFor={id}>{label}</label>
      <Hint inputId={id} hint={hint} />
      <textarea
        id={id}
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...describedBy(id, hint !== undefined, errors.length > 0)}
      />
      <FieldMessages inputId={id} />
    </div>
  );
}

interface SelectFieldProps<V extends string> {
  id: string;
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  hint?: string;
}

export function SelectField<V extends string>({ id, label, value, options, onChange, hint }: SelectFieldProps<V>) {
  const errors = useFieldErrors(id);
  return (
    <div className="admin-field">
      <label htmlFor={id}>{label}</label>
      <Hint inputId={id} hint={hint} />
      <select
        id={id}
        value={value}
        onChange={(event) => {
          const chosen = options.find((option) => option.value === event.target.value);
          if (chosen) onChange(chosen.value);
        }}
        {...describedBy(id, hint !== undefined, errors.length > 0)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages inputId={id} />
    </div>
  );
}

/** A group of checkboxes (or radios) whose errors belong to the whole group. */
export function FieldsetField({ id, legend, hint, children }: { id: string; legend: string; hint?: string; children: ReactNode }) {
  const errors = useFieldErrors(id);
  return (
    <fieldset
      id={id}
      className="admin-fieldset"
      tabIndex={-1}
      {...describedBy(id, hint !== undefined, errors.length > 0)}
    >
      <legend>{legend}</legend>
      <Hint inputId={id} hint={hint} />
      {children}
      <FieldMessages inputId={id} />
    </fieldset>
  );
}
