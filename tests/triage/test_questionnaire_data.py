"""The version 3 questionnaire as its data file ships it: the new questions are where the
rules expect them, and "No" comes first wherever a single choice offers it."""

from tests.support.answers import PAGES, read_questionnaire

QUESTIONS = {
    question["key"]: question
    for page in read_questionnaire()["pages"]
    for question in page["questions"]
}


def values(key):
    return [choice[0] for choice in QUESTIONS[key]["choices"]]


def test_no_comes_first_in_every_single_choice_question_that_offers_it():
    singles = [key for key, question in QUESTIONS.items() if question["kind"] == "single"]
    with_no = [key for key in singles if "no" in values(key)]

    assert {"pregnant", "circulation_pain", "leg_swelling", "injury", "groin_lump"} <= set(with_no)
    assert all(values(key)[0] == "no" for key in with_no), with_no


def test_the_version_3_questions_are_on_their_pages():
    assert "heat_illness" in PAGES["serious-symptoms"]
    assert PAGES["about-your-cramps"][2:4] == ["wakes_at_night", "pain_stays"]
    assert "severity" not in QUESTIONS
    assert PAGES["other-symptoms"][-1] == "electrolyte_signs"
    assert values("injury") == ["no", "minor", "major"]
    assert values("groin_lump") == ["no", "goes_back", "hard_lump", "painful_stuck"]


def test_choices_where_more_than_one_may_fit_say_to_choose_the_last():
    for key in ["injury", "groin_lump"]:
        assert "choose the last" in QUESTIONS[key]["hint"], key


def test_soreness_for_up_to_a_day_is_said_not_to_count_as_pain_that_stays():
    pain_stays = QUESTIONS["pain_stays"]

    assert "more than a day" in pain_stays["text"]
    assert "up to a day" in pain_stays["hint"] and "does not count" in pain_stays["hint"]


def test_no_emergency_question_calls_an_ordinary_cramp_an_emergency():
    for key in PAGES["serious-symptoms"]:
        assert "very painful and hard to move" not in QUESTIONS[key]["text"].lower()
