import pytest

from tracer import names


@pytest.mark.parametrize("name, pronoun", [
    ("Hillary Clinton", "she"),
    ("Sen. Elizabeth Warren", "she"),
    ("Rep. Lois Frankel", "she"),
    ("Donald J. Trump", "he"),
    ("Bernie Sanders", "he"),
    ("Clinton", None),  # a surname alone says nothing
    ("Jordan Lee", None),  # a name used for both
    ("Acme Corp", None),
])
def test_pronoun_from_a_given_name(name, pronoun):
    assert names.pronoun(name) == pronoun


def test_no_name_is_in_both_lists():
    assert not names.FEMALE & names.MALE


def test_a_place_after_a_given_name_has_no_pronoun():
    assert names.pronoun("Madison Square") is None  # (Garden)
    assert names.pronoun("Jackson Heights") is None
    assert names.pronoun("Madison Keys") == "she"
