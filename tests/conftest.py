from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_bb8df73bd08e0a73.txt"


@pytest.fixture(autouse=True)
def isolated_store(tmp_path, monkeypatch):
    """Like llm's LLM_USER_PATH: one env var moves all state, so no test touches db/."""
    monkeypatch.setenv("TRACER_DB", str(tmp_path / "provenance.db"))
    monkeypatch.setenv("TRACER_JOBS", "1")
    return tmp_path / "provenance.db"


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
