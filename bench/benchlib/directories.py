"""Complete resets with the people in a directory: OpenLDAP (slapd) and Active Directory (a
Samba DC), each started by the integration tests' own fixture (`examples/slapd_fixture`,
`examples/samba_fixture`), beside the built-in directory's figure.

The people (`--directory-people`, user000000… with user000000@example.com) are added to the
directory with `ldapadd` as the fixture's service account; each signs in through the API (a bind)
and registers an email method, proved with its code, as a person would. sspr runs on SQLite with
the directory's settings; the reset phase is the built-in one's (`sspr.reset_phase`): start,
email code, verify, new password — written to the directory — by `--reset-concurrency` people at
a time.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import random
import secrets
import subprocess
import time
from pathlib import Path

from . import seed
from .smtp_sink import SmtpSink, code_in
from .sspr import (
    Api, ClientAddresses, Context, Server, Users, new_password, prepare_captchas, reset_once, reset_phase,
)

AD_SEED_PASSWORD = "Seeded-Directory-passw0rd"


def ad_password(rng: random.Random) -> str:
    """A passphrase that also meets the domain's complexity rule (an upper-case letter)."""
    return new_password(rng).capitalize()


class Fixture:
    """A directory server started by one of the fixture examples, until `stop`."""

    def __init__(self, binary: Path) -> None:
        self.proc = subprocess.Popen(
            [str(binary)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, start_new_session=True
        )
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"{binary.name} did not start (exit {self.proc.wait()})")
        self.facts = json.loads(line)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def ldapadd(facts: dict, ldif: str, starttls: bool) -> None:
    argv = ["ldapadd", "-x", "-c", "-H", facts["url"], "-D", facts["bind_dn"], "-w", facts["bind_password"]]
    if starttls:
        argv.insert(2, "-ZZ")
    done = subprocess.run(
        argv, input=ldif, text=True, capture_output=True, env={**os.environ, "LDAPTLS_CACERT": facts["ca_file"]}
    )
    if done.returncode != 0:
        raise RuntimeError(f"ldapadd: {done.stderr[-500:]}")


def people_ldif(kind: str, facts: dict, count: int) -> str:
    entries = []
    for i in range(count):
        name, mail = seed.username(i), seed.address(i)
        if kind == "ldap":
            entries.append(
                f"dn: uid={name},{facts['people_base']}\nobjectClass: inetOrgPerson\nuid: {name}\ncn: {name}\n"
                f"sn: {name}\ndisplayName: Bench {name}\nmail: {mail}\nuserPassword: {facts['seed_password']}\n"
            )
        else:
            pwd = base64.b64encode(f'"{AD_SEED_PASSWORD}"'.encode("utf-16-le")).decode()
            entries.append(
                f"dn: CN={name},{facts['ou']}\nobjectClass: user\nsAMAccountName: {name}\n"
                f"displayName: Bench {name}\nmail: {mail}\nunicodePwd:: {pwd}\nuserAccountControl: 512\n"
            )
    return "\n".join(entries)


async def register(api: Api, sink: SmtpSink, i: int, password: str) -> None:
    """Person i signs in (a bind) and registers their email, proved with its code."""
    status, body, _ = await api.call("POST", "/api/v1/auth/sign-in", {"username": seed.username(i), "password": password})
    if status != 200:
        raise RuntimeError(f"sign-in of {seed.username(i)}: {status} {body}")
    token = body["access_token"]
    addr = seed.address(i)
    mail = sink.expect(addr, lambda raw: b"verification code" in raw)
    status, added, _ = await api.call("POST", "/api/v1/me/methods", {"kind": "email", "email": addr}, token=token)
    if status != 201:
        raise RuntimeError(f"adding the email of {seed.username(i)}: {status} {added}")
    code = code_in(await asyncio.wait_for(mail, 60))
    status, body, _ = await api.call(
        "POST", f"/api/v1/me/methods/{added['method_id']}/verify", {"code": code}, token=token
    )
    if status != 200:
        raise RuntimeError(f"verifying the email of {seed.username(i)}: {status} {body}")


async def run_directory(args, kind: str, workdir: Path, sink: SmtpSink, binary: Path, log) -> dict:
    """Complete resets on `kind` (`ldap` or `active_directory`), with sspr on SQLite."""
    workdir.mkdir(parents=True, exist_ok=True)
    example = "slapd_fixture" if kind == "ldap" else "samba_fixture"
    fixture = Fixture(args.target_dir / "release" / "examples" / example)
    result: dict = {"directory": kind, "people": args.directory_people}
    try:
        facts = fixture.facts
        seed_password = facts["seed_password"] if kind == "ldap" else AD_SEED_PASSWORD
        t0 = time.monotonic()
        ldapadd(facts, people_ldif(kind, facts, args.directory_people), starttls=kind == "ldap")
        result["directory_seed_seconds"] = time.monotonic() - t0
        server = Server(binary, workdir, f"sqlite-{kind}", f"sqlite://{workdir / 'sspr.db'}", sink.port, args.single_ip)
        server.extra = dict(facts["env"])
        await server.start()
        api = Api(server.url)
        try:
            status, body, _ = await api.call(
                "POST", "/api/v1/auth/sign-in", {"username": facts["admin"], "password": facts["seed_password"]}
            )
            if status != 200:
                raise RuntimeError(f"the directory's administrator cannot sign in: {status} {body}")
            await api.open_policy(body["access_token"], recovery_cooldown_hours=0)
            t0 = time.monotonic()
            for start in range(0, args.directory_people, 8):
                await asyncio.gather(
                    *(register(api, sink, i, seed_password) for i in range(start, min(start + 8, args.directory_people)))
                )
            result["registration_seconds"] = time.monotonic() - t0
            log(f"  {kind}: {args.directory_people} people signed in and registered an email; measuring resets")
            password = ad_password if kind == "active_directory" else new_password
            c = Context(server, api, sink, Users(args.directory_people), ClientAddresses(args.single_ip), workdir, None,
                        random.Random(secrets.randbits(64)))
            await reset_once(api, sink, 0, c.clients.next(), password(c.rng))
            captchas = await prepare_captchas(c, int(args.reset_seconds * args.reset_rate_hint))
            r = await reset_phase(c, args.reset_seconds, args.reset_concurrency, password, captchas)
            result["reset"] = r
            log(
                f"  {kind}: complete resets {r['resets_per_second'] or 0:.1f}/s, p50 {r['p50_ms'] or 0:.0f} ms, "
                f"p99 {r['p99_ms'] or 0:.0f} ms, {r['failed']} failed {r['errors'] or ''}"
            )
        finally:
            await api.close()
            server.stop()
            if server.process and server.process.log.exists():
                result["log_tail"] = server.process.tail(20)
    finally:
        fixture.stop()
    return result
