// A secret the service shows once (an API key, a webhook's signing secret): its title, what to
// do with it, the value, and a button that forgets it. It lives in the caller's state only.

interface SecretOnceProps {
  id: string;
  title: string;
  explanation: string;
  value: string;
  testId: string;
  dismissLabel: string;
  onDismiss: () => void;
}

export function SecretOnce({ id, title, explanation, value, testId, dismissLabel, onDismiss }: SecretOnceProps) {
  return (
    <section className="admin-card admin-secret" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <p>{explanation}</p>
      <p>
        <code data-testid={testId}>{value}</code>
      </p>
      <button type="button" className="admin-button" onClick={onDismiss}>
        {dismissLabel}
      </button>
    </section>
  );
}
