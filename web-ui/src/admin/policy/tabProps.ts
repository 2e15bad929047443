import type { Policy } from '../common/types';

/** What every policy tab gets: the document being edited and a way to change it. */
export interface PolicyTabProps {
  policy: Policy;
  update: (change: (policy: Policy) => Policy) => void;
}
