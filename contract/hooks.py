"""Schemathesis hooks: real credentials for each part of the API.

The run needs three kinds of credentials, and every one of them can be lost during the run
(schemathesis signs out, deletes users, fails a flow ten times), so each provider fetches a new
one whenever an answer says the old one stopped working (401, and 409 for a locked flow):

- `/api/v1/admin/…`: the bootstrap administrator's session;
- `/api/v1/me…` and sign-out: an ordinary person's session, for a person the administrator
  creates anew each time (so a deletion or disabling by the fuzzer does not end the run);
- `/api/v1/recovery/flows/{flow_id}/…`: a real flow (started with a solved CAPTCHA) whose id is
  put in the path and whose `flow_token` is the bearer, so the steps are reached at all instead
  of stopping at 404.

Settings come from the environment that `contract/run.sh` sets: SSPR_CONTRACT_URL,
SSPR_CONTRACT_ADMIN_PASSWORD.
"""

import base64
import hashlib
import json
import os
import secrets
import uuid

import requests
import schemathesis

BASE = os.environ["SSPR_CONTRACT_URL"]
ADMIN_PASSWORD = os.environ["SSPR_CONTRACT_ADMIN_PASSWORD"]


def sign_in(username: str, password: str) -> str:
    answer = requests.post(
        f"{BASE}/api/v1/auth/sign-in",
        json={"username": username, "password": password},
        timeout=30,
    )
    answer.raise_for_status()
    return answer.json()["access_token"]


def admin_token() -> str:
    return sign_in("admin", ADMIN_PASSWORD)


def bearer(case, token: str) -> None:
    case.headers = dict(case.headers or {})
    case.headers["Authorization"] = f"Bearer {token}"


def solve_captcha() -> str:
    challenge = requests.get(f"{BASE}/api/v1/captcha/challenge", timeout=30).json()
    for number in range(challenge["maxnumber"] + 1):
        digest = hashlib.sha256(f"{challenge['salt']}{number}".encode()).hexdigest()
        if digest == challenge["challenge"]:
            payload = {
                "algorithm": challenge["algorithm"],
                "challenge": challenge["challenge"],
                "number": number,
                "salt": challenge["salt"],
                "signature": challenge["signature"],
            }
            return base64.b64encode(json.dumps(payload).encode()).decode()
    raise RuntimeError("the CAPTCHA challenge has no solution")


def amend_policy(change) -> None:
    """Saves the policy in force with `change` applied to it (the fuzzer may save any valid one)."""
    headers = {"Authorization": f"Bearer {admin_token()}"}
    current = requests.get(f"{BASE}/api/v1/admin/policy", headers=headers, timeout=30)
    current.raise_for_status()
    policy = current.json()
    change(policy)
    saved = requests.put(
        f"{BASE}/api/v1/admin/policy",
        headers={**headers, "If-Match": current.headers["ETag"]},
        json=policy,
        timeout=30,
    )
    saved.raise_for_status()


def conceal_ineligibility() -> None:
    """`reveal_ineligible` off again."""
    amend_policy(lambda policy: policy.update(reveal_ineligible=False))


def default_password_rules() -> None:
    """The default password rules again, but for the history (the fuzzer may save, say, a
    minimum length of 200, which no password of a contract person meets)."""
    amend_policy(
        lambda policy: policy["password"].update(
            min_length=12, max_length=256, min_strength=3, banned_words=[]
        )
    )


@schemathesis.auth(retry_on=[401]).apply_to(path_regex=r"^/api/v1/admin/")
class AdminSession:
    def get(self, case, ctx):
        return admin_token()

    def set(self, case, data, ctx):
        bearer(case, data)


@schemathesis.auth(retry_on=[401]).apply_to(path_regex=r"^/api/v1/(me(/|$)|auth/sign-out$)")
class PersonSession:
    """A fresh ordinary person each time: the fuzzer may sign out, or (as admin) delete them."""

    def get(self, case, ctx):
        username = f"contract-{secrets.token_hex(6)}"
        password = secrets.token_urlsafe(24)
        created = self.create(username, password)
        if created.status_code == 422:
            # The password broke rules the fuzzer saved: the default rules, and once more.
            default_password_rules()
            created = self.create(username, password)
        if not created.ok:
            raise RuntimeError(f"creating a person answered {created.status_code}: {created.text}")
        return sign_in(username, password)

    @staticmethod
    def create(username: str, password: str):
        return requests.post(
            f"{BASE}/api/v1/admin/users",
            headers={"Authorization": f"Bearer {admin_token()}"},
            json={
                "username": username,
                "display_name": "Contract Person",
                "email": f"{username}@example.org",
                "password": password,
                "is_admin": False,
                "disabled": False,
            },
            timeout=30,
        )

    def set(self, case, data, ctx):
        bearer(case, data)


@schemathesis.auth(retry_on=[401, 409]).apply_to(path_regex=r"^/api/v1/recovery/flows/\{flow_id\}/")
class RecoveryFlow:
    """A real flow (a decoy one: the username is unknown, which answers exactly like a real one)."""

    def get(self, case, ctx):
        started = self.start()
        if started.status_code == 403 and started.json().get("code") == "not_eligible":
            # The fuzzer saved a valid policy that reveals ineligibility, so an unknown name
            # is told so instead of getting a flow: turn that off again and start anew.
            conceal_ineligibility()
            started = self.start()
        started.raise_for_status()
        return started.json()

    @staticmethod
    def start():
        return requests.post(
            f"{BASE}/api/v1/recovery/flows",
            json={
                "username": f"someone-{secrets.token_hex(4)}",
                "purpose": "reset_password",
                "captcha": solve_captcha(),
            },
            timeout=30,
        )

    def set(self, case, data, ctx):
        bearer(case, data["flow_token"])
        # Only a well-formed id is replaced: a malformed one is a negative case, which must
        # still reach the server as generated.
        params = dict(case.path_parameters or {})
        try:
            uuid.UUID(str(params.get("flow_id")))
        except ValueError:
            return
        params["flow_id"] = data["flow_id"]
        case.path_parameters = params
