"""Fill in the questionnaire through its real pages, as a browser without JavaScript would."""

from tests.triage.answers import PAGES

FIRST_PAGE = "/triage/serious-symptoms/"
CHECK_ANSWERS = "/triage/check-your-answers/"


def page_url(slug):
    return f"/triage/{slug}/"


def answer_pages(client, answers):
    """Post each page's answers in turn, following redirects; returns the last response.

    Stops where the site stops asking (an emergency after page 1) or at Check your answers.
    """
    response = client.get(FIRST_PAGE)
    for slug, keys in PAGES.items():
        if response.request["PATH_INFO"] != page_url(slug):
            break
        data = {key: answers[key] for key in keys if key in answers}
        response = client.post(page_url(slug), data, follow=True)
    return response


def complete_questionnaire(client, answers):
    """Answer every page the site asks for and confirm; returns the result page response."""
    response = answer_pages(client, answers)
    if response.request["PATH_INFO"] == CHECK_ANSWERS:
        response = client.post(CHECK_ANSWERS, follow=True)
    return response
