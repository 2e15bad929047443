"""A portal developer's path: a client generated from openapi/openapi.json by
openapi-python-client drives one whole reset against the real service.

It starts `sspr` on SQLite with a local SMTP server (aiosmtpd) that keeps the mail, then, only
through the generated client: the administrator signs in, opens the policy to one email method
and creates a person; the person signs in, changes the administrator's password, registers an
email address with the code mailed to it; then someone who forgot that password solves the
CAPTCHA, starts a reset, gets the code by mail, verifies it, sets a new password, and signs in
with it. The administrator has registered a webhook endpoint for `password.reset`: a local
receiver gets the event and checks its signature with the Standard Webhooks library from PyPI.

    python contract/client_reset.py GENERATED_CLIENT_DIR SSPR_BINARY
"""

import base64
import email
import http.server
import threading
import email.policy
import hashlib
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time

from aiosmtpd.controller import Controller
from standardwebhooks.webhooks import Webhook

CLIENT_DIR, BINARY = sys.argv[1], sys.argv[2]
sys.path.insert(0, CLIENT_DIR)

from self_service_password_reset_api_client import AuthenticatedClient, Client  # noqa: E402
from self_service_password_reset_api_client.api.admin import (  # noqa: E402
    create_user,
    create_webhook,
    get_policy,
    put_policy,
)
from self_service_password_reset_api_client.api.auth import sign_in  # noqa: E402
from self_service_password_reset_api_client.api.me import (  # noqa: E402
    add_method,
    change_password,
    verify_method,
)
from self_service_password_reset_api_client.api.recovery import (  # noqa: E402
    captcha_challenge,
    reset_password,
    send_recovery_challenge,
    start_recovery,
    verify_recovery_method,
)
from self_service_password_reset_api_client.models import (  # noqa: E402
    AddEmailMethod,
    ChallengeRequest,
    ChangePasswordRequest,
    CodeChallenge,
    CreateUser,
    CreateWebhook,
    WebhookEvent,
    EmailKind,
    NewPasswordRequest,
    Policy,
    SignInRequest,
    SignInResponse,
    StartRequest,
    VerifyMethodRequest,
    VerifyWithCode,
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Mailbox:
    """Keeps every message the service sends, parsed."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((envelope.rcpt_tos, parsed))
        return "250 OK"

    def code_for(self, address: str, after: int) -> str:
        """The code in the newest message to `address` among those after the first `after`."""
        for _ in range(100):
            for rcpts, message in reversed(self.messages[after:]):
                if address in rcpts:
                    text = message.get_body(preferencelist=("plain",)).get_content()
                    found = re.search(r"\b(\d{8})\b", text)
                    if found:
                        return found.group(1)
            time.sleep(0.1)
        raise AssertionError(f"no code was mailed to {address}")


class Receiver(http.server.BaseHTTPRequestHandler):
    """A webhook receiver: keeps every request (headers and body) and answers 204."""

    received = []

    def do_POST(self):  # noqa: N802 (http.server's name)
        body = self.rfile.read(int(self.headers.get("content-length", "0")))
        Receiver.received.append(({k.lower(): v for k, v in self.headers.items()}, body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def expect(response, status: int):
    assert response.status_code == status, (
        f"{status} expected, got {response.status_code}: {response.content[:500]!r}"
    )
    return response.parsed


def solve(challenge) -> str:
    for number in range(challenge.maxnumber + 1):
        digest = hashlib.sha256(f"{challenge.salt}{number}".encode()).hexdigest()
        if digest == challenge.challenge:
            payload = {
                "algorithm": challenge.algorithm,
                "challenge": challenge.challenge,
                "number": number,
                "salt": challenge.salt,
                "signature": challenge.signature,
            }
            return base64.b64encode(json.dumps(payload).encode()).decode()
    raise AssertionError("the CAPTCHA challenge has no solution")


def main() -> None:
    mailbox = Mailbox()
    smtp_port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    port = free_port()
    admin_password = secrets.token_urlsafe(24)
    work = tempfile.mkdtemp(prefix="sspr-client-")
    log = open(os.path.join(work, "sspr.log"), "w")
    server = subprocess.Popen(
        [BINARY],
        env={
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": work,
            "RUST_LOG": "warn",
            "SSPR_DATA_DIR": work,
            "SSPR_DATABASE_URL": f"sqlite://{work}/sspr.db",
            "SSPR_BIND": f"127.0.0.1:{port}",
            "SSPR_PUBLIC_URL": f"http://127.0.0.1:{port}",
            "SSPR_METRICS_BIND": "off",
            "SSPR_BOOTSTRAP_ADMIN_USERNAME": "admin",
            "SSPR_BOOTSTRAP_ADMIN_PASSWORD": admin_password,
            "SSPR_SMTP_URL": f"smtp://127.0.0.1:{smtp_port}",
            "SSPR_SMTP_FROM": "Example Corp <no-reply@example.com>",
            "SSPR_OUTBOX_POLL_MS": "50",
            "SSPR_CAPTCHA_DIFFICULTY": "1000",
            "SSPR_WEBHOOKS_ALLOW_PRIVATE": "true",
        },
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    receiver = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    try:
        anonymous = Client(base_url=base, raise_on_unexpected_status=False)
        for _ in range(100):
            try:
                if anonymous.get_httpx_client().get("/api/v1/health").status_code == 200:
                    break
            except Exception:
                pass
            if server.poll() is not None:
                raise AssertionError(open(os.path.join(work, "sspr.log")).read())
            time.sleep(0.1)

        def signed_in(username: str, password: str) -> AuthenticatedClient:
            answer = expect(
                sign_in.sync_detailed(
                    client=anonymous, body=SignInRequest(username=username, password=password)
                ),
                200,
            )
            assert isinstance(answer, SignInResponse)
            return AuthenticatedClient(base_url=base, token=answer.access_token)

        admin = signed_in("admin", admin_password)
        current = get_policy.sync_detailed(client=admin)
        policy = expect(current, 200).to_dict()
        policy.update(
            {"scope": "all", "methods_required": 1, "methods_enabled": ["email"]}
        )
        expect(
            put_policy.sync_detailed(
                client=admin, body=Policy.from_dict(policy), if_match=current.headers["etag"]
            ),
            200,
        )
        hook = expect(
            create_webhook.sync_detailed(
                client=admin,
                body=CreateWebhook(
                    url=f"http://127.0.0.1:{receiver.server_address[1]}/hooks/sspr",
                    events=[WebhookEvent.PASSWORD_RESET],
                ),
            ),
            201,
        )
        temporary = secrets.token_urlsafe(18)
        expect(
            create_user.sync_detailed(
                client=admin,
                body=CreateUser(
                    username="jane",
                    display_name="Jane Doe",
                    email="jane@corp.example.org",
                    password=temporary,
                ),
            ),
            201,
        )

        jane = signed_in("jane", temporary)
        chosen = "copper kettles hum beside quiet rivers"
        expect(
            change_password.sync_detailed(
                client=jane,
                body=ChangePasswordRequest(current_password=temporary, new_password=chosen),
            ),
            204,
        )
        jane = signed_in("jane", chosen)
        address = "jane@home.example.org"
        seen = len(mailbox.messages)
        added = expect(
            add_method.sync_detailed(
                client=jane, body=AddEmailMethod(kind=EmailKind.EMAIL, email=address)
            ),
            201,
        )
        code = mailbox.code_for(address, seen)
        expect(
            verify_method.sync_detailed(
                added.method_id, client=jane, body=VerifyMethodRequest(code=code)
            ),
            200,
        )

        # Jane forgot her password.
        challenge = expect(captcha_challenge.sync_detailed(client=anonymous), 200)
        started = expect(
            start_recovery.sync_detailed(
                client=anonymous,
                body=StartRequest.from_dict(
                    {"username": "jane", "purpose": "reset_password", "captcha": solve(challenge)}
                ),
            ),
            201,
        )
        assert started.methods_required == 1, started
        method = started.methods[0]
        flow = AuthenticatedClient(base_url=base, token=started.flow_token)
        seen = len(mailbox.messages)
        sent = expect(
            send_recovery_challenge.sync_detailed(
                started.flow_id, client=flow, body=ChallengeRequest(method_id=method.method_id)
            ),
            202,
        )
        # The answer is described per kind: an email method's is a code challenge.
        assert isinstance(sent, CodeChallenge) and sent.kind.value == "email", sent
        code = mailbox.code_for(address, seen)
        verified = expect(
            verify_recovery_method.sync_detailed(
                started.flow_id,
                client=flow,
                body=VerifyWithCode(method_id=method.method_id, code=code),
            ),
            200,
        )
        assert verified.methods_remaining == 0, verified
        flow = AuthenticatedClient(base_url=base, token=verified.flow_token)
        fresh = "seven lanterns drift over amber fields"
        finished = expect(
            reset_password.sync_detailed(
                started.flow_id, client=flow, body=NewPasswordRequest(new_password=fresh)
            ),
            200,
        )
        assert finished.status.value == "password_reset", finished
        signed_in("jane", fresh)
        refused = sign_in.sync_detailed(
            client=anonymous, body=SignInRequest(username="jane", password=chosen)
        )
        assert refused.status_code == 401, refused

        # The reset reached the webhook receiver, signed: the Standard Webhooks library checks it.
        for _ in range(100):
            if Receiver.received:
                break
            time.sleep(0.1)
        assert len(Receiver.received) == 1, Receiver.received
        headers, body = Receiver.received[0]
        event = Webhook(hook.secret).verify(body, headers)
        assert event["type"] == "password.reset", event
        assert event["data"]["username"] == "jane", event
        try:
            Webhook(hook.secret).verify(body.replace(b"jane", b"john"), headers)
            raise AssertionError("a changed body must not verify")
        except AssertionError:
            raise
        except Exception:
            pass
        print("the generated client ran a whole reset: start, challenge, verify, new password")
        print("the reset's webhook verified with the Standard Webhooks library")
    finally:
        receiver.shutdown()
        server.terminate()
        server.wait(timeout=10)
        controller.stop()


if __name__ == "__main__":
    main()
