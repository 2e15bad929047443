// The browser's side of passkeys: the service's options (JSON) in, the credential's JSON out,
// with the browser's own parse…FromJSON / toJSON so that nothing is encoded by hand. A refusal
// at the device (cancelled, timed out, no matching passkey) is a `PasskeyError`.

export class PasskeyError extends Error {
  constructor(
    /** The DOMException's name: `NotAllowedError` (cancelled or timed out), `InvalidStateError`
     * (this device already holds one), `NotSupportedError`, or `Unsupported` (no WebAuthn). */
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** Whether this browser can use passkeys at all. */
export function passkeysSupported(): boolean {
  return (
    typeof window !== 'undefined' &&
    typeof window.PublicKeyCredential !== 'undefined' &&
    typeof window.PublicKeyCredential.parseCreationOptionsFromJSON === 'function'
  );
}

async function ask(run: () => Promise<Credential | null>): Promise<object> {
  if (!passkeysSupported()) throw new PasskeyError('Unsupported');
  try {
    const credential = await run();
    if (!(credential instanceof PublicKeyCredential)) throw new PasskeyError('NotAllowedError');
    return credential.toJSON() as object;
  } catch (e) {
    if (e instanceof PasskeyError) throw e;
    throw new PasskeyError(e instanceof DOMException ? e.name : 'NotAllowedError');
  }
}

/** `navigator.credentials.create` for the service's creation options. */
export function createPasskey(options: unknown): Promise<object> {
  return ask(() =>
    navigator.credentials.create({
      publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(
        options as PublicKeyCredentialCreationOptionsJSON,
      ),
    }),
  );
}

/** `navigator.credentials.get` for the service's request options. */
export function getPasskey(options: unknown): Promise<object> {
  return ask(() =>
    navigator.credentials.get({
      publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options as PublicKeyCredentialRequestOptionsJSON),
    }),
  );
}
