"""The safety gate covers Spanish (docs/clinical-safety.md, "The safety gate"): no text
without its Spanish, the same placeholders in both, and the Spanish care card's words
checked like the English ones; the release review shows Spanish changes, marked."""

import pytest

from tests.support.admin_forms import admin_url, form_data, refusal, submit
from tests.support.editorial_steps import reads_spanish
from triage import release_diff, releases
from triage.models import CheckerRelease, Level, Page, Question, Rule, draft_snapshot

pytestmark = pytest.mark.django_db


def test_the_admin_shows_the_spanish_fields_beside_the_english_ones(admin_client):
    question = Question.objects.get(key="fever")
    data = form_data(admin_client.get(admin_url(question)))
    assert data["text_es"] == "¿Tiene fiebre, o se siente caliente y con escalofríos?"
    assert list(data).index("text_es") > list(data).index("error_message")


def test_a_question_without_its_spanish_text_is_refused(admin_client):
    question = Question.objects.get(key="fever")
    response = submit(admin_client, admin_url(question), text="Do you have a fever?", text_es="")

    assert response.status_code == 200
    message = refusal(response)
    assert "This change was not saved: every text readers see must also be written in Spanish" in (
        message
    )
    assert "“Do you have a fever?” has no Spanish text" in message
    assert Question.objects.get(key="fever").text != "Do you have a fever?"


def test_a_spanish_text_without_the_emergency_number_placeholder_is_refused(admin_client):
    level = Level.objects.get(key="emergency")
    response = submit(admin_client, admin_url(level), headline_es="Llame al 911 ahora")

    assert response.status_code == 200
    assert (
        "the Spanish text of “Call {EMERGENCY_NUMBER} now” does not have the same placeholders "
        "as the English one (the English has: {EMERGENCY_NUMBER})"
    ) in refusal(response).replace("The Spanish", "the Spanish")
    assert Level.objects.get(key="emergency").headline_es == "Llame al {EMERGENCY_NUMBER} ahora"


def test_a_spanish_answer_label_left_empty_is_refused(admin_client):
    question = Question.objects.get(key="age_band")
    data = form_data(admin_client.get(admin_url(question)))
    index = next(i for i in range(3) if data[f"choices-{i}-value"] == "under_16")
    response = admin_client.post(admin_url(question), {**data, f"choices-{index}-label_es": ""})

    assert "“Under 16” has no Spanish text" in refusal(response)


def test_a_spanish_pre_eclampsia_card_that_sends_to_urgent_care_is_refused(admin_client):
    u12 = Rule.objects.get(code="U12")
    action_es = "Vaya hoy a un centro de atención de urgencia.\nMuéstreles esta página."
    response = submit(admin_client, admin_url(u12), action_es=action_es)

    assert response.status_code == 200
    message = refusal(response)
    assert "its Spanish care card would say “atención de urgencia”, which it must not" in message
    assert "its Spanish care card would no longer say “unidad de trabajo de parto y parto" in (
        message
    )
    assert "atención de urgencia" not in Rule.objects.get(code="U12").action_es


def test_a_draft_with_a_missing_spanish_text_cannot_be_submitted_or_approved(
    reviewer, second_reviewer
):
    Rule.objects.filter(code="S9").update(reason="Night cramps should be checked.", reason_es="")
    with pytest.raises(releases.ReleaseRefused) as refused:
        releases.submit(reviewer, "S9 reworded")
    assert "This draft cannot be submitted" in str(refused.value)
    assert "“Night cramps should be checked.” has no Spanish text" in str(refused.value)

    # A draft that reached review some other way is not approved either.
    reads_spanish(second_reviewer)
    snapshot = draft_snapshot()
    waiting = CheckerRelease.objects.create(
        status=CheckerRelease.Status.IN_REVIEW, snapshot=snapshot, submitted_by=reviewer
    )
    with pytest.raises(releases.ReleaseRefused) as refused:
        releases.approve(second_reviewer, waiting, "fine")
    assert "This draft cannot be approved" in str(refused.value)


def test_a_placeholder_missing_from_a_spanish_reason_stops_a_release(reviewer):
    Rule.objects.filter(code="E8").update(reason_es="Llame al 911 o vaya a emergencias.")
    with pytest.raises(releases.ReleaseRefused) as refused:
        releases.submit(reviewer, "E8 in Spanish")
    assert "does not have the same placeholders" in str(refused.value)


def test_the_release_review_shows_a_spanish_text_change_marked_spanish():
    published = CheckerRelease.objects.get(status=CheckerRelease.Status.PUBLISHED).snapshot
    Rule.objects.filter(code="S9").update(
        reason_es="Los calambres que lo despiertan muchas noches se deben revisar."
    )
    texts = release_diff.changes(published, draft_snapshot())["texts"]
    assert [change["where"] for change in texts] == ["Rule S9: reason (Spanish)"]
    assert ("added", "muchas noches") in [(part.kind, part.text) for part in texts[0]["diff"]]
    assert [
        c["field"]
        for c in release_diff.rule_changes(published, draft_snapshot())["changed"][0]["fields"]
    ] == ["reason_es"]


def test_the_review_screen_shows_the_spanish_change(reviewer, second_reviewer, client):
    Rule.objects.filter(code="S9").update(
        reason_es="Los calambres que lo despiertan muchas noches se deben revisar."
    )
    submitted = releases.submit(reviewer, "S9 in Spanish")
    client.force_login(second_reviewer)
    page = client.get(f"/admin/triage/checkerrelease/{submitted.pk}/review/")
    assert page.status_code == 200
    assert "Rule S9: reason (Spanish)" in page.content.decode()


def test_a_spanish_text_change_is_approved_only_by_a_reviewer_who_reads_spanish(
    reviewer, second_reviewer, client
):
    """As a Spanish page's sign-off: a weaker Spanish care card must not reach readers on
    the word of someone who cannot read it, on the screen or by a direct post."""
    Rule.objects.filter(code="S9").update(reason_es="Los calambres de noche se pueden revisar.")
    submitted = releases.submit(reviewer, "S9 in Spanish")
    client.force_login(second_reviewer)
    review = f"/admin/triage/checkerrelease/{submitted.pk}/review/"

    assert not releases.may_approve(second_reviewer, submitted)
    screen = client.get(review).content.decode()
    assert "a clinical reviewer who reads Spanish must approve it" in screen
    decision = {"decision": "approve", "comment": "", "reviewed_whole_page": "on"}
    refused = client.post(review, decision, follow=True)
    assert "your reviewer profile does not list Spanish" in refused.content.decode()
    assert CheckerRelease.objects.in_review() == submitted

    reads_spanish(second_reviewer)
    assert client.post(review, decision).status_code == 302
    published = CheckerRelease.objects.get(status=CheckerRelease.Status.PUBLISHED)
    assert published.pk == submitted.pk


def test_an_english_only_change_is_approved_by_a_reviewer_who_reads_english(
    reviewer, second_reviewer
):
    Rule.objects.filter(code="S9").update(reason="Cramps that wake you up should be checked.")
    submitted = releases.submit(reviewer, "S9 in English")
    assert releases.may_approve(second_reviewer, submitted)


def test_an_editor_may_reword_the_spanish_but_not_a_rules_spanish_action(editor_client):
    question = Question.objects.get(key="fever")
    response = submit(editor_client, admin_url(question), text_es="¿Tiene fiebre?")
    assert response.status_code == 302, refusal(response)
    assert Question.objects.get(key="fever").text_es == "¿Tiene fiebre?"

    u12 = Rule.objects.get(code="U12")
    data = form_data(editor_client.get(admin_url(u12)))
    assert "action_es" not in data and "reason_es" in data
    response = editor_client.post(admin_url(u12), {**data, "action_es": "Otra cosa."})
    assert Rule.objects.get(code="U12").action_es == u12.action_es


@pytest.mark.parametrize(
    "slug_es, message",
    [
        ("sobre-usted", "Another page already has the Spanish address “sobre-usted”"),
        ("revisar-respuestas", "“revisar-respuestas” is an address the checker already uses"),
    ],
)
def test_a_spanish_address_that_would_lead_to_another_page_is_refused(
    admin_client, slug_es, message
):
    """Spanish readers would be sent to the other page on every Continue, and never on."""
    page = Page.objects.get(number=3)
    response = submit(admin_client, admin_url(page), slug_es=slug_es)

    assert response.status_code == 200
    assert message in refusal(response)
    assert Page.objects.get(number=3).slug_es == "sobre-sus-calambres"


def test_a_page_without_a_spanish_slug_may_not_take_another_pages_spanish_address(admin_client):
    page = Page.objects.get(number=3)
    response = submit(admin_client, admin_url(page), slug="sobre-usted", slug_es="")

    assert "Another page already has the Spanish address “sobre-usted”" in refusal(response)
    assert submit(admin_client, admin_url(page), slug_es="calambres").status_code == 302


def test_line_breaks_as_a_browser_sends_them_change_no_text(admin_client):
    """A browser sends a text box's line breaks as CRLF: an untouched multi-line text stays
    the same text, so the release shows no change a reviewer must approve."""
    level = Level.objects.get(key="urgent")
    data = form_data(admin_client.get(admin_url(level)))
    as_sent = {name: data[name].replace("\n", "\r\n") for name in ("advice", "advice_es")}
    assert "\r\n" in as_sent["advice_es"]  # a text of several lines, as the test needs

    assert admin_client.post(admin_url(level), {**data, **as_sent}).status_code == 302

    published = CheckerRelease.objects.get(status=CheckerRelease.Status.PUBLISHED).snapshot
    assert release_diff.changes(published, draft_snapshot())["texts"] == []
