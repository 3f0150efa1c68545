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
