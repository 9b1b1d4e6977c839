"""The editorial roles come from editorial/data/roles.yaml through `manage.py load_content`:
a fresh install has both groups with the file's permissions; a changed file updates a group
nobody changed, and never one changed in the admin."""

import pytest
import yaml
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command

from editorial import roles
from editorial.models import LoadedRole


@pytest.fixture
def roles_file(tmp_path):
    """A copy of the roles file that a test may change, and a way to change it."""
    path = tmp_path / "roles.yaml"
    data = yaml.safe_load(roles.ROLES_FILE.read_text(encoding="utf-8"))

    def write(change=lambda data: None):
        change(data)
        path.write_text(yaml.safe_dump(data), encoding="utf-8")
        return path

    return write


def test_a_fresh_install_has_each_role_with_exactly_the_files_permissions(db):
    for name, permissions in roles.read_roles().items():
        assert roles.permission_names(Group.objects.get(name=name)) == permissions


def test_a_changed_file_updates_a_group_nobody_changed(db, roles_file):
    path = roles_file(lambda data: data["Editors"]["triage"].remove("change_rule"))

    outcomes = dict(roles.load_roles(path))

    assert outcomes == {"Editors": "updated", "Clinical reviewers": "unchanged"}
    editors = Group.objects.get(name="Editors")
    assert not editors.permissions.filter(codename="change_rule").exists()
    assert dict(roles.load_roles(path))["Editors"] == "unchanged"


def test_a_permission_listed_twice_does_not_make_the_group_look_changed_in_the_admin(
    db, roles_file
):
    Group.objects.filter(name="Editors").delete()
    path = roles_file(lambda data: data["Editors"]["triage"].append("change_rule"))
    assert dict(roles.load_roles(path))["Editors"] == "created"

    assert dict(roles.load_roles(path))["Editors"] == "unchanged"
    path = roles_file(lambda data: data["Editors"]["triage"].remove("view_rule"))
    assert dict(roles.load_roles(path))["Editors"] == "updated"


def test_a_group_changed_in_the_admin_is_kept(db, roles_file):
    editors = Group.objects.get(name="Editors")
    editors.permissions.remove(Permission.objects.get(codename="delete_article"))
    path = roles_file(lambda data: data["Editors"]["triage"].remove("change_rule"))

    outcomes = dict(roles.load_roles(path))

    assert outcomes["Editors"] == "kept: changed in the admin"
    assert editors.permissions.filter(codename="change_rule").exists()
    assert not editors.permissions.filter(codename="delete_article").exists()


def test_a_group_made_in_the_admin_is_not_taken_over(db, roles_file):
    LoadedRole.objects.all().delete()
    Group.objects.get(name="Editors").permissions.clear()

    outcomes = dict(roles.load_roles(roles_file()))

    assert outcomes["Editors"] == "kept: changed in the admin"
    assert not Group.objects.get(name="Editors").permissions.exists()


def test_a_deleted_group_is_made_again(db):
    Group.objects.filter(name="Clinical reviewers").delete()

    call_command("load_content", verbosity=0)

    reviewers = Group.objects.get(name="Clinical reviewers")
    assert reviewers.permissions.filter(codename="approve_draft").exists()


def test_an_unknown_permission_is_refused_by_name_and_nothing_is_written(
    db, roles_file, monkeypatch
):
    path = roles_file(lambda data: data["Editors"]["triage"].append("fly_rule"))
    monkeypatch.setattr(roles, "ROLES_FILE", path)
    Group.objects.filter(name="Editors").delete()

    with pytest.raises(CommandError, match="Editors: no permission triage.fly_rule"):
        call_command("load_content", verbosity=0)

    assert not Group.objects.filter(name="Editors").exists()
