"""The editorial roles as groups, from editorial/data/roles.yaml (`manage.py load_content`).

As with the shipped articles (README, "Shipped content"), each loaded group keeps a
fingerprint of the permissions it was given: a group still holding exactly those is brought
up to date with the file, and a group whose permissions were changed in the admin, or that
was made there, is kept.
"""

from pathlib import Path

import yaml
from django.contrib.auth.models import Group, Permission

from editorial.models import LoadedRole
from education.shipped_content import ContentFileError, Outcome, decide, fingerprint

ROLES_FILE = Path(__file__).resolve().parent / "data" / "roles.yaml"


def read_roles(path=None):
    """{group name: sorted ["app_label.codename", ...]} from the roles file, each once: a
    group holds a permission once, and the fingerprint must match what the group holds, or
    a permission listed twice would make every later load take the group for an editor's."""
    roles = yaml.safe_load((path or ROLES_FILE).read_text(encoding="utf-8"))
    return {
        name: sorted(
            {f"{app}.{codename}" for app, codenames in apps.items() for codename in codenames}
        )
        for name, apps in roles.items()
    }


def load_roles(path=None):
    """Make or update each role group; [(group name, outcome)]. A permission the file names
    that does not exist is refused by name (a ContentFileError)."""
    return [(name, _load_role(name, permissions)) for name, permissions in read_roles(path).items()]


def _load_role(name, permissions):
    group = Group.objects.filter(name=name).first()
    loaded = LoadedRole.objects.filter(group=group).first() if group else None
    if group is not None and loaded is None:
        return Outcome.KEPT_EDITORS_CHANGE  # made in the admin: not ours to change
    outcome = decide(loaded, loaded and permission_names(group), permissions)
    if outcome in (Outcome.CREATED, Outcome.UPDATED):
        group = group or Group.objects.create(name=name)
        group.permissions.set(_permissions(name, permissions))
        LoadedRole.objects.update_or_create(
            group=group, defaults={"content_hash": fingerprint(permissions)}
        )
    return outcome


def permission_names(group):
    return sorted(
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    )


def _permissions(name, names):
    wanted = {tuple(permission.split(".")) for permission in names}
    found = [
        permission
        for permission in Permission.objects.select_related("content_type")
        if (permission.content_type.app_label, permission.codename) in wanted
    ]
    missing = wanted - {(p.content_type.app_label, p.codename) for p in found}
    if missing:
        unknown = ", ".join(sorted(".".join(pair) for pair in missing))
        raise ContentFileError(f"roles: {name}: no permission {unknown}")
    return found
