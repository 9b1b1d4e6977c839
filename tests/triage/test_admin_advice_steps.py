"""Advice steps in the admin: editors reword them in the draft release; only clinical
reviewers change which results show them, behind the safety gate; nobody adds or deletes one
(their keys are fixed)."""

from tests.support.admin_forms import admin_url, form_data
from triage.models import AdviceStep


def test_an_editor_rewords_a_step_but_cannot_change_what_shows_it(client, editor):
    client.force_login(editor)
    heat = AdviceStep.objects.get(key="heat")
    data = {**form_data(client.get(admin_url(heat))), "text": "Use a warm cloth.", "not_with": "[]"}

    response = client.post(admin_url(heat), data)

    assert response.status_code == 302
    heat.refresh_from_db()
    assert heat.text == "Use a warm cloth."
    assert heat.not_with == ["strain", "heat_caution", "clot_risk", "lasting_pain"]


def test_a_clinical_reviewer_changes_what_shows_a_step_through_the_gate(client, reviewer):
    client.force_login(reviewer)
    build_up = AdviceStep.objects.get(key="build_up_slowly")
    data = {**form_data(client.get(admin_url(build_up))), "not_with": '["strain"]'}

    response = client.post(admin_url(build_up), data)

    assert response.status_code == 302
    build_up.refresh_from_db()
    assert build_up.not_with == ["strain"]


def test_nobody_adds_or_deletes_an_advice_step(admin_client):
    step = AdviceStep.objects.get(key="massage")

    assert admin_client.get("/admin/triage/advicestep/add/").status_code == 403
    assert admin_client.post(admin_url(step, "delete"), {"post": "yes"}).status_code == 403
    assert AdviceStep.objects.filter(key="massage").exists()
