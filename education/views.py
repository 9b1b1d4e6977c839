from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from education.caching import cached_public_page
from education.models import Article

ARTICLES_PER_PAGE = 20


@require_safe
@cached_public_page
def home(request):
    articles = Article.objects.published().only("title", "slug", "summary")
    return render(request, "education/home.html", {"articles": articles})


@require_safe
@cached_public_page
def article_list(request):
    articles = Article.objects.published().only("title", "slug", "summary")
    page = Paginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "education/article_list.html", {"page": page})


@require_safe
@cached_public_page
def article_detail(request, slug):
    article = _find_article(request, slug)
    response = render(request, "education/article_detail.html", {"article": article})
    if not article.is_public:
        # A preview is for the editor who asked, never for a shared cache.
        add_never_cache_headers(response)
    return response


def _find_article(request, slug):
    """Readers see published articles only; staff may preview drafts and scheduled ones."""
    visible = Article.objects.all() if request.user.is_staff else Article.objects.published()
    related = Prefetch(
        "related", queryset=Article.objects.published().only("title", "slug", "summary")
    )
    try:
        return visible.prefetch_related("sources", related).get(slug=slug)
    except Article.DoesNotExist:
        raise Http404("No article found at this address.") from None
