"""Who may change the checker's logic, and the admin mixins that hold everyone else to its words.

Anyone who may change a triage row may improve the words readers see. The fields the rules
read, adding and deleting the rows they are made of, and restoring an old version (which
restores every field) take the permission to edit the logic.
"""

from django.core.exceptions import PermissionDenied

from triage.models import EDIT_LOGIC_PERMISSION


def may_edit_logic(user):
    return user.has_perm(EDIT_LOGIC_PERMISSION)


class _LogicFieldsMixin:
    """`logic_fields` read-only, and no rows deleted, without the permission to edit the
    logic: what a model admin and an inline share."""

    logic_fields = ()

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if may_edit_logic(request.user):
            return list(readonly)
        return [*readonly, *self.logic_fields]

    def has_delete_permission(self, request, obj=None):
        return may_edit_logic(request.user) and super().has_delete_permission(request, obj)


class LogicPermissionAdminMixin(_LogicFieldsMixin):
    """For a triage model admin: `logic_fields` read-only, and no adding, deleting or
    restoring from history, without the permission to edit the logic; the links to restore
    and recover are shown only to those who may. Every page says the changes go into the
    draft release (templates/admin/triage/)."""

    change_list_template = "admin/triage/checker_change_list.html"

    def history_view(self, request, object_id, extra_context=None):
        # The versions listed there are links to restore them.
        hidden = {} if may_edit_logic(request.user) else {"action_list": []}
        return super().history_view(request, object_id, {**hidden, **(extra_context or {})})

    def has_add_permission(self, request):
        return may_edit_logic(request.user) and super().has_add_permission(request)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        self._require_logic_permission(request)
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        self._require_logic_permission(request)
        return super().recover_view(request, version_id, extra_context)

    def _require_logic_permission(self, request):
        if not may_edit_logic(request.user):
            raise PermissionDenied


class LogicPermissionInlineMixin(_LogicFieldsMixin):
    """For an inline of rows the rules read: `logic_fields` read-only, and no rows added or
    deleted, without the permission to edit the logic."""

    def has_add_permission(self, request, obj):
        return may_edit_logic(request.user) and super().has_add_permission(request, obj)
