"""The admin carries the site's name and icon, refuses in its own layout with a way back, and
/favicon.ico finds the site's icon."""

from django.contrib.staticfiles import finders
from django.test import Client

from tests.support.pages import parse


def test_the_admin_is_branded_with_the_sites_name(admin_client):
    page = parse(admin_client.get("/admin/"))

    assert page.select_one("#site-name").get_text(strip=True) == "Inner thigh cramps: editorial"
    assert "Django" not in page.title.get_text()
    assert page.select_one('link[rel="icon"]')["href"].endswith("favicon.svg")


def test_an_admin_refusal_stays_in_the_admin_with_a_way_back(admin_client, db):
    response = admin_client.get("/admin/education/feedback/add/")

    assert response.status_code == 403
    page = parse(response)
    assert page.select_one("#site-name").get_text(strip=True) == "Inner thigh cramps: editorial"
    assert page.h1.get_text() == "You cannot see this page"
    links = {a.get_text(): a["href"] for a in page.select("#content-main a")}
    assert links["Back to the editorial home"] == "/admin/"
    assert not page.select(".site-footer")  # not the public site's page


def test_an_expired_admin_form_says_so_in_the_admin(admin_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)

    response = client.post("/admin/education/article/add/", {"title": "x"})

    assert response.status_code == 403
    assert parse(response).h1.get_text() == "Sorry, this form has expired"
    assert "Nothing was saved" in response.content.decode()


def test_a_public_refusal_keeps_the_public_page(client, db):
    response = Client(enforce_csrf_checks=True).post("/triage/serious-symptoms/", {})

    assert parse(response).select_one(".site-footer")


def test_favicon_ico_leads_to_the_site_icon(client, db):
    response = client.get("/favicon.ico")

    assert response.status_code == 302 and response["Location"] == "/static/img/favicon.svg"
    # Served by whitenoise from the collected files; here, found where collectstatic looks.
    assert finders.find("img/favicon.svg")
