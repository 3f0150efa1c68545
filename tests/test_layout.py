"""Project rules a test can check: one third-party library per module, settings documented."""

import ast
from dataclasses import fields
from pathlib import Path

from tracer.settings import HELP, Settings, load

ROOT = Path(__file__).resolve().parent.parent
# pyarrow is read by both Spark stages: spark.py reads Parquet inputs, importer.py its output.
OWNERS = {"requests": {"fetch"}, "trafilatura": {"extract"}, "sqlite_utils": {"store"},
          "pyspark": {"spark"}, "warcio": {"spark"}, "pyarrow": {"spark", "importer"}}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_each_library_has_one_importer():
    for path in (ROOT / "tracer").glob("*.py"):
        for lib, owners in OWNERS.items():
            if lib in imported_modules(path):
                assert path.stem in owners, f"{path.name} imports {lib}; only {owners} may"


def test_models_have_no_third_party_imports():
    assert imported_modules(ROOT / "tracer" / "models.py") <= {"__future__", "dataclasses"}


def test_every_setting_has_help_and_is_in_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for f in fields(Settings):
        assert f.name in HELP, f"setting {f.name} has no help text"
        assert f"TRACER_{f.name.upper()}" in readme, f"TRACER_{f.name.upper()} not in README"


def test_environment_overrides():
    s = load({"TRACER_TIMEOUT": "2.5", "TRACER_ALLOW_PRIVATE": "1", "TRACER_RETRIES": "0"})
    assert s.timeout == 2.5 and s.allow_private is True and s.retries == 0
    assert load({}, jobs=3).jobs == 3


def test_config_file(tmp_path):
    import pytest

    from tracer.errors import ConfigError, ExitCode
    from tracer.settings import read_config

    good = tmp_path / "tracer.conf"
    good.write_text("# polite\nhost_delay = 2.5\nallow-private = yes\n")
    assert read_config(str(good)) == {"host_delay": 2.5, "allow_private": True}
    bad = tmp_path / "bad.conf"
    bad.write_text("no_such = 1\n")
    with pytest.raises(ConfigError, match="bad.conf:1: unknown setting") as e:
        read_config(str(bad))
    assert e.value.exit_code == ExitCode.USAGE
    with pytest.raises(ConfigError, match="cannot read"):
        read_config(str(tmp_path / "missing.conf"))
