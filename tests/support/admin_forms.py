"""Submit admin forms as a person would: start from what the page shows, change a few fields."""

from bs4 import BeautifulSoup
from django.test import Client

from tests.support.pages import parse

# Every test user signs in with this; the fixtures in tests/conftest.py create them.
PASSWORD = "correct horse battery staple"
SKIPPED_INPUTS = {"submit", "button", "image", "reset", "file"}


def logged_in(user):
    """A client of its own, so a test can act as several people at once."""
    client = Client()
    client.force_login(user)
    return client


def form_data(response, form_selector="#content-main form"):
    """Every value the form on this page would send, as the page rendered it."""
    return form_fields(parse(response).select_one(form_selector))


def form_fields(form):
    """The values a browser would send for this <form> element, inline rows included."""
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name = field["name"]
        if "__prefix__" in name:
            continue  # the blank inline row that JavaScript copies when adding one
        if field.name == "textarea":
            data[name] = field.get_text().removeprefix("\n")  # as browsers read it
        elif field.name == "select":
            data[name] = _selected(field)
        elif field.get("type") in {"checkbox", "radio"}:
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        elif field.get("type") not in SKIPPED_INPUTS:
            data[name] = field.get("value", "")
    return data


def _selected(select):
    options = select.select("option")
    chosen = [o for o in options if o.has_attr("selected")]
    if select.has_attr("multiple"):
        return [o.get("value", o.get_text()) for o in chosen]
    first = (chosen or options[:1] or [None])[0]  # with nothing marked, browsers send the first
    return "" if first is None else first.get("value", first.get_text())


def form_fields_in_html(html, form_selector="#content-main form"):
    return form_fields(BeautifulSoup(html, "html.parser").select_one(form_selector))


def admin_url(obj, page="change"):
    """An object's page in the admin: its change form, or its history, delete, review..."""
    return f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/{page}/"


def refusal(response):
    """What an admin form says is wrong with the change as a whole, on one line, or ""."""
    errors = parse(response).select_one(".errorlist.nonfield")
    return " ".join(errors.get_text(" ").split()) if errors else ""


def submit(client, url, **changes):
    """Open an admin form, change some fields, and post it back."""
    data = {**form_data(client.get(url)), **changes}
    return client.post(url, data)
