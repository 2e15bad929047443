// The state of one recovery flow, kept in React state only: the flow token is never written to
// storage, so closing the tab ends the flow.
import type { Problem, Schemas } from '../../api/client';

export type Purpose = Schemas['Purpose'];
export type OfferedMethod = Schemas['OfferedMethod'];

export interface Flow {
  id: string;
  token: string;
  purpose: Purpose;
  methodsRequired: number;
  methods: OfferedMethod[];
  passed: string[];
}

/** Answers that end the flow: the only way on is to start again. */
const fatal = new Set([
  'flow_expired',
  'flow_locked',
  'flow_finished',
  'flow_ended',
  'flow_changed',
  'method_unavailable',
  'wrong_purpose',
  'unauthenticated',
]);

export function endsFlow(problem: Problem): boolean {
  return fatal.has(problem.code) || problem.status === 401;
}

