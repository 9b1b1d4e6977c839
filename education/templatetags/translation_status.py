"""The admin front page's list of translations whose English page changed since."""

from django import template

from education.models import Article, SitePage

register = template.Library()


@register.simple_tag
def translations_out_of_date():
    """Translated pages whose English page was approved with changes after them."""
    return [
        page
        for model in (Article, SitePage)
        for page in model.objects.filter(translation_out_of_date=True).select_related(
            "translation_of"
        )
    ]
