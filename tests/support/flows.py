"""Fill in the questionnaire through its real pages, as a browser without JavaScript would."""

from tests.support.answers import PAGES

FIRST_PAGE = "/triage/serious-symptoms/"
CHECK_ANSWERS = "/triage/check-your-answers/"


def page_url(slug):
    return f"/triage/{slug}/"


def walk_pages(client, answers):
    """Post each page's answers in turn, following redirects; returns the last response and
    the pages posted.

    Stops where the site stops asking (an emergency) or at Check your answers.
    """
    response = client.get(FIRST_PAGE)
    posted = []
    for slug, keys in PAGES.items():
        if response.request["PATH_INFO"] != page_url(slug):
            break
        data = {key: answers[key] for key in keys if key in answers}
        response = client.post(page_url(slug), data, follow=True)
        posted.append(slug)
    return response, posted


def answer_pages(client, answers):
    return walk_pages(client, answers)[0]


def complete_questionnaire(client, answers):
    """Answer every page the site asks for and confirm; returns the result page response."""
    return confirm(*walk_pages(client, answers))[0]


def confirm(response, posted):
    """Press "Confirm" on Check your answers, if that is where the pages ended."""
    if response.request["PATH_INFO"] == CHECK_ANSWERS:
        response = response.client.post(CHECK_ANSWERS, follow=True)
    return response, posted
