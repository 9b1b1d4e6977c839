from django import template

from education.models import Article

register = template.Library()


@register.simple_tag
def reviews_due():
    """Articles whose clinical review is overdue or falls due soon, soonest first."""
    return (
        Article.objects.review_due_soon()
        .order_by("next_review_due")
        .only("title", "next_review_due")
    )
