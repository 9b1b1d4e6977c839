"""{% per_version "name" value ... %}...{% endper_version %}: a part of a page rendered once
per content version in each process (cramps_site/page_cache.per_version), then reused.

Like Django's {% cache %}, but in the process's memory and as fresh as the stored pages: any
change to the content renders it afresh. The values after the name say which copy to use
(an article's id, say). Only wrap what is the same for every request with those values:
never the user, a CSRF token, messages or anything that changes with the time of day.
"""

from django import template

from cramps_site.page_cache import per_version

register = template.Library()


class PerVersionNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context):
        values = [str(value.resolve(context)) for value in self.vary_on]
        key = ":".join(["fragment", self.name, *values])
        return per_version(key, lambda: self.nodelist.render(context))


@register.tag("per_version")
def per_version_tag(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(
            f'{bits[0]} needs a quoted name first, e.g. {{% {bits[0]} "article" article.pk %}}'
        )
    nodelist = parser.parse(("endper_version",))
    parser.delete_first_token()
    vary_on = [parser.compile_filter(bit) for bit in bits[2:]]
    return PerVersionNode(nodelist, bits[1][1:-1], vary_on)
