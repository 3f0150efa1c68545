"""Settings as one declarative table (name, default, help).

Every setting can be overridden by a ``TRACER_<NAME>`` environment variable (upper case)
and, where the CLI offers it, by a flag. A test checks every setting is documented in
the README.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class Settings:
    db: str = "db/provenance.db"
    user_agent: str = "tracer/0.1 (+https://github.com/tracer-news/tracer; provenance research)"
    contact_url: str = ""
    timeout: float = 15.0
    total_timeout: float = 60.0
    retries: int = 3
    backoff: float = 0.5
    max_retry_after: float = 60.0
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    host_delay: float = 1.0
    allow_private: bool = False
    jobs: int = 0
    commit_every: int = 100
    commit_seconds: float = 1.0
    max_failures: int = 3
    spark_max_bucket: int = 1000
    spark_driver_memory: str = "4g"


HELP = {
    "db": "SQLite store path (TRACER_DB)",
    "user_agent": "User-Agent sent with every request",
    "contact_url": "contact URL appended to the User-Agent (for site operators)",
    "timeout": "seconds to wait for a connection or a read",
    "total_timeout": "seconds a whole download may take (stops dribbling servers)",
    "retries": "retries on connection errors, 429 and 5xx, with exponential backoff",
    "backoff": "backoff factor in seconds between retries",
    "max_retry_after": "longest Retry-After honoured, in seconds",
    "max_bytes": "largest response body read (bytes, after decompression)",
    "max_redirects": "most redirects followed for one URL",
    "host_delay": "seconds between two requests to the same host (watch)",
    "allow_private": "allow loopback/private addresses (TRACER_ALLOW_PRIVATE=1)",
    "jobs": "worker processes for extraction (0 = one per core)",
    "commit_every": "tracer trace: articles per commit (1 = one transaction each; a crash "
                    "loses at most the open group, which a rerun traces again)",
    "commit_seconds": "tracer trace: longest an article waits uncommitted, in seconds",
    "max_failures": "times watch retries a failing article before giving up",
    "spark_max_bucket": "tracer spark: a band or passage key shared by more articles is skipped",
    "spark_driver_memory": "tracer spark on local[N]: the JVM heap, shared by driver and executors",
}


def _coerce(value: str, default):
    if isinstance(default, bool):
        return value.strip().lower() in {"1", "true", "yes", "on"}
    return type(default)(value)


def read_config(path: str) -> dict:
    """``name = value`` lines (``#`` comments) with the names of the settings table."""
    from pathlib import Path

    from .errors import ConfigError

    known = {f.name: f.default for f in fields(Settings)}
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise ConfigError(f"{path}: cannot read the config file ({e.strerror}); check the --config path") from None
    values = {}
    for n, line in enumerate(lines, 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        key, _, value = line.partition("=")
        key = key.strip().lower().replace("-", "_")
        if key not in known:
            raise ConfigError(f"{path}:{n}: unknown setting {key!r}; see the settings table in the README")
        try:
            values[key] = _coerce(value.strip(), known[key])
        except ValueError:
            raise ConfigError(f"{path}:{n}: {value.strip()!r} is not a valid {key}") from None
    return values


def load(env: dict | None = None, **overrides) -> Settings:
    """Defaults, then ``TRACER_*`` environment, then explicit overrides (flags)."""
    env = os.environ if env is None else env
    values = {}
    for f in fields(Settings):
        raw = env.get(f"TRACER_{f.name.upper()}")
        if raw not in (None, ""):
            values[f.name] = _coerce(raw, f.default)
    values.update({k: v for k, v in overrides.items() if v is not None})
    return replace(Settings(), **values)
