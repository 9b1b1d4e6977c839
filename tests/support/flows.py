"""Fill in the questionnaire through its real pages, as a browser without JavaScript would."""

from tests.support.answers import PAGES, SPANISH_SLUGS

FIRST_PAGE = "/triage/serious-symptoms/"
CHECK_ANSWERS = "/triage/check-your-answers/"
# The checker in Spanish (docs/languages.md): Spanish address words and page slugs.
SPANISH_START = "/es/evaluador/"
SPANISH_CHECK_ANSWERS = "/es/evaluador/revisar-respuestas/"


def page_url(slug, language="en"):
    """A question page's address, by its English slug, in either language."""
    if language == "es":
        return f"{SPANISH_START}{SPANISH_SLUGS[slug]}/"
    return f"/triage/{slug}/"


def walk_pages(client, answers, language="en"):
    """Post each page's answers in turn, following redirects; returns the last response and
    the pages posted (their English slugs).

    Stops where the site stops asking (an emergency) or at Check your answers.
    """
    response = client.get(page_url(next(iter(PAGES)), language))
    posted = []
    for slug, keys in PAGES.items():
        if response.request["PATH_INFO"] != page_url(slug, language):
            break
        data = {key: answers[key] for key in keys if key in answers}
        response = client.post(page_url(slug, language), data, follow=True)
        posted.append(slug)
    return response, posted


def answer_pages(client, answers):
    return walk_pages(client, answers)[0]


def complete_questionnaire(client, answers):
    """Answer every page the site asks for and confirm; returns the result page response."""
    return confirm(*walk_pages(client, answers))[0]


def confirm(response, posted):
    """Press "Confirm" on Check your answers, if that is where the pages ended."""
    for address in (CHECK_ANSWERS, SPANISH_CHECK_ANSWERS):
        if response.request["PATH_INFO"] == address:
            response = response.client.post(address, follow=True)
    return response, posted
