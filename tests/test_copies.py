"""The uncredited-copy flag: text first published elsewhere, credited to no one; not text both
outlets may carry from a third party (a statement's quote, a list, a press release's "about")."""

import json

import pytest
from click.testing import CliRunner

from tracer.cli import cli
from tracer.copies import uncredited_copy
from tracer.models import Party, Passage, Span

STATEMENT = ("\u201cWe\u2019re truly excited about our 50th Anniversary Tour, as it\u2019s a celebration of the "
             "band\u2019s entire history,\u201d Johnston said in a statement. \u201cWe\u2019ll be performing songs "
             "from our full catalog, as well as new music.\u201d")
DATES = ("June 9 \u2013 West Palm Beach, FL @ Coral Sky Amphitheatre\n\n"
         "June 10 \u2013 Tampa, FL @ MIDFLORIDA Credit Union Amphitheatre\n\n"
         "June 14 \u2013 Alpharetta, GA @ Ameris Bank Amphitheatre (Formerly Verizon Amphitheatre)\n\n"
         "June 17 \u2013 Nashville, TN @ Bridgestone Arena")
ABOUT = ("Ascom is a global solutions provider focused on healthcare ICT and mobile workflow solutions. "
         "The vision of Ascom is to close digital information gaps allowing for the best possible decisions. "
         "Ascom\u2019s mission is to provide mission-critical, real-time solutions for highly mobile, "
         "ad hoc, and time-sensitive environments.")
PROSE = ("The band announced the 30-date tour while closing out their November concert at the Ryman "
         "Auditorium in Nashville, which featured full-album performances of two records from the early "
         "seventies. McDonald came out during the encore for a surprise version of their single, the title "
         "track of their 1976 album and the first with him in the lineup.")

TARGET = Party(2, (), "Rolling Stone", "https://www.rollingstone.com/music/tour")
SOURCE = Party(1, (), "Billboard", "https://www.billboard.com/articles/tour")


def passages(*texts: str) -> tuple[Passage, ...]:
    return tuple(Passage(Span(t, 0, len(t)), Span(t, 0, len(t))) for t in texts)


@pytest.mark.parametrize("shared", [(STATEMENT,), (DATES,), (ABOUT,), (STATEMENT, DATES, ABOUT)])
def test_text_both_may_carry_from_a_third_party_is_no_uncredited_copy(shared):
    assert uncredited_copy(TARGET, SOURCE, passages(*shared)) is None


def test_an_outlets_own_prose_beside_it_is_an_uncredited_copy_with_the_prose_as_evidence():
    flag = uncredited_copy(TARGET, SOURCE, passages(STATEMENT, DATES, PROSE))
    assert flag is not None and flag.kind == "uncredited-copy" and flag.evidence.text == PROSE
    assert "Billboard (article 1)" in flag.message


def test_the_flag_says_whose_story_the_earlier_copy_credits():
    # the earlier copy is a Reuters story; the later one dropped "DUBAI (Reuters)"
    wire = Party(1, ("Reuters",), "Gulf Daily", "https://gulfdaily.example/tanker")
    flag = uncredited_copy(TARGET, wire, passages(PROSE))
    assert "Gulf Daily (article 1, crediting Reuters) and credits nobody" in flag.message
    assert "crediting" not in uncredited_copy(TARGET, SOURCE, passages(PROSE)).message


def test_a_quote_lifted_from_another_outlets_interview_is_still_copying():
    quote = ("\u201cWe will fly wherever international law allows, and we will sail wherever it allows,\u201d "
             "the admiral told the paper in an interview at his office above Pearl Harbor last week.")
    assert uncredited_copy(TARGET, SOURCE, passages(quote)) is not None


def test_a_press_releases_about_paragraph_links_two_releases_without_a_flag(tmp_path):
    first = ("Ascom and Philips team up on alarms\n\n"
             "Ascom and Philips announced a partnership on clinical alarm management in hospitals across Europe, "
             "with the first systems installed in the spring in Dutch and Belgian intensive care units.\n\n"
             "Nurses in the pilot wards heard a third fewer alarms a shift, the hospitals reported, and the two "
             "companies expect to offer the system to every hospital group in the region by the end of next year. "
             "Prices were not disclosed, and neither company would say how many beds the first contracts cover.\n\n"
             "About Ascom\n\n" + ABOUT + "\n")
    second = ("Ascom and Dr\u00e4ger introduce alarm management in North America\n\n"
              "Ascom and Dr\u00e4ger will bring their integrated clinical alarm management solution to hospitals in "
              "the United States and Canada, the companies said at a trade show in Orlando on Tuesday.\n\n"
              "The system routes patient monitor alarms to the handsets nurses carry, so that a nurse at the far end "
              "of a ward hears of a falling oxygen level within seconds, a spokesman for the companies explained. "
              "Four hospital systems in Ohio and Ontario have signed up to test it from January.\n\n"
              "About Ascom\n\n" + ABOUT + "\n")
    (tmp_path / "a.txt").write_text(first, encoding="utf-8")
    (tmp_path / "b.txt").write_text(second, encoding="utf-8")
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["trace", str(tmp_path / "a.txt"), "--db", db, "-q"]).exit_code == 0
    result = runner.invoke(cli, ["trace", str(tmp_path / "b.txt"), "--db", db, "--json"])
    report = json.loads(result.output.splitlines()[0])
    assert [c["relation"] for c in report["copies"]] == ["partial"]  # linked: the shared text is real
    assert "uncredited-copy" not in [f["kind"] for f in report["flags"]]


def test_a_story_on_many_sites_raises_one_uncredited_copy_flag_naming_the_earliest(tmp_path):
    story = [
        "The city council voted on Tuesday to close the old bridge over the river for two years of repairs, "
        "after engineers found cracks in three of its four steel supports during an inspection in the spring.",
        "Drivers will be sent over the new bypass to the north, which adds about ten minutes to the trip into "
        "town, and the bus company said it would run extra services in the mornings while the work goes on.",
        "The repairs will cost about forty million dollars, most of it from the state, and the council expects "
        "the bridge to reopen to traffic in the autumn of the year after next if the weather allows it.",
        "Shop owners on the south bank said they feared losing customers, and the council promised to put up "
        "signs on the bypass pointing visitors to the riverside market and the cafes along the old road.",
    ]
    pages = {"a.txt": "Bridge to close\n\n" + "\n\n".join(story),
             "b.txt": "Old bridge shut for repairs\n\n" + "\n\n".join(story[:3]) + "\n\nSource: Reuters",
             "c.txt": "Bridge closing\n\n" + "\n\n".join(story[1:])}
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    for name, text in pages.items():  # traced in order: a, then its credited copy b, then c
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert runner.invoke(cli, ["trace", str(tmp_path / name), "--db", db, "-q"]).exit_code == 0
    result = runner.invoke(cli, ["report", str(tmp_path / "c.txt"), "--db", db, "--format", "json"])
    flags = [f for f in json.loads(result.output)["flags"] if f["kind"] == "uncredited-copy"]
    assert len(flags) == 1
    assert "a.txt (article 1)" in flags[0]["message"] and "(article 2)" in flags[0]["message"]
    assert flags[0]["about"] == 1  # the earliest copy, for a program to follow without reading
    # files traced have no URL: the summary names the earliest copy by its path
    text = runner.invoke(cli, ["report", str(tmp_path / "c.txt"), "--db", db]).output
    assert f"earliest: unknown outlet, date unknown ({tmp_path / 'a.txt'})" in text


def test_the_uncredited_copy_flag_kept_names_the_earliest_copy_by_date_not_by_id():
    from tracer.copies import one_uncredited, order
    from tracer.models import Copy, Flag

    later = Copy(2, "b.txt", None, "Metro Wire", "2020-01-03", "derived", 0.9, 0.9, True)
    first = Copy(5, "a.txt", None, "Daily Ledger", "2020-01-01", "derived", 0.9, 0.9, True)
    flags = (Flag("duplicate-headline", "headline appears twice"),
             uncredited_copy(TARGET, Party(2, (), "Metro Wire", "b.txt"), passages(PROSE)),
             uncredited_copy(TARGET, Party(5, (), "Daily Ledger", "a.txt"), passages(PROSE)))
    kept = one_uncredited(flags, order([later, first]))
    assert [f.kind for f in kept] == ["duplicate-headline", "uncredited-copy"]
    assert kept[1].message.startswith("carries text first published by Daily Ledger (article 5)")
    assert kept[1].message.endswith("1 other earlier copy carries it too (article 2)")
    assert one_uncredited(flags[:2], ()) == flags[:2]  # one flag: as it was


def _html(site: str, canonical: str, title: str, paras: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f'<html><head><title>{title}</title><meta property="og:site_name" content="{site}">'
            f'<link rel="canonical" href="{canonical}"></head>'
            f"<body><article><h1>{title}</h1>{body}</article></body></html>")


def test_an_aggregators_copy_credits_the_outlet_its_canonical_link_names(tmp_path):
    story = [
        "Nintendo will release its first game for the iPhone in the middle of December, the company said "
        "on Wednesday, and players will pay ten dollars once to unlock every level of the game.",
        "The game was first shown on stage at an Apple event in September, where the company's designer "
        "played the opening level in front of an audience of reporters and developers from around the world.",
        "Analysts said the price was higher than most mobile games charge, but that the brand would carry "
        "it, and that the company's shares had risen since the game was first announced in the autumn.",
    ]
    original = "http://www.businessinsider.com/super-mario-run-december-2016-11"
    pages = {  # the copy traced first: without the link's credit, the tie-break would make it the source
        "copy.html": _html("MSN", original, "Nintendo's first iPhone game", story),
        "original.html": _html("Business Insider", original, "Nintendo's first iPhone game", story),
    }
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    for name, html in pages.items():
        (tmp_path / name).write_text(html, encoding="utf-8")
        assert runner.invoke(cli, ["trace", str(tmp_path / name), "--db", db, "-q"]).exit_code == 0
    links = [json.loads(x) for x in runner.invoke(cli, ["links", "--db", db, "--json"]).output.splitlines()]
    assert [(x["source"]["input"].rsplit("/", 1)[-1], x["target"]["input"].rsplit("/", 1)[-1]) for x in links] == [
        ("original.html", "copy.html")]
    assert "target credits Business Insider" in links[0]["evidence"]
    report = json.loads(runner.invoke(cli, ["report", str(tmp_path / "copy.html"), "--db", db,
                                            "--format", "json"]).output)
    assert report["outlet"]["name"] == "MSN"
    assert report["credits"] == [{"name": "businessinsider.com", "kind": "outlet", "evidence": None,
                                  "link": original}]
    assert [(h["name"], h.get("link")) for h in report["chain"]] == [
        ("Nintendo", None), ("businessinsider.com", original), ("MSN", None)]  # "the company said"
    assert "uncredited-copy" not in [f["kind"] for f in report["flags"]]  # it credits the original
    text = runner.invoke(cli, ["report", str(tmp_path / "copy.html"), "--db", db]).output
    assert f"canonical link: {original}" in text
    markdown = runner.invoke(cli, ["report", str(tmp_path / "copy.html"), "--db", db, "--format", "markdown"]).output
    assert f"canonical link: {original}" in markdown
    html = runner.invoke(cli, ["report", str(tmp_path / "copy.html"), "--db", db, "--format", "html"]).output
    assert f"canonical link {original}" in html  # (the diagram box wraps it; its title holds it whole)
    import jsonschema

    from tests.test_report import SCHEMA
    jsonschema.validate(report, SCHEMA, cls=jsonschema.Draft202012Validator)
