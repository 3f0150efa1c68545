"""The English check that gates the attribution rules, on texts written for these tests."""

from tracer import attribution, language, normalize, pipeline
from tracer.models import Article

GERMAN = ("Morgen Abend: Chris Eubank Jr. mit Ring-Rückkehr gegen Liam Williams!\n\n"
          "Chris Eubank Jr. steigt am Wochenende wieder in den Ring. Der Boxer aus England ist "
          "nach einer langen Pause zurück und will sich mit einem Sieg für einen Titelkampf "
          "empfehlen, sagte sein Trainer der Zeitung.")
RUSSIAN = ("Диета Аткинса\n\nСамые популярные блоги о еде и кулинарии собраны в этом списке. "
           "Каждый автор пишет о своих рецептах, о продуктах и о том, как готовить дома "
           "быстро и вкусно для всей семьи каждый день.")
# English with few function words: names and scores
ROUNDUP = ("HS Roundup: Viera defeats Rockledge\n\nViera 3, Rockledge 1: Kelly Smith scored twice "
           "and Ana Ruiz added a goal for Viera (12-0). Melbourne 2, Palm Bay 0: Joe Diaz and "
           "Sam Lee scored. Titusville 4, Cocoa 1: Max Orr had a hat trick. Eau Gallie 1, "
           "Satellite 1. Coach Tom Reed said the team played well.")


def article(text):
    return Article("x.txt", normalize.first_line(text).text, text, normalize.paragraphs(text))


def test_other_languages_do_not_read_as_english():
    assert not language.reads_english(GERMAN)
    assert not language.reads_english(RUSSIAN)


def test_english_reads_as_english_even_when_made_of_names_and_scores():
    assert language.reads_english(ROUNDUP)
    assert language.reads_english("Kurz: zu wenig Wörter.")  # too short to tell
    assert attribution.extract(ROUNDUP)  # "Coach Tom Reed said ..."


def test_a_page_in_another_language_gets_no_attributions_and_a_flag_saying_why():
    assert attribution.extract(GERMAN) == ()  # "Morgen Abend: ..." is no speaker
    analysis = pipeline.analyse(article(GERMAN))
    assert analysis.attributions == ()
    flags = [f for f in analysis.flags if f.kind == "not-english"]
    assert len(flags) == 1 and "common words of other languages" in flags[0].message
    assert flags[0].evidence.text.startswith("Chris Eubank Jr. steigt")
    russian = [f for f in pipeline.analyse(article(RUSSIAN)).flags if f.kind == "not-english"]
    assert "not in Latin letters" in russian[0].message
    assert language.flags(article(ROUNDUP)) == ()


def test_credits_naming_known_outlets_are_still_read():
    text = GERMAN + "\n\nMit Material von Reuters. Copyright Reuters 2020."
    assert [a.speaker for a in attribution.extract(text)] == ["Reuters"]


def test_the_report_of_a_page_in_another_language_says_why_it_has_no_chain(tmp_path, isolated_store):
    from click.testing import CliRunner

    from tracer.cli import cli

    page = tmp_path / "boxen.txt"
    page.write_text(GERMAN, encoding="utf-8")
    result = CliRunner().invoke(cli, ["trace", str(page)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "not-english: The text does not read as English" in result.stdout
    assert "attributions (" not in result.stdout


def test_the_attributions_command_says_when_a_file_is_not_english(tmp_path):
    from click.testing import CliRunner

    from tracer.cli import cli

    page = tmp_path / "boxen.txt"
    page.write_text(GERMAN, encoding="utf-8")
    result = CliRunner().invoke(cli, ["attributions", str(page)], catch_exceptions=False)
    assert result.exit_code == 0
    assert '"attributions": []' in result.stdout
    assert "does not read as English" in result.stderr
