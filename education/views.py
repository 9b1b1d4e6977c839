from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.crypto import salted_hmac
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from common.client_address import client_address
from common.site_url import absolute_url
from education.caching import reading_page
from education.forms import FeedbackForm, SearchForm
from education.languages import page_alternates
from education.models import Article, SitePage
from education.search import MAX_QUERY_LENGTH, search_articles, search_terms

ARTICLES_PER_PAGE = 20
HOME_ARTICLES = 10  # the rest are a click away on the article list


@require_safe
@reading_page
def home(request):
    articles = list(
        Article.objects.in_active_language()
        .published()
        .only("title", "slug", "summary", "group", "language")[: HOME_ARTICLES + 1]
    )
    context = {
        "groups": _by_group(articles[:HOME_ARTICLES]),
        "more": len(articles) > HOME_ARTICLES,
    }
    return render(request, "education/home.html", context)


def _by_group(articles):
    """[(group label, its articles)] in the groups' own order, leaving out empty ones."""
    groups = [
        (label, [article for article in articles if article.group == value])
        for value, label in Article.Group.choices
    ]
    return [(label, members) for label, members in groups if members]


@require_safe
@reading_page(paginated=True)
def article_list(request):
    articles = (
        Article.objects.in_active_language()
        .published()
        .only("title", "slug", "summary", "language")
    )
    asked_for = request.GET.get("page")
    page = Paginator(articles, ARTICLES_PER_PAGE).get_page(asked_for)
    if asked_for is not None and asked_for != str(page.number):
        # A junk or out-of-range number goes to the nearest real page, at its own address.
        return redirect(f"{reverse('education:article_list')}?page={page.number}")
    return render(request, "education/article_list.html", {"page": page})


@require_safe
@reading_page
def article_detail(request, slug):
    found = _find_article(request, slug)
    article = found["article"]
    context = {
        **found,
        "related": [other for other in article.related.all() if other.is_public],
        "feedback_form": FeedbackForm(),
    }
    response = render(request, "education/article_detail.html", context)
    if not article.is_public:
        # A preview is for the editor who asked, never for a shared cache.
        add_never_cache_headers(response)
    return response


def _find_article(request, slug):
    """Readers see published articles only; staff may preview drafts and scheduled ones."""
    found = _article_page(slug)
    if found is None or not (found["article"].is_public or request.user.is_staff):
        raise Http404("No article found at this address.")
    return found


def _article_page(slug):
    """What the article's page shows, or None."""
    # Only the columns the page shows: the Markdown source and the other pages' bodies are
    # long texts, read and turned into objects for nothing.
    related = Prefetch(
        "related",
        queryset=Article.objects.filter(status=Article.Status.PUBLISHED).only(
            "title", "slug", "summary", "status", "publish_at", "language"
        ),
    )
    translations = Prefetch(
        "translations",
        queryset=Article.objects.only(
            "slug", "language", "status", "publish_at", "translation_of"
        ).order_by(),
    )
    articles = (
        Article.objects.in_active_language()
        .select_related("latest_signoff", "translation_of")
        .prefetch_related("sources", related, translations)
        .defer("body", "translation_of__body", "translation_of__body_html")
    )
    article = articles.filter(slug=slug).first()
    if article is None:
        return None
    canonical_url = absolute_url(article.get_absolute_url())
    return {
        "article": article,
        "alternates": page_alternates(article),
        "canonical_url": canonical_url,
        "structured_data": article.structured_data(canonical_url),
    }


@require_safe
@reading_page
def site_page(request, slug):
    page = get_object_or_404(
        SitePage.objects.in_active_language().select_related("translation_of"), slug=slug
    )
    if not (page.is_published or request.user.is_staff):
        raise Http404("No page found at this address.")
    context = {"page": page, "alternates": page_alternates(page)}
    response = render(request, "education/site_page.html", context)
    if not page.is_published:
        add_never_cache_headers(response)  # a preview, for the editor who asked
    return response


@require_safe
def search(request):
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH].strip()
    context = {
        "query": query,
        "search_form": SearchForm(initial={"q": query}),
        "searched": bool(search_terms(query)),
        "hits": search_articles(query),
    }
    response = render(request, "education/search.html", context)
    # The page repeats what someone looked up about their health: like the questionnaire's
    # pages, it stays out of a shared device's browser cache, and out of any shared cache,
    # which an endless set of addresses would only fill.
    add_never_cache_headers(response)
    return response


FEEDBACK_PER_HOUR = 10


def _feedback_allowed(request):
    """A few answers an hour from one address; the address is hashed and kept only in the
    cache for that hour, never stored. With the shared cache unreachable the count is lost
    and answers are let through: what a reader wrote is kept rather than refused."""
    address = client_address(request)
    hour = timezone.now().strftime("%Y%m%d%H")
    digest = salted_hmac("feedback-rate", f"{address}{hour}").hexdigest()
    key = f"feedback-rate:{digest}"
    cache.add(key, 0, timeout=60 * 60)
    try:
        return cache.incr(key) <= FEEDBACK_PER_HOUR
    except ValueError:  # evicted between add and incr
        return True


# Anonymous and not tied to any account, so a forged post can do no more than a real one; a
# CSRF token would put a cookie on every article page and stop them being cached.
@csrf_exempt
@require_POST
def article_feedback(request, slug):
    article = get_object_or_404(Article.objects.in_active_language().published(), slug=slug)
    if not _feedback_allowed(request):
        return render(request, "education/feedback_limit.html", {"article": article}, status=429)
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        context = {"article": article, "feedback_form": form}
        return render(request, "education/feedback.html", context, status=400)
    form.save(article)
    return redirect("education:feedback_thanks", slug=article.slug)


@require_safe
def feedback_thanks(request, slug):
    article = get_object_or_404(
        Article.objects.in_active_language().published().only("title", "slug"), slug=slug
    )
    return render(request, "education/feedback_thanks.html", {"article": article})
