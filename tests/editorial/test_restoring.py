"""Restoring and recovering from the history go through our own rules: only a version of the
admin's own model and object, the permissions of a change, a draft for articles and site
pages, the safety gate for the checker, that one version only, and a record of it."""

import reversion
from django.contrib.admin.models import LogEntry
from reversion.models import Version

from editorial.models import Draft, WorkflowEvent
from education.models import Article, SitePage
from tests.support.admin_forms import form_data
from tests.support.pages import parse
from triage.models import Condition, Factor, Rule


def shipped_version(obj):
    """The version the shipped content was loaded as: one revision holds every such row."""
    return Version.objects.get_for_object(obj).order_by("pk").first()


def restore(client, obj, version):
    url = f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/history/{version.pk}/"
    return client.post(url, form_data(client.get(url)))


def live_rows():
    return (
        list(Article.objects.order_by("pk").values("pk", "title", "status", "body")),
        list(SitePage.objects.order_by("pk").values("pk", "title", "body")),
        list(Factor.objects.order_by("pk").values()),
    )


def test_an_editor_cannot_recover_a_checker_factor_through_the_picture_admin(editor_client):
    factor = Factor.objects.first()
    with reversion.create_revision():
        factor.title = "Changed before"
        factor.save()
    version = Version.objects.get_for_object(factor).first()
    factor.title = "Live title"
    factor.save()

    through_pictures = editor_client.post(
        f"/admin/education/image/recover/{version.pk}/", {}, follow=True
    )
    through_articles = editor_client.post(f"/admin/education/article/recover/{version.pk}/", {})

    assert "cannot be recovered" in through_pictures.content.decode()
    assert through_articles.status_code == 404
    factor.refresh_from_db()
    assert factor.title == "Live title"


def test_a_version_of_another_model_or_object_is_not_found(admin_client):
    article, other = Article.objects.order_by("pk")[:2]
    before = live_rows()
    article_version = shipped_version(article)

    responses = [
        admin_client.post(f"/admin/triage/rule/recover/{article_version.pk}/", {}),
        admin_client.post(f"/admin/triage/factor/recover/{article_version.pk}/", {}),
        admin_client.post(f"/admin/education/article/recover/{article_version.pk}/", {}),
        admin_client.post(
            f"/admin/education/article/{other.pk}/history/{article_version.pk}/",
            form_data(admin_client.get(f"/admin/education/article/{other.pk}/change/")),
        ),
        admin_client.post("/admin/education/article/recover/999999/", {}),
    ]

    assert [response.status_code for response in responses] == [404] * 5
    assert live_rows() == before
    assert not Draft.objects.exists()


def test_restoring_one_article_leaves_the_others_in_its_revision_alone(admin_client):
    article, other = Article.objects.order_by("pk")[:2]
    assert shipped_version(article).revision_id == shipped_version(other).revision_id
    Article.objects.filter(pk=other.pk).update(title="Changed since it shipped")
    Article.objects.filter(pk=article.pk).update(title="Also changed")
    before = live_rows()

    response = restore(admin_client, article, shipped_version(article))

    assert response.status_code == 302
    assert live_rows() == before  # readers see no change until a clinical reviewer approves
    draft = Draft.objects.get()
    assert (draft.object_id, draft.title) == (article.pk, shipped_version(article).object_repr)


def test_an_editor_restoring_an_article_gets_a_draft_recorded_in_history_and_audit(
    editor_client, editor
):
    article = Article.objects.order_by("pk").first()
    Article.objects.filter(pk=article.pk).update(title="Changed since it shipped")
    version = shipped_version(article)

    response = restore(editor_client, article, version)

    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).title == "Changed since it shipped"
    event = WorkflowEvent.objects.get(action=WorkflowEvent.Action.RESTORED)
    assert (event.user, event.draft.state) == (editor, Draft.State.EDITING)
    assert f"Restored version {version.pk}" in event.comment
    audit = parse(editor_client.get(f"/admin/education/article/{article.pk}/audit/"))
    assert "Restored an earlier version as a draft" in audit.get_text()
    history = parse(editor_client.get(f"/admin/education/article/{article.pk}/history/"))
    assert f"Restored version {version.pk}" in history.select_one("#log-entries").get_text()


def test_an_editor_cannot_restore_a_factor_they_may_only_read(editor_client):
    factor = Factor.objects.first()
    with reversion.create_revision():
        factor.save()
    version = Version.objects.get_for_object(factor).first()

    response = editor_client.post(f"/admin/triage/factor/{factor.pk}/history/{version.pk}/", {})

    assert response.status_code == 403


def test_a_recovered_article_that_is_not_deleted_is_not_found(admin_client):
    article = Article.objects.order_by("pk").first()

    response = admin_client.get(f"/admin/education/article/recover/{shipped_version(article).pk}/")

    assert response.status_code == 404


def test_restoring_a_rule_leaves_the_other_rules_of_its_revision_and_is_in_the_history(
    reviewer_client,
):
    rule, other = Rule.objects.filter(code__in=["S9", "E1"]).order_by("code")
    with reversion.create_revision():
        for row in (rule, other):
            row.reason = f"Old reason of {row.code}."
            row.save()
    version = Version.objects.get_for_object(rule).first()
    Rule.objects.filter(pk__in=[rule.pk, other.pk]).update(reason="Newer reason.")

    response = restore(reviewer_client, rule, version)

    assert response.status_code == 302
    rule.refresh_from_db()
    other.refresh_from_db()
    assert (rule.reason, other.reason) == (f"Old reason of {rule.code}.", "Newer reason.")
    entry = LogEntry.objects.get(object_id=str(rule.pk))
    assert entry.get_change_message().startswith(f"Restored version {version.pk}")
    assert (
        Version.objects.get_for_object(rule)
        .first()
        .revision.get_comment()
        .startswith(f"Restored version {version.pk}")
    )


def test_a_version_whose_row_now_belongs_to_another_rule_is_refused(admin_client):
    rule, other = Rule.objects.filter(code__in=["S9", "E1"]).order_by("code")
    with reversion.create_revision():
        rule.save()
    version = Version.objects.get_for_object(rule).first()
    moved = rule.conditions.first()
    Condition.objects.filter(pk=moved.pk).update(rule=other)

    url = f"/admin/triage/rule/{rule.pk}/history/{version.pk}/"

    shown = admin_client.get(url, follow=True)
    posted = admin_client.post(url, {"reason": "x"}, follow=True)

    for response in (shown, posted):
        assert "Nothing was restored: its row" in response.content.decode()
    assert Condition.objects.get(pk=moved.pk).rule == other


def test_saving_a_restore_or_a_change_as_a_copy_is_refused(editor_client):
    article = Article.objects.order_by("pk").first()
    Article.objects.filter(pk=article.pk).update(title="Changed since it shipped")
    before = (live_rows(), Article.objects.count())
    restoring = f"/admin/education/article/{article.pk}/history/{shipped_version(article).pk}/"
    changing = f"/admin/education/article/{article.pk}/change/"

    for url in [restoring, changing]:
        data = {**form_data(editor_client.get(url)), "slug": "a-copy", "_saveasnew": "1"}
        response = editor_client.post(url, data)

        assert response.status_code == 400
        assert "Nothing was saved" in response.content.decode()
    assert (live_rows(), Article.objects.count()) == before
