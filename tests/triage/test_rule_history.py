"""Restoring triage logic from its history passes through the safety gate."""

import reversion
from reversion.models import Version

from tests.support.admin_forms import form_data
from tests.support.pages import parse
from triage.models import Level, Rule


def test_restoring_a_harmful_old_version_of_a_rule_is_refused(admin_client, admin_user):
    rule = Rule.objects.get(code="E1")
    # A version saved outside the admin long ago, before the safety case existed.
    with reversion.create_revision():
        rule.level = Level.objects.get(key="soon")
        rule.save()
    harmful = Version.objects.get_for_object(rule).first()
    with reversion.create_revision():
        rule.level = Level.objects.get(key="emergency")
        rule.save()

    url = f"/admin/triage/rule/{rule.pk}/history/{harmful.pk}/"
    response = admin_client.post(url, form_data(admin_client.get(url)))

    assert response.status_code == 200
    assert "Chest pain" in parse(response).select_one(".errorlist.nonfield").get_text()
    rule.refresh_from_db()
    assert rule.level.key == "emergency"


def test_restoring_a_harmless_old_wording_works(admin_client):
    rule = Rule.objects.get(code="S9")
    reason = rule.reason
    original = Version.objects.get_for_object(rule).first()  # the newest, with its Spanish
    url = f"/admin/triage/rule/{rule.pk}/change/"
    admin_client.post(url, {**form_data(admin_client.get(url)), "reason": "New words."})

    revert = f"/admin/triage/rule/{rule.pk}/history/{original.pk}/"
    response = admin_client.post(revert, form_data(admin_client.get(revert)))

    assert response.status_code == 302
    rule.refresh_from_db()
    assert rule.reason == reason
