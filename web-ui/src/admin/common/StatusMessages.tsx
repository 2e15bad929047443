import { useEffect, useRef, useState, type ReactNode } from 'react';
import { t } from '../../i18n';

/**
 * A polite live region that is always in the page, so that screen readers announce what is
 * put into it later ("Saved.", "Loading…").
 */
export function StatusRegion({ message }: { message: string }) {
  return (
    <p className="admin-status" role="status" aria-live="polite">
      {message}
    </p>
  );
}

/** An error the person must notice; announced at once. */
export function ErrorAlert({ message, children }: { message: string; children?: ReactNode }) {
  return (
    <div className="admin-alert" role="alert">
      <p>{message}</p>
      {children}
    </div>
  );
}

interface ConfirmButtonProps {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  danger?: boolean;
}

/**
 * A button that asks before it acts: the first press shows the question with "confirm" and
 * "cancel" in place, and moves the focus to "confirm" so keyboard users land on it.
 */
export function ConfirmButton({ label, question, confirmLabel, onConfirm, disabled, danger }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button
        type="button"
        className={danger ? 'admin-button admin-button-danger' : 'admin-button'}
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <div className="admin-confirm" role="group" aria-label={question}>
      <p>{question}</p>
      <button
        ref={confirmRef}
        type="button"
        className={danger ? 'admin-button admin-button-danger' : 'admin-button admin-button-primary'}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="admin-button" onClick={() => setAsking(false)}>
        {t('admin.common.cancel')}
      </button>
    </div>
  );
}
