import { createContext, useContext } from 'react';

/** Messages per input id for the form being rendered (see `placeFieldErrors`). */
export const FieldErrorsContext = createContext<Record<string, string[]>>({});

export function useFieldErrors(inputId: string): string[] {
  return useContext(FieldErrorsContext)[inputId] ?? [];
}

/** The id of the element holding the error messages of an input. */
export function errorIdFor(inputId: string): string {
  return `${inputId}-error`;
}

/** The id of the element holding the hint of an input. */
export function hintIdFor(inputId: string): string {
  return `${inputId}-hint`;
}

/** `aria-invalid` and `aria-describedby` for an input, pointing at its hint and its errors. */
export function describedBy(inputId: string, hasHint: boolean, hasErrors: boolean) {
  const ids = [hasHint ? hintIdFor(inputId) : null, hasErrors ? errorIdFor(inputId) : null].filter(
    (id): id is string => id !== null,
  );
  return {
    'aria-invalid': hasErrors ? true : undefined,
    'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined,
  };
}
