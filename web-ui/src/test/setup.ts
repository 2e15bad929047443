import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// The SPA calls the API with relative URLs ('' base). Node's Request wants absolute ones, so
// resolve them against the jsdom page's address, as a browser would.
const NodeRequest = globalThis.Request;
class RelativeRequest extends NodeRequest {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === 'string' ? new URL(input, window.location.href).toString() : input, init);
  }
}
globalThis.Request = RelativeRequest as typeof Request;

// findBy*/waitFor wait up to 15 s (the default, 1 s, is too short for a chart page rendering on a
// loaded 2-core CI machine); a test that passes still returns as soon as the element appears.
configure({ asyncUtilTimeout: 15000 });

afterEach(() => {
  cleanup();
});
