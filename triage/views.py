"""The questionnaire's pages. Answers so far live in the (database-backed) session, so any
app server can take any request; results are stored and shown at an unguessable address."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from common.site_url import absolute_url
from education.languages import ENGLISH, SPANISH, Alternate, other_language
from triage import engine, snapshot_rows
from triage.advice_drawings import drawing_places
from triage.forms import QuestionPageForm
from triage.models import Result, advice_lines, with_emergency_number
from triage.questionnaire import Questionnaire

SESSION_KEY = "triage_answers"
LAST_RESULT_KEY = "triage_last_result"  # the result just shown, for the browser's Back button
RELEASE_KEY = "triage_release"  # the number of the release the answers so far were given under
CHANGE = "change"


def answers_so_far(request):
    """The answers kept in the session; anything that is not a mapping counts as none."""
    answers = request.session.get(SESSION_KEY)
    return answers if isinstance(answers, dict) else {}


def answers_back_from_result(request):
    """Going Back from a result finds its answers again, and the result they gave.

    Showing a result forgets the answers, so a page reached afterwards starts clean; only
    Back, to a question page or Check your answers on this device, takes up the result's
    answers again. Returns the result, or None when there is none to go back to.
    """
    token = request.session.get(LAST_RESULT_KEY)
    if answers_so_far(request) or not isinstance(token, str):
        return None
    last = Result.objects.filter(token=token).first()
    request.session.pop(LAST_RESULT_KEY, None)
    if last is not None:
        _take_up(request, last.answers)
    return last


def _take_up(request, answers):
    """Answers given before go on under the release published now."""
    request.session[SESSION_KEY] = answers
    request.session.pop(RELEASE_KEY, None)


def journey_questionnaire(request):
    """The release a journey is judged by: the one its first answer was given under, to the
    end, even when another is published meanwhile (docs/clinical-safety.md, "Releases")."""
    number = request.session.get(RELEASE_KEY)
    if answers_so_far(request) and isinstance(number, int):
        return Questionnaire.of_number(number)
    return Questionnaire.published()


@require_safe
def start(request):
    # Starting is not going Back: the last result's answers stay forgotten from here on.
    request.session.pop(LAST_RESULT_KEY, None)
    questionnaire = Questionnaire.published()
    english = _in_english_instead(questionnaire, _start_address)
    if english is not None:
        return english
    pages = questionnaire.pages
    context = {
        "first_page": pages[0] if pages else None,
        "alternates": alternates(questionnaire, _start_address),
    }
    return render(request, "triage/start.html", context)


def _start_address():
    return reverse("triage:start")


def _in_english_instead(questionnaire, address):
    """A Spanish page of a release without Spanish texts (one from before the checker was in
    Spanish) is the English page: readers never get half of each language."""
    if questionnaire.language == ENGLISH or questionnaire.has_spanish:
        return None
    with translation.override(ENGLISH):
        return redirect(address())


def alternates(questionnaire, address):
    """The page in each language its release has (docs/languages.md): `address()` is asked
    for the page's address under each language in turn."""
    found = []
    for language in (ENGLISH, SPANISH) if questionnaire.has_spanish else (ENGLISH,):
        with translation.override(language):
            found.append(Alternate(language, absolute_url(address())))
    return found


def _page_alternates(questionnaire, page):
    slugs = questionnaire.page_slugs.get(page.number, {})
    return alternates(
        questionnaire,
        lambda: reverse("triage:page", args=[slugs.get(translation.get_language(), page.slug)]),
    )


@require_http_methods(["GET", "POST"])
def question_page(request, slug):
    questionnaire = journey_questionnaire(request)
    page = questionnaire.page(slug)
    if page is None:
        raise Http404("No such question page.")
    english_slug = questionnaire.page_slugs[page.number]["en"]
    english = _in_english_instead(
        questionnaire, lambda: reverse("triage:page", args=[english_slug])
    )
    if english is not None:
        return english
    last_result = answers_back_from_result(request) if request.method == "GET" else None
    answers = answers_so_far(request)
    progress = questionnaire.progress(answers)
    if _is_ahead_of(page, progress):
        return redirect(progress.next_page or "triage:check_answers")

    changing = CHANGE in request.GET
    data = request.POST if request.method == "POST" else None
    form = QuestionPageForm(
        page.questions.all(), questionnaire.rulebook, progress.answers, data, initial=answers
    )
    if request.method == "POST" and form.is_valid():
        given, answers = answers, {**answers, **form.cleaned_data}
        if answers != given:  # Continue on a page already answered saves nothing new
            request.session[SESSION_KEY] = answers
            request.session[RELEASE_KEY] = questionnaire.release.number
        return _after_page(request, questionnaire, page, answers, changing)
    back = reverse("triage:check_answers") if changing else _previous_url(questionnaire, page)
    context = {
        "page": page,
        "form": form,
        "form_html": questionnaire.form_html(form, page),
        "back_url": back,
        "pages": questionnaire.pages,
        "last_result": last_result,
        "alternates": _page_alternates(questionnaire, page),
    }
    return render(request, "triage/question_page.html", context, status=400 if form.errors else 200)


def _is_ahead_of(page, progress):
    """Asking for a page the answers so far do not reach, or that an emergency cut short."""
    if progress.next_page is not None:
        return page.number > progress.next_page.number
    return progress.stopped_early and not progress.covers(page)


def _after_page(request, questionnaire, page, answers, changing):
    progress = questionnaire.progress(answers)
    if progress.stopped_early:
        return _finish(request, questionnaire, progress)
    following = questionnaire.following(page)
    if changing or following is None:
        return redirect(progress.next_page or "triage:check_answers")
    return redirect(following)


def _previous_url(questionnaire, page):
    previous = questionnaire.preceding(page)
    return previous.get_absolute_url() if previous else reverse("triage:start")


def _finish(request, questionnaire, progress):
    """Store the result, and forget the answers: the next person on this device starts clean
    (only the browser's Back takes them up again, see answers_back_from_result)."""
    result = Result.objects.record(
        questionnaire.rulebook,
        progress.answers,
        questionnaire.release,
        language=translation.get_language(),
    )
    request.session.pop(SESSION_KEY, None)
    request.session.pop(RELEASE_KEY, None)
    request.session[LAST_RESULT_KEY] = result.token
    return redirect(result)


@require_http_methods(["GET", "POST"])
def check_answers(request):
    questionnaire = journey_questionnaire(request)
    english = _in_english_instead(questionnaire, lambda: reverse("triage:check_answers"))
    if english is not None:
        return english
    last_result = answers_back_from_result(request) if request.method == "GET" else None
    progress = questionnaire.progress(answers_so_far(request))
    if not progress.complete:
        return redirect(progress.next_page)
    if request.method == "POST":
        return _finish(request, questionnaire, progress)
    summary = [
        {"page": page, "rows": _summary_rows(list(page.questions.all()), progress.answers)}
        for page in questionnaire.pages
        if progress.covers(page)
    ]
    context = {
        "summary": summary,
        "last_result": last_result,
        "alternates": alternates(questionnaire, lambda: reverse("triage:check_answers")),
    }
    return render(request, "triage/check_answers.html", context)


def _summary_rows(questions, answers):
    """Each answer in words, in the order the questions are asked."""
    rows = []
    for question in questions:
        labels = {
            choice.value: with_emergency_number(choice.label) for choice in question.choices.all()
        }
        text = with_emergency_number(question.text)
        rows.append(_row(question.key, text, answers.get(question.key), labels))
    return [row for row in rows if row["answers"]]


def _rows_no_longer_asked(questions, answers):
    """An older result's answers to questions that are gone, as they were given."""
    asked = {question.key for question in questions}
    return [
        _row(key, key.replace("_", " ").capitalize(), value, {})
        for key, value in answers.items()
        if key not in asked
    ]


def _row(key, text, answer, labels):
    chosen = answer if isinstance(answer, list) else [answer] if answer else []
    return {"key": key, "text": text, "answers": [labels.get(v, str(v)) for v in chosen]}


@require_safe
def result(request, token):
    results = Result.objects.select_related("release").defer("release__snapshot")
    result = get_object_or_404(results, token=token)
    # A result shows the texts of the release that made it; one from before releases, today's.
    if result.release is None:
        questionnaire = Questionnaire.published()
    else:
        questionnaire = Questionnaire.of_release(result.release)
    english = _in_english_instead(questionnaire, lambda: result.url_in(ENGLISH))
    if english is not None:
        return english
    level = questionnaire.levels.get(result.level)
    if level is None:
        raise Http404("This result's level no longer exists.")
    factors, steps = questionnaire.factors, questionnaire.advice_steps
    reasons, other_reasons = (_shown(group, questionnaire) for group in result.reason_groups())
    action = advice_lines(with_emergency_number(_action_shown(result, questionnaire)))
    questions = [q for q in questionnaire.questions if q.key in result.answers]
    context = {
        "result": result,
        "level": level,
        # A rule's action (labor and delivery, say) replaces the level's own words.
        "headline": action[0] if action else level.headline_text(),
        "card_lines": action[1:] if action else level.advice_lines(),
        "is_emergency": level.key == engine.EMERGENCY,
        "urgent_texts": level.key == engine.URGENT,
        "reasons": reasons,
        "other_reasons": other_reasons,
        "factors": snapshot_rows.with_articles(
            [factors[key] for key in result.factors if key in factors],
            questionnaire.release.snapshot,
            questionnaire.language,
        ),
        "advice_sections": _advice_sections(
            # Article sections, which change apart from releases: read for each result.
            [steps[k] for k in result.advice if k in steps],
            drawing_places(),
        ),
        "answers": _summary_rows(questions, result.answers)
        + _rows_no_longer_asked(questions, result.answers),
        "older_rules": result.release is None,
        **_result_languages(result, questionnaire),
    }
    return render(request, "triage/result.html", context)


def _result_languages(result, questionnaire):
    """The result's hreflang links and the link to it in the other language, where its
    release has the other language's texts."""
    links = {
        "alternates": alternates(questionnaire, lambda: result.url_in(translation.get_language()))
    }
    if questionnaire.has_spanish:
        links["other_language_url"] = result.url_in(other_language(questionnaire.language))
    return links


def _shown(fired_rules, questionnaire):
    """Stored reasons as the page shows them, with today's emergency number. A result keeps
    its reasons in English; in another language they are its release's words for its rules."""
    english = questionnaire.language == ENGLISH
    return [
        {**rule, "reason": with_emergency_number(_reason(rule, questionnaire, english))}
        for rule in fired_rules
    ]


def _reason(rule, questionnaire, english):
    return rule["reason"] if english else questionnaire.reasons.get(rule["code"], rule["reason"])


def _action_shown(result, questionnaire):
    """The care card's stored action, in the page's language: the Spanish of the rule whose
    action the card shows, found among the result's fired rules as the engine finds it (two
    rules may share English words but not their Spanish), else the release's words for it."""
    if questionnaire.language == ENGLISH:
        return result.action
    rules = {rule.code: rule for rule in questionnaire.rulebook.rules}
    fired = [rules[rule["code"]] for rule in result.fired_rules if rule["code"] in rules]
    winner = engine.winning_action_rule(fired, result.level)
    if winner is not None and winner.action == result.action and winner.action_es:
        return winner.action_es
    return questionnaire.actions.get(result.action, result.action)


def _advice_sections(steps, drawing_places):
    """The steps shown, under their section headings, in the order they were stored, with
    a link to their drawings where there are some."""
    sections = {}
    for step in steps:
        shown = {
            "key": step.key,
            "text": step.text_shown(),
            "drawings": drawing_places.get(step.key),
        }
        sections.setdefault(step.get_section_display(), []).append(shown)
    return sections.items()


@require_POST
def change_answers(request, token):
    """Pick up a stored result's answers to change them (also from another device)."""
    result = get_object_or_404(Result, token=token)
    _take_up(request, result.answers)
    return redirect("triage:check_answers")


@require_POST
def start_again(request):
    request.session.pop(SESSION_KEY, None)
    request.session.pop(LAST_RESULT_KEY, None)
    request.session.pop(RELEASE_KEY, None)
    return redirect("triage:start")
