/** The source of src/i18n/keys.ts for the English catalogue as it is now. */
export function keysSource(): string;
