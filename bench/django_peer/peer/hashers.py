from django.contrib.auth.hashers import Argon2PasswordHasher


class BenchArgon2PasswordHasher(Argon2PasswordHasher):
    """Django's Argon2 hasher (argon2id through argon2-cffi) at the parameters sspr uses by
    default (OWASP's: m=19456 KiB, t=2, p=1). Same algorithm name, so the `argon2$…` hashes the
    bench seeds verify with it."""

    time_cost = 2
    memory_cost = 19456
    parallelism = 1
