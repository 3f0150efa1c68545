"""The pipeline's split of work: workers match against the committed store (prematch), the
store's process matches only what was committed since, with the same links either way."""

import sqlite3

import pytest

from tracer import match, pipeline, settings
from tracer.store import Store

from .test_store import NOW, STORY, _analysis


def test_prematch_compares_with_committed_articles_under_the_pending_id(tmp_path):
    store = Store(tmp_path / "s.db")
    first = pipeline.commit(store, _analysis(STORY, "a.txt"), now=NOW)
    reader = Store(tmp_path / "s.db")  # a worker's own connection
    copy = _analysis(STORY.replace("Tuesday", "Monday"), "b.txt")
    found = pipeline.prematch(reader, copy, now=NOW)
    assert list(found.links) == [first.trace.id] and found.upto == first.trace.id
    link = found.links[first.trace.id]
    assert (link.source_id, link.target_id) == (first.trace.id, pipeline.PENDING_ID)
    assert pipeline.prematch(reader, _analysis(STORY, "a.txt"), now=NOW) is None  # stored already


def test_the_store_process_uses_prematched_links_with_the_real_id(tmp_path, monkeypatch):
    store = Store(tmp_path / "s.db")
    first = pipeline.commit(store, _analysis(STORY, "a.txt"), now=NOW)
    copy = _analysis(STORY.replace("Tuesday", "Monday"), "b.txt")
    found = pipeline.prematch(Store(tmp_path / "s.db"), copy, now=NOW)

    def no_compare(*args, **kwargs):
        raise AssertionError("a prematched candidate was compared again")

    monkeypatch.setattr(match, "compare", no_compare)
    second = pipeline.commit(store, copy, now=NOW, prematched=found)
    rows = list(store.links())
    assert [(r["source_id"], r["target_id"]) for r in rows] == [(first.trace.id, second.trace.id)]
    assert second.trace.copies[0].id == first.trace.id


def test_candidates_committed_after_the_snapshot_are_compared_by_the_store(tmp_path):
    store = Store(tmp_path / "s.db")
    copy = _analysis(STORY.replace("Tuesday", "Monday"), "b.txt")
    found = pipeline.prematch(Store(tmp_path / "s.db"), copy, now=NOW)  # empty store then
    first = pipeline.commit(store, _analysis(STORY, "a.txt"), now=NOW)
    second = pipeline.commit(store, copy, now=NOW, prematched=found)
    assert found.links == {} and second.trace.copies[0].id == first.trace.id


OTHER = ("Library reopens after repairs\n\n"
         "The city library reopened its reading rooms on Friday after a year of repairs to "
         "the roof and the heating, the council said in a statement.\n\n"
         "Opening hours stay as before, and the children's section moves to the ground "
         "floor, where the old newspaper archive used to be kept.")


def _no_query(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the candidate query ran")

    monkeypatch.setattr(Store, "candidates", refuse)


def test_the_store_skips_its_candidate_query_when_nothing_since_shares_a_key(tmp_path, monkeypatch):
    store = Store(tmp_path / "s.db")
    first = pipeline.commit(store, _analysis(STORY, "a.txt"), now=NOW)
    pipeline.commit(store, _analysis(OTHER, "other.txt"), now=NOW)  # saved since, no shared key
    copy = _analysis(STORY.replace("Tuesday", "Monday"), "b.txt")
    found = pipeline.prematch(Store(tmp_path / "s.db"), copy, now=NOW)
    found = pipeline.Prematched(found.links, upto=first.trace.id)  # as if before "other.txt"
    _no_query(monkeypatch)
    second = pipeline.commit(store, copy, now=NOW, prematched=found)
    assert [c.id for c in second.trace.copies] == [first.trace.id]


def test_another_writers_articles_send_the_store_back_to_its_query(tmp_path):
    store = Store(tmp_path / "s.db")
    first = pipeline.commit(store, _analysis(STORY, "a.txt"), now=NOW)
    copy = _analysis(STORY.replace("Tuesday", "Monday"), "c.txt")
    found = pipeline.prematch(Store(tmp_path / "s.db"), copy, now=NOW)
    # Committed by another process after the worker's snapshot: unknown to ``store``.
    other = pipeline.commit(Store(tmp_path / "s.db"),
                            _analysis(STORY.replace("Tuesday", "Sunday"), "b.txt"), now=NOW)
    third = pipeline.commit(store, copy, now=NOW, prematched=found)
    assert {c.id for c in third.trace.copies} == {first.trace.id, other.trace.id}


def test_a_candidate_made_not_current_since_the_snapshot_is_not_linked(tmp_path):
    store = Store(tmp_path / "s.db")
    first = pipeline.commit(store, _analysis(STORY, "a.txt"), now=NOW)
    copy = _analysis(STORY.replace("Tuesday", "Monday"), "b.txt")
    found = pipeline.prematch(Store(tmp_path / "s.db"), copy, now=NOW)
    assert first.trace.id in found.links
    # a.txt now holds another story: its first version is no longer current.
    pipeline.commit(store, _analysis(OTHER, "a.txt"), now=NOW)
    second = pipeline.commit(store, copy, now=NOW, prematched=found)
    assert second.trace.copies == ()
    assert list(store.links()) == []


def _corpus(directory, n=24):
    directory.mkdir()
    for i in range(n):
        story = i % 6  # six stories, four copies each, lightly edited
        text = STORY.replace("northern", f"district-{story}").replace(
            "Tuesday", ["Monday", "Tuesday", "Friday", "Sunday"][i // 6])
        text += (f"\n\nThe harbour office of district {story} said the new schedule for the "
                 f"night shifts starts on the first day of month {story + 1}.")
        (directory / f"{i:03d}.txt").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("commit_every", [1, 100])
def test_two_workers_find_the_same_links_as_one_process(tmp_path, commit_every):
    _corpus(tmp_path / "corpus")
    links = {}
    for jobs in (1, 2):
        store = Store(tmp_path / f"s{jobs}.db")
        config = settings.load({}, jobs=jobs, commit_every=commit_every)
        outcomes = list(pipeline.trace([str(tmp_path / "corpus")], store, config, now=NOW))
        assert all(o.status == "traced" for o in outcomes)
        conn = sqlite3.connect(tmp_path / f"s{jobs}.db")
        links[jobs] = conn.execute("select source_id, target_id, relation, similarity, containment,"
                                   " passages, evidence from links order by 1, 2").fetchall()
    assert links[1] and links[1] == links[2]


def test_a_batch_without_reports_stores_the_same_links(tmp_path):
    _corpus(tmp_path / "corpus")
    rows = {}
    for reports in (True, False):
        store = Store(tmp_path / f"r{reports}.db")
        config = settings.load({}, jobs=1)
        outcomes = list(pipeline.trace([str(tmp_path / "corpus")], store, config, now=NOW,
                                       reports=reports))
        assert [o.status for o in outcomes] == ["traced"] * 24
        assert all((o.trace is not None) == reports for o in outcomes)
        conn = sqlite3.connect(tmp_path / f"r{reports}.db")
        rows[reports] = (conn.execute("select source_id, target_id, relation, passages from links"
                                      " order by 1, 2").fetchall(),
                         conn.execute("select article_id, kind, message from flags order by 1, 2, 3")
                         .fetchall())
    assert rows[True][0] and rows[True] == rows[False]


def test_undecided_date_names_a_dateline_day_without_a_year():
    a = _analysis("Storm closes port\n\nLOS ANGELES, Sept. 28 (UPI) -- The port closed on "
                  "Friday as the storm came ashore, officials said.", "upi.txt")
    assert a.dateline is not None and a.dateline.date is None
    assert pipeline.undecided(a, ())[0] == (
        "publication date unknown: the dateline gives a day without a year (“Sept. 28”)")
    b = _analysis(STORY, "story.txt")  # no dateline at all
    assert pipeline.undecided(b, ())[0] == (
        "publication date unknown: the page carries no date we could read")
