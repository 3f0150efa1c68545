import pytest

from tracer import normalize
from tracer.models import Span

TEXT = ("Talks resume\n\nThe U.N. envoy said on Monday that talks would resume. Both sides "
        "agreed!\n\nMr. Lee, who leads the delegation, declined to comment.")


def test_splits_are_the_paragraphs_and_sentences_as_offsets():
    split, blocks = normalize.sentences(TEXT), normalize.paragraphs(TEXT)
    made = normalize.splits(TEXT)
    assert made.sentences == tuple(x for s in split for x in (s.start, s.end))
    assert made.paragraphs == tuple(x for p in blocks for x in (p.start, p.end))
    assert all(TEXT[s.start:s.end] == s.text for s in split)
    # a block asked for on its own is split, not looked up
    block = Span.of(TEXT, TEXT.index("Mr."), len(TEXT))
    assert normalize.sentences(TEXT, block) == (block,)


def test_us_ends_a_sentence_before_a_word_that_starts_one_but_not_before_a_name():
    text = ("The talks were held in the U.S. He said the U.S. Army will stay. "
            "She left the U.K. The U.N. Security Council met.")
    assert [s.text for s in normalize.sentences(text)] == [
        "The talks were held in the U.S.", "He said the U.S. Army will stay.",
        "She left the U.K.", "The U.N. Security Council met."]


def test_long_words_end_sentences_and_the_longest_abbreviations_do_not():
    # A stop after more letters than any abbreviation has is a sentence end without the
    # abbreviation check; "Sept." and "Capt." are the longest abbreviations and must not be.
    text = ("The vote was held on Sept. 5 in Ohio. Capt. Jones led it. Voters cheered. "
            "Its result stood.  Nobody objected.\n\nA new paragraph. " + "Longword" * 3 + ". End")
    assert [s.text for s in normalize.sentences(text)] == [
        "The vote was held on Sept. 5 in Ohio.", "Capt. Jones led it.", "Voters cheered.",
        "Its result stood.", "Nobody objected.", "A new paragraph.",
        "Longword" * 3 + ".", "End"]
    assert all(text[s.start:s.end] == s.text for s in normalize.sentences(text))


@pytest.mark.parametrize("text, expected", [
    ("Yahoo! Finance reported that the deal was done. Shares rose.",
     ["Yahoo! Finance reported that the deal was done.", "Shares rose."]),
    ("The VW ID. Buzz will arrive next year, the company said. Prices start at $40,000.",
     ["The VW ID. Buzz will arrive next year, the company said.", "Prices start at $40,000."]),
    # before a word that starts sentences the name's stop ends the sentence too
    ("He joined Yahoo! He said it was fun.", ["He joined Yahoo!", "He said it was fun."]),
    # any other "ID." and "!" end sentences as before
    ("He showed his ID. The guard waved. Wow! Great.",
     ["He showed his ID.", "The guard waved.", "Wow!", "Great."]),
])
def test_names_ending_in_a_stop_do_not_end_the_sentence(text, expected):
    assert [s.text for s in normalize.sentences(text)] == expected
