import { useCallback, useEffect, useState } from 'react';
import { api, call } from '../api/client';
import type { MethodView, Problem } from '../api/client';

/** The signed-in person's methods (GET /api/v1/me/methods), with a reload. */
export function useMethods(): {
  methods: MethodView[] | null;
  problem: Problem | null;
  reload: () => Promise<void>;
} {
  const [methods, setMethods] = useState<MethodView[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const reload = useCallback(async () => {
    const outcome = await call(api.GET('/api/v1/me/methods'));
    if (outcome.ok) {
      setMethods(outcome.data.items);
      setProblem(null);
    } else {
      setProblem(outcome.problem);
    }
  }, []);
  useEffect(() => {
    let live = true;
    void call(api.GET('/api/v1/me/methods')).then((outcome) => {
      if (!live) return;
      if (outcome.ok) setMethods(outcome.data.items);
      else setProblem(outcome.problem);
    });
    return () => {
      live = false;
    };
  }, []);
  return { methods, problem, reload };
}

/** Kinds the policy enables that the person has not set up yet (security questions: once). */
export function addableKinds<K extends string>(enabled: readonly K[], methods: readonly { kind: string; status: string }[]): K[] {
  // A person keeps several passkeys.
  return enabled.filter((k) => k === 'passkey' || !methods.some((m) => m.kind === k && m.status === 'active'));
}
