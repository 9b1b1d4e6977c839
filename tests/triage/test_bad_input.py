"""Junk at every questionnaire page: a clear error or a 4xx, never a 5xx, and nothing stored."""

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.answers import NOTHING_OF_NOTE, PAGE_1_ALL_NO, PAGES, read_questionnaire
from tests.support.flows import CHECK_ANSWERS, FIRST_PAGE, page_url
from tests.support.pages import parse
from triage.models import CheckerRelease, Question, Result, load_rulebook
from triage.views import SESSION_KEY

NONE_WITH_OTHERS = "Select “None of these” on its own, or only the answers that apply"
EMPTY_MULTIPLE = "Select the ones that apply, or None of these"
JUNK = "<b>junk-7f3a</b>"

# Every question's values and kind, as the questionnaire's data file ships them.
QUESTIONS = [question for page in read_questionnaire()["pages"] for question in page["questions"]]
CHOICES = {
    q["key"]: [choice[0] for choice in q.get("choices", [["yes"], ["no"]])] for q in QUESTIONS
}
MULTIPLE = {q["key"] for q in QUESTIONS if q["kind"] == "multiple"}
LAST_PAGE = list(PAGES)[-1]
TODAY_ONLY_ONCE = "If your cramps started today, choose Just once or only today"


def answers_before(slug):
    """The answers of every page before this one, all "nothing of note"."""
    slugs = list(PAGES)
    earlier = [key for page in slugs[: slugs.index(slug)] for key in PAGES[page]]
    return {key: NOTHING_OF_NOTE[key] for key in earlier}


def answers_of(slug):
    return {key: NOTHING_OF_NOTE[key] for key in PAGES[slug]}


def set_answers(client, answers):
    session = client.session
    session[SESSION_KEY] = answers
    session.save()


def at_page(client, slug):
    answers = answers_before(slug)
    set_answers(client, answers)
    return answers


def post_form(client, url, data):
    """Post as a browser does: URL-encoded fields, repeated for multi-choice answers."""
    return client.post(
        url, urlencode(data, doseq=True), content_type="application/x-www-form-urlencoded"
    )


def post_refused(client, slug, data):
    """Post an invalid answer set: the answers so far stay as they were, no result is kept."""
    before = at_page(client, slug)

    response = post_form(client, page_url(slug), data)

    assert Result.objects.count() == 0
    assert client.session[SESSION_KEY] == before
    return response


def summary_links(response):
    return [(a["href"], a.get_text(strip=True)) for a in parse(response).select(".error-summary a")]


def error_link(key):
    return (f"#id_{key}_0", Question.objects.get(key=key).error_message)


def unanswered_links(keys):
    """One entry for the questions left unanswered: a question's own message when it is the
    only one, else one line that counts them and links to the first."""
    if len(keys) == 1:
        return [error_link(keys[0])]
    return [(f"#id_{keys[0]}_0", f"Answer every question: {len(keys)} have no answer yet")]


def field_errors(response):
    return [p.get_text(strip=True) for p in parse(response).select(".field-error")]


@pytest.mark.parametrize("slug", PAGES)
def test_missing_answers_are_one_entry_in_the_error_summary(client, db, slug):
    first, *missing = PAGES[slug]

    response = post_refused(client, slug, {first: NOTHING_OF_NOTE[first]})

    assert response.status_code == 400
    assert summary_links(response) == unanswered_links(missing)
    assert parse(response).title.get_text().startswith("Error: ")


@pytest.mark.parametrize("slug", PAGES)
def test_a_post_with_no_fields_at_all_counts_every_question_once(client, db, slug):
    response = post_refused(client, slug, {})

    assert response.status_code == 400
    assert summary_links(response) == unanswered_links(PAGES[slug])
    # Beside each question, its own message once.
    messages = [Question.objects.get(key=key).error_message for key in PAGES[slug]]
    assert field_errors(response) == messages


def test_an_empty_first_page_says_so_in_one_line_not_seven(client, db):
    response = post_refused(client, "serious-symptoms", {})

    assert summary_links(response) == [
        ("#id_chest_pain_or_breathless_0", "Answer every question: 7 have no answer yet")
    ]


@pytest.mark.parametrize("slug", PAGES)
def test_unknown_values_are_asked_for_again_like_missing_ones(client, db, slug):
    response = post_refused(client, slug, dict.fromkeys(PAGES[slug], "maybe"))

    assert response.status_code == 400
    assert summary_links(response) == unanswered_links(PAGES[slug])


def test_a_yes_on_page_one_beside_junk_is_not_acted_on(client, db):
    data = {**PAGE_1_ALL_NO, "chest_pain_or_breathless": "yes", "leg_cold_pale": "yes?"}

    response = post_refused(client, "serious-symptoms", data)

    assert response.status_code == 400
    assert summary_links(response) == [error_link("leg_cold_pale")]


@pytest.mark.parametrize("key", sorted(MULTIPLE))
def test_none_with_another_answer_is_refused(client, db, key):
    data = {**answers_of(LAST_PAGE), key: ["none", CHOICES[key][0]]}

    response = post_refused(client, LAST_PAGE, data)

    assert response.status_code == 400
    assert summary_links(response) == [(f"#id_{key}_0", NONE_WITH_OTHERS)]


@pytest.mark.parametrize("key", sorted(MULTIPLE))
def test_an_empty_multi_choice_answer_is_refused(client, db, key):
    data = {k: v for k, v in answers_of(LAST_PAGE).items() if k != key}

    response = post_refused(client, LAST_PAGE, data)

    assert response.status_code == 400
    assert summary_links(response) == [(f"#id_{key}_0", EMPTY_MULTIPLE)]


def test_the_same_message_for_several_questions_is_listed_once(client, db):
    data = {key: ["none", CHOICES[key][0]] for key in sorted(MULTIPLE)}

    response = post_refused(client, LAST_PAGE, data)

    first = PAGES[LAST_PAGE][0]
    assert summary_links(response) == [(f"#id_{first}_0", NONE_WITH_OTHERS)]


@pytest.mark.parametrize("slug", PAGES)
def test_very_long_values_are_refused_without_being_shown(client, db, slug):
    huge = "x" * 100_000

    response = post_refused(client, slug, dict.fromkeys(PAGES[slug], huge))

    assert response.status_code == 400
    assert huge[:100] not in response.content.decode()


@pytest.mark.parametrize("slug", PAGES)
def test_junk_values_are_never_echoed_into_the_page(client, db, slug):
    response = post_refused(client, slug, dict.fromkeys(PAGES[slug], JUNK))

    assert response.status_code == 400
    assert "junk-7f3a" not in response.content.decode()


def test_extra_fields_are_ignored_and_not_kept(client, db):
    extras = {"is_admin": "yes", "duration": "months", "note": "my name is Ann"}

    response = post_form(client, FIRST_PAGE, {**PAGE_1_ALL_NO, **extras})

    assert response.status_code == 302
    assert response["Location"] == page_url("about-you")
    assert client.session[SESSION_KEY] == PAGE_1_ALL_NO


@pytest.mark.parametrize("frequency", ["sometimes", "weekly", "most_days"])
def test_cramps_that_started_today_cannot_be_frequent(client, db, frequency):
    data = {**answers_of("about-your-cramps"), "duration": "today", "frequency": frequency}

    response = post_refused(client, "about-your-cramps", data)

    assert response.status_code == 400
    assert summary_links(response) == [("#id_frequency_0", TODAY_ONLY_ONCE)]


@pytest.mark.parametrize(
    ("slug", "changes", "refused"),
    [
        ("serious-symptoms", {"heat_illness": None}, ["heat_illness"]),
        ("about-your-cramps", {"wakes_at_night": None, "pain_stays": None},
         ["wakes_at_night", "pain_stays"]),
        ("about-your-cramps", {"severity": "severe", "pain_stays": None}, ["pain_stays"]),
        ("about-your-cramps", {"wakes_at_night": "sometimes"}, ["wakes_at_night"]),
        ("other-symptoms", {"injury": "yes"}, ["injury"]),
        ("other-symptoms", {"groin_lump": "hard"}, ["groin_lump"]),
        ("other-symptoms", {"electrolyte_signs": None}, ["electrolyte_signs"]),
    ],
)  # fmt: skip
def test_version_3_questions_refuse_missing_and_old_answers(client, db, slug, changes, refused):
    data = {**answers_of(slug), **changes}
    data = {key: value for key, value in data.items() if value is not None}

    response = post_refused(client, slug, data)

    assert response.status_code == 400
    assert summary_links(response) == unanswered_links(refused)


def test_cramps_that_started_today_just_once_are_accepted(client, db):
    at_page(client, "about-your-cramps")
    data = {**answers_of("about-your-cramps"), "duration": "today", "frequency": "once"}

    response = post_form(client, page_url("about-your-cramps"), data)

    assert response.status_code == 302
    assert response["Location"] == page_url("other-symptoms")


TAMPERED_STATES = [
    pytest.param("a string", id="string"),
    pytest.param(["a", "list"], id="list"),
    pytest.param(42, id="number"),
    pytest.param(None, id="null"),
    pytest.param({"favourite_colour": "blue"}, id="unknown-key"),
    pytest.param({**NOTHING_OF_NOTE, "duration": "forever"}, id="unknown-value"),
    pytest.param({**NOTHING_OF_NOTE, "duration": ["weeks"]}, id="list-for-a-string"),
    pytest.param({**NOTHING_OF_NOTE, "pain_stays": {"a": 1}}, id="object-for-a-string"),
    pytest.param({**NOTHING_OF_NOTE, "triggers": "none"}, id="string-for-a-list"),
    pytest.param({**NOTHING_OF_NOTE, "triggers": []}, id="empty-list"),
    pytest.param({**NOTHING_OF_NOTE, "triggers": [["none"]]}, id="nested-list"),
    pytest.param({**NOTHING_OF_NOTE, "medicines": ["none", "statin"]}, id="none-with-other"),
    pytest.param({**NOTHING_OF_NOTE, "conditions": [None, 3]}, id="non-strings"),
    pytest.param(
        {**NOTHING_OF_NOTE, "duration": "today", "frequency": "weekly"}, id="today-weekly"
    ),
    pytest.param({**NOTHING_OF_NOTE, "one_leg_swollen": "yes"}, id="version-1-key"),
    pytest.param({**NOTHING_OF_NOTE, "severity": "severe"}, id="version-2-key"),
    pytest.param({**NOTHING_OF_NOTE, "injury": "yes"}, id="version-2-value"),
]
PAGES_READING_ANSWERS = [page_url(slug) for slug in PAGES] + [CHECK_ANSWERS]


@pytest.mark.parametrize("state", TAMPERED_STATES)
@pytest.mark.parametrize("url", PAGES_READING_ANSWERS)
def test_tampered_answers_never_break_a_page(client, db, state, url):
    set_answers(client, state)

    assert client.get(url).status_code in {200, 302}


@pytest.mark.parametrize("state", TAMPERED_STATES)
def test_tampered_answers_never_break_answering_page_one(client, db, state):
    set_answers(client, state)

    response = post_form(client, FIRST_PAGE, PAGE_1_ALL_NO)

    assert response.status_code == 302


@pytest.fixture
def stored_result(db):
    return Result.objects.record(
        load_rulebook(), NOTHING_OF_NOTE, CheckerRelease.objects.published()
    )


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
@pytest.mark.parametrize("url", PAGES_READING_ANSWERS)
def test_pages_refuse_other_methods(client, db, method, url):
    assert getattr(client, method)(url).status_code == 405


@pytest.mark.parametrize("suffix", ["start-again/", "result/{token}/change/"])
def test_actions_refuse_get(client, stored_result, suffix):
    url = "/triage/" + suffix.format(token=stored_result.token)

    assert client.get(url).status_code == 405


@pytest.mark.parametrize("suffix", ["", "result/{token}/"])
def test_pages_that_only_show_refuse_post(client, stored_result, suffix):
    url = "/triage/" + suffix.format(token=stored_result.token)

    assert client.post(url).status_code == 405


ODD_TOKENS = [
    "nope",
    "x" * 5000,
    "%E2%9C%93%F0%9F%98%80",
    "..%5C..",
    "'%20OR%201=1--",
    pytest.param("%00", id="nul"),
]


@pytest.mark.parametrize("token", ODD_TOKENS)
def test_unknown_result_tokens_are_not_found(client, stored_result, token):
    assert client.get(f"/triage/result/{token}/").status_code == 404


@pytest.mark.parametrize("token", ODD_TOKENS)
def test_unknown_result_tokens_cannot_be_changed(client, stored_result, token):
    response = client.post(f"/triage/result/{token}/change/")

    assert response.status_code == 404
    assert SESSION_KEY not in client.session


def test_skipping_ahead_to_page_four_goes_back_to_page_one(client, db):
    response = client.get(page_url("other-symptoms"))

    assert response.status_code == 302
    assert response["Location"] == FIRST_PAGE


def test_answering_a_page_not_reached_yet_is_not_kept(client, db):
    response = post_form(client, page_url("other-symptoms"), answers_of("other-symptoms"))

    assert response["Location"] == FIRST_PAGE
    assert client.session.get(SESSION_KEY) is None


def test_checking_answers_before_the_last_page_goes_to_the_next_page(client, db):
    set_answers(client, answers_before("other-symptoms"))

    response = client.get(CHECK_ANSWERS)

    assert response.status_code == 302
    assert response["Location"] == page_url("other-symptoms")


def test_confirming_answers_before_the_last_page_stores_nothing(client, db):
    set_answers(client, answers_before(LAST_PAGE))

    response = client.post(CHECK_ANSWERS)

    assert response["Location"] == page_url(LAST_PAGE)
    assert Result.objects.count() == 0


def answer_for(key):
    value = st.one_of(st.sampled_from(CHOICES[key]), st.text(max_size=20))
    return st.one_of(value, st.lists(value, max_size=4))


def junk_fields():
    junk = st.text(max_size=20)
    return st.dictionaries(
        st.text(min_size=1, max_size=20), st.one_of(junk, st.lists(junk, max_size=4)), max_size=4
    )


def page_data(slug):
    """A mix of the page's real question keys and random keys, real values sometimes."""
    real = st.fixed_dictionaries({}, optional={key: answer_for(key) for key in PAGES[slug]})
    return st.tuples(junk_fields(), real).map(lambda pair: {**pair[0], **pair[1]})


def is_valid(key, answer):
    """Would the page accept this answer? Repeated fields arrive as a list."""
    sent = answer if isinstance(answer, list) else [answer]
    if key not in MULTIPLE:
        # A single answer posted twice is read as its last value.
        return bool(sent) and sent[-1] in CHOICES[key]
    known = bool(sent) and all(value in CHOICES[key] for value in sent)
    return known and ("none" not in sent or len(sent) == 1)


def last(answer):
    return answer[-1] if isinstance(answer, list) and answer else answer


def page_accepts(slug, fields):
    if not all(is_valid(key, fields.get(key)) for key in PAGES[slug]):
        return False
    # Page 3's check: cramps that started today happened once.
    return not (last(fields.get("duration")) == "today" and last(fields.get("frequency")) != "once")


@pytest.mark.parametrize("slug", PAGES)
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_generated_form_data_never_breaks_a_page(client, db, slug, data):
    fields = data.draw(page_data(slug))
    before = at_page(client, slug)
    results_before = Result.objects.count()

    status = post_form(client, page_url(slug), fields).status_code

    answered = page_accepts(slug, fields)
    assert status in {200, 302, 400}
    assert (status == 302) == answered, fields
    if not answered:
        assert client.session[SESSION_KEY] == before
        assert Result.objects.count() == results_before
