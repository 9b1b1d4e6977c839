"""Submit admin forms as a person would: start from what the page shows, change a few fields."""

from bs4 import BeautifulSoup

from tests.pages import parse


def form_data(response, form_selector="#content-main form"):
    """Every value the form on this page would send, as the page rendered it."""
    return form_fields(parse(response).select_one(form_selector))


def form_fields(form):
    """The values a browser would send for this <form> element, submit buttons aside."""
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name = field["name"]
        if field.name == "textarea":
            data[name] = field.get_text()
        elif field.name == "select":
            chosen = [o["value"] for o in field.select("option[selected]")]
            if field.has_attr("multiple"):
                data[name] = chosen
            else:
                data[name] = chosen[0] if chosen else ""
        elif field.get("type") in {"checkbox", "radio"}:
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        elif field.get("type") not in {"submit", "button", "file"}:
            data[name] = field.get("value", "")
    return data


def form_fields_in_html(html, form_selector="#content-main form"):
    return form_fields(BeautifulSoup(html, "html.parser").select_one(form_selector))


def submit(client, url, **changes):
    """Open an admin form, change some fields, and post it back."""
    data = {**form_data(client.get(url)), **changes}
    return client.post(url, data)
