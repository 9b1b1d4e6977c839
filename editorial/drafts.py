"""The workflow: drafts kept apart from the live row, submission, and clinical sign-off.

Functions here decide; the admin views (editorial/admin.py) only ask and show. A draft's
snapshot is Django's own serialization of the object and of its inline rows, so any model
the admin edits can have drafts.
"""

import json
from contextlib import contextmanager

import reversion
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import transaction
from django.utils import timezone
from reversion.models import Version

from editorial import translations
from editorial.models import SIGN_OFF_LANGUAGES, Draft, SignOff, WorkflowEvent, months_after

APPROVE_PERMISSION = "editorial.approve_draft"


class RollBackAndKeepAsDraft(Exception):
    """Raised once the admin's own save has written the live rows: leaving the admin's
    transaction with it rolls those writes back, and it carries the change out as a draft
    to be recorded (editorial.admin.WorkflowAdmin._save_into_draft says why)."""

    def __init__(self, snapshot, message):
        super().__init__(message)
        self.snapshot = snapshot
        self.message = message


class Refused(Exception):
    """A workflow step this person may not take, with the reason to show them."""


def versions_of(obj):
    """Every saved version of the live object, newest first, with who saved it."""
    return Version.objects.get_for_object(obj).select_related("revision__user").order_by("-pk")


def latest_version(obj):
    if obj is None or obj.pk is None:
        return None
    return versions_of(obj).first()


def open_draft(obj):
    if obj is None or obj.pk is None:
        return None
    return Draft.objects.open().for_object(obj).select_related("updated_by").first()


# Snapshots ------------------------------------------------------------------------------


def take_snapshot(obj, children):
    """The object and its inline rows (named by their related accessors), as JSON."""
    return {
        "object": _serialized(obj),
        "children": {
            name: [_serialized(row) for row in getattr(obj, name).all()] for name in children
        },
    }


def draft_object(snapshot):
    """The draft as an unsaved instance: enough for its rendered text, never for saving."""
    return _deserialized(snapshot["object"]).object


def draft_children(snapshot):
    return {
        name: [_deserialized(record).object for record in records]
        for name, records in snapshot["children"].items()
    }


def show_snapshot(live, snapshot):
    """Make the live object, in memory only, read as the draft: its fields and its
    many-to-many choices. Nothing is written, so showing a draft locks and changes nothing."""
    stored = _deserialized(snapshot["object"])
    _copy_content(stored.object, live)
    cache = getattr(live, "_prefetched_objects_cache", {})
    for name, ids in stored.m2m_data.items():
        # What the form reads for a many-to-many field (as a prefetch would leave it).
        related = live._meta.get_field(name).related_model._default_manager
        cache[name] = related.filter(pk__in=ids)
    live._prefetched_objects_cache = cache
    return live


def write_snapshot(live, snapshot):
    """Make the live row and its inline rows say what the snapshot says.

    Returns the inline rows that got a new number, {related name: {snapshot's: new}}: a row
    new in the draft whose number was given meanwhile to another parent's row.
    """
    stored = _deserialized(snapshot["object"])
    _copy_content(stored.object, live)
    live.save()
    for name, ids in stored.m2m_data.items():
        getattr(live, name).set(ids)
    renumbered = {}
    for name, records in snapshot["children"].items():
        manager = getattr(live, name)
        kept = []
        for record in records:
            old, new = _write_child(live, manager.field.name, record)
            kept.append(new)
            if old != new:
                renumbered.setdefault(name, {})[old] = new
        manager.exclude(pk__in=kept).delete()
    return renumbered


def _copy_content(source, live):
    """Fields the workflow owns (publication state, the latest sign-off) keep their live
    values: a draft carries content, not a decision to publish."""
    for field in live._meta.concrete_fields:
        if field.editable and not field.primary_key and field.name not in live.WORKFLOW_FIELDS:
            setattr(live, field.attname, getattr(source, field.attname))


def _write_child(live, parent_field, record):
    child = _deserialized(record).object
    old = child.pk
    setattr(child, parent_field, live)
    rows = type(child)._default_manager
    if rows.filter(pk=child.pk).exclude(**{parent_field: live}).exists():
        child.pk = None  # a new row's number, given meanwhile to another parent's row
    child.save()
    return old, child.pk


@contextmanager
def draft_in_place(draft):
    """The database as if the draft were live, for the length of the block, then as it was.

    For saving over the draft through the admin's own save (the change form's POST), and for
    the reader's page of a preview. Nobody else sees the passing state: it is never
    committed. Yields write_snapshot's renumbered inline rows.
    """
    with transaction.atomic():
        renumbered = write_snapshot(draft.target, draft.snapshot) if draft is not None else {}
        yield renumbered
        transaction.set_rollback(True)


def _serialized(obj):
    return json.loads(serializers.serialize("json", [obj]))[0]


def _deserialized(record):
    return next(serializers.deserialize("json", json.dumps([record])))


# Steps --------------------------------------------------------------------------------------
#
# Every step that changes a draft first locks its page's live row, inside the step's
# transaction, and reads the draft again under that lock. Two people acting on one page at
# once (two editors saving, an editor saving while a reviewer approves) then go one after
# the other, and the second sees what the first did: a save counted meanwhile, a draft
# already approved. (On SQLite, whose transactions here take the write lock when they
# begin, they already do.)


def lock_page(obj):
    """The page's live row, locked until the transaction ends (call inside one)."""
    return type(obj)._default_manager.select_for_update().get(pk=obj.pk)


def _lock_draft(draft):
    """The page locked and the draft as it is now, or Refused if either has gone."""
    model = draft.content_type.model_class()
    try:
        live = model._default_manager.select_for_update().get(pk=draft.object_id)
        return live, Draft.objects.select_for_update().get(pk=draft.pk)
    except (model.DoesNotExist, Draft.DoesNotExist):
        raise Refused("This draft or its page was deleted meanwhile.") from None


@transaction.atomic
def record_draft(obj, snapshot, user, message, action=WorkflowEvent.Action.SAVED):
    """Keep a save (or a restored version) as the object's open draft (made if there is
    none), out of review."""
    obj = lock_page(obj)
    draft = open_draft(obj) or Draft(target=obj, base_version=latest_version(obj))
    draft.snapshot = snapshot
    draft.saves += 1
    draft.state = Draft.State.EDITING
    draft.updated_by = user
    draft.save()
    draft.editors.add(user)
    _event(obj, draft, user, action, message)
    return draft


@transaction.atomic
def submit(draft, user, note):
    live, draft = _lock_draft(draft)
    if draft.state not in {Draft.State.EDITING, Draft.State.SENT_BACK}:
        raise Refused("This draft is already waiting for clinical review.")
    draft.state = Draft.State.SUBMITTED
    draft.save(update_fields=["state", "updated_at"])
    _event(live, draft, user, WorkflowEvent.Action.SUBMITTED, note)


@transaction.atomic
def send_back(draft, reviewer, comment):
    live, draft = _lock_draft(draft)
    _check_may_review(draft, reviewer)
    draft.state = Draft.State.SENT_BACK
    draft.save(update_fields=["state", "updated_at"])
    _event(live, draft, reviewer, WorkflowEvent.Action.SENT_BACK, comment)


@transaction.atomic
def approve(draft, reviewer, comment, reviewed_saves):
    """Make the draft live (now, or at its publication time if later) and sign it off.

    The draft is read again under the lock: the reviewer approves the save they reviewed
    (reviewed_saves), never one made while they read it.
    """
    live, draft = _lock_draft(draft)
    _check_may_review(draft, reviewer)
    if draft.saves != reviewed_saves:
        raise Refused(
            "The draft changed after you opened it, so it was not approved. "
            "Review the latest version below."
        )
    name, role = reviewer_identity(reviewer)
    shown_before = live.reader_html()
    with reversion.create_revision():
        write_snapshot(live, draft.snapshot)
        live.publish()
        live.save()
        _check_shown_as_reviewed(live, draft)
        reversion.set_user(reviewer)
        reversion.set_comment(f"Approved by {name}, {role}. {comment}".strip())
    draft.state = Draft.State.APPROVED
    draft.save(update_fields=["state", "updated_at"])
    translations.after_approval(live, changed=live.reader_html() != shown_before)
    _event(live, draft, reviewer, WorkflowEvent.Action.APPROVED, comment)
    return _sign_off(live, reviewer, SignOff.Kind.APPROVED, comment, draft=draft)


def _check_shown_as_reviewed(live, draft):
    """Readers get exactly what the reviewer read: the draft as it was saved. Something it
    shows but does not hold (a picture) may have changed since; then nothing is approved."""
    if live.reader_html() != draft_object(draft.snapshot).reader_html():
        raise Refused(
            "Something this draft shows (a picture, say) changed after the draft was saved, "
            "so readers would not see what you reviewed, and it was not approved. Ask the "
            "editor to open the draft and save it again, then review it as it is now."
        )


@transaction.atomic
def mark_reviewed(obj, reviewer, comment):
    """The periodic review: a clinician read the live page and it needs no change."""
    if not reviewer.has_perm(APPROVE_PERMISSION):
        raise Refused("Only clinical reviewers can record a clinical review.")
    _check_reads_language(obj, reviewer)
    reviewer_identity(reviewer)
    _event(obj, None, reviewer, WorkflowEvent.Action.REVIEWED, comment)
    return _sign_off(obj, reviewer, SignOff.Kind.NO_CHANGES, comment)


# Deleting ---------------------------------------------------------------------------------------
#
# A page readers have seen, or a clinician has signed off, is clinical content: taking it
# down is a clinical decision, so only a clinical reviewer (or a superuser) may delete it.
# An editor may delete only a page that never got that far, such as a new article still in
# its first draft. Any deletion takes the page's open draft with it, so no draft is left
# waiting for review of a page that is gone; the steps and sign-offs stay, naming the page by
# number, so the record is complete again if the page is recovered.


def ever_published(obj):
    return obj.is_published or SignOff.objects.for_object(obj).exists()


def may_delete(obj, user):
    return not delete_refusal(obj, user)


def delete_refusal(obj, user):
    """Why this person may not delete the page, or "" if they may."""
    if not (user.has_perm(APPROVE_PERMISSION) or not ever_published(obj)):
        return (
            f"“{obj}” has been published or clinically signed off, so only a clinical reviewer "
            "can delete it. To change what readers see, edit it: the draft goes to clinical "
            "review."
        )
    return translations.delete_refusal(obj)


def delete_page(obj, user):
    delete_pages([obj], user)


@transaction.atomic
def delete_pages(pages, user):
    """Delete the pages, or none of them if this person may not delete one (Refused).

    Who may delete is decided again under each page's row lock: a clinical sign-off that
    finished while the person confirmed would otherwise go with the page. Rows are locked in
    number order, so two people deleting overlapping pages wait for each other, never deadlock.
    """
    for page in sorted(pages, key=lambda page: page.pk):
        try:
            live = lock_page(page)
        except type(page).DoesNotExist:
            raise Refused(f"“{page}” was deleted meanwhile.") from None
        refusal = delete_refusal(live, user)
        if refusal:
            raise Refused(refusal)
        Draft.objects.open().for_object(live).delete()
        live.delete()


def reviewer_identity(user):
    """The name and role readers will see; both must be real, so neither is made up."""
    name = user.get_full_name().strip()
    profile = getattr(user, "reviewer_profile", None)
    role = profile.clinical_role.strip() if profile else ""
    if not (name and role):
        raise Refused(
            "Readers see the reviewer's full name and clinical role, and your account has "
            "no " + ("full name" if not name else "clinical role") + ". Ask an administrator "
            "to add it under Users, then sign off."
        )
    return name, role


def may_review(draft, user):
    """Four eyes: a clinical reviewer who made none of the draft's changes."""
    return (
        user.has_perm(APPROVE_PERMISSION)
        and not draft.editors.filter(pk=user.pk).exists()
        and reads_language_of(draft_object(draft.snapshot), user)
    )


def reads_language_of(obj, user):
    """Whether the user reads the page's language (pages without one are in English)."""
    return reads_language(user, getattr(obj, "language", "en"))


def reads_language(user, language):
    """Whether the reviewer's profile lists the language (without one, English only)."""
    profile = getattr(user, "reviewer_profile", None)
    return profile.reads(language) if profile else language == "en"


def _check_reads_language(obj, user):
    if not reads_language_of(obj, user):
        name = SIGN_OFF_LANGUAGES[obj.language]
        raise Refused(
            f"This page is in {name}, and your reviewer profile does not list {name} among "
            "the languages you read, so you cannot sign it off. Ask a clinical reviewer "
            f"who reads {name} to review it, or an administrator to add it to your profile."
        )


def _check_may_review(draft, user):
    if not user.has_perm(APPROVE_PERMISSION):
        raise Refused("Only clinical reviewers can approve or send back a draft.")
    _check_reads_language(draft_object(draft.snapshot), user)
    if draft.editors.filter(pk=user.pk).exists():
        raise Refused(
            "You changed this draft, so another clinical reviewer must review it: "
            "nobody signs off their own change."
        )
    if draft.state != Draft.State.SUBMITTED:
        raise Refused("This draft is not waiting for clinical review.")


def _sign_off(obj, reviewer, kind, comment, draft=None):
    name, role = reviewer_identity(reviewer)
    now = timezone.now()
    signoff = SignOff.objects.create(
        target=obj,
        kind=kind,
        draft=draft,
        version=latest_version(obj),
        reviewer=reviewer,
        reviewer_name=name,
        reviewer_role=role,
        signed_at=now,
        goes_live_at=max(now, obj.goes_live_at),
        next_review_due=months_after(
            timezone.localdate(now), settings.EDITORIAL_REVIEW_INTERVAL_MONTHS
        ),
        comment=comment,
    )
    obj.latest_signoff = signoff
    obj.save(update_fields=["latest_signoff"])
    return signoff


def _event(obj, draft, user, action, comment):
    WorkflowEvent.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        draft=draft,
        user=user,
        action=action,
        comment=comment,
    )
