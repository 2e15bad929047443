// Error and status messages. Errors use role="alert" (announced at once); status messages use
// a polite live region, so a screen reader hears what happened without losing its place.
import type { ReactNode } from 'react';

export function ErrorMessage({ children, id }: { children: ReactNode; id?: string }) {
  if (!children) return null;
  return (
    <div className="message message--error" role="alert" id={id}>
      {children}
    </div>
  );
}

/** Always rendered (empty when quiet) so that changes to it are announced. */
export function StatusMessage({ children }: { children?: ReactNode }) {
  return (
    <div className={children ? 'message message--status' : 'visually-hidden'} role="status" aria-live="polite">
      {children}
    </div>
  );
}
