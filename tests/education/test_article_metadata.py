"""What search engines and sharing see of an article."""

import json

from tests.support.pages import parse


def test_article_carries_medical_web_page_structured_data(client, make_article):
    article = make_article(title="Cramps", summary="About cramps.", reviewed_by="Dr A, GP")

    soup = parse(client.get(article.get_absolute_url()))

    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "MedicalWebPage"
    assert data["headline"] == "Cramps" and data["description"] == "About cramps."
    assert data["lastReviewed"] == article.last_reviewed.isoformat()
    assert data["reviewedBy"] == {"@type": "Person", "name": "Dr A", "jobTitle": "GP"}
    assert data["about"]["name"] == "Inner thigh cramps"
    assert data["audience"]["audienceType"] == "Patient"


def test_a_hostile_title_cannot_break_out_of_the_structured_data(client, make_article):
    title = "</script><script>alert(1)</script><!--"
    article = make_article(title=title)

    response = client.get(article.get_absolute_url())

    html = response.content.decode()
    block = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert json.loads(block)["headline"] == title
    assert "<script>alert(1)" not in html


def test_canonical_open_graph_and_twitter_tags(client, make_article):
    article = make_article(title="Cramps", summary="About cramps.")
    url = f"http://testserver{article.get_absolute_url()}"

    soup = parse(client.get(article.get_absolute_url()))

    assert soup.select_one('link[rel="canonical"]')["href"] == url
    assert soup.select_one('meta[property="og:url"]')["content"] == url
    assert soup.select_one('meta[property="og:title"]')["content"] == "Cramps"
    assert soup.select_one('meta[property="og:description"]')["content"] == "About cramps."
    assert soup.select_one('meta[name="twitter:card"]')["content"] == "summary"
    assert not soup.select_one('meta[name="robots"]')


def test_structured_data_claims_no_review_before_a_clinician_has_reviewed(client, make_article):
    article = make_article(signed_off=False)

    soup = parse(client.get(article.get_absolute_url()))

    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert "reviewedBy" not in data and "lastReviewed" not in data
