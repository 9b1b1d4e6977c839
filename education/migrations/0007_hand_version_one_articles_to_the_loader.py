"""Older databases hold the four version 1 articles that 0002 once made.

Each one still exactly as 0002 made it (its body unchanged) is marked as loaded, so that
`load_content` replaces it with the corrected version; an article an editor has changed is
left for the editor. Version 1 also named a clinical reviewer who does not exist: that name
is removed, so the pages say they have not yet been reviewed by a clinician.

Reversing unmarks those articles. It cannot give back the reviewer's name, and must not.
"""

import hashlib

from django.db import migrations

from education.shipped_content import article_fields, fingerprint

# SHA-256 of each version 1 article's body as 0002 wrote it.
VERSION_ONE_BODIES = {
    "inner-thigh-cramps": "3fb9b804cc8588f224a0f359fe5eea344ffafd8699087b1aa20bc9534f77e464",
    "common-causes-of-inner-thigh-cramps": (
        "c669b2aea786f071abf413f2dc95453a60feb27b269a5dcc74bfd4cfd293c578"
    ),
    "medical-causes-of-inner-thigh-cramps": (
        "735f1d27f840a33ff2441388391cd4362faeeb964590c00362068368c9afaa90"
    ),
    "ease-and-prevent-inner-thigh-cramps": (
        "b266c84683dfedebf5587ff559c9784a546b3ab0eb1329ca744a1c1039d6dadc"
    ),
}
# SHA-256 of the invented reviewer's name and role, so that the name itself ships nowhere.
INVENTED_REVIEWER = "53296fbd34b1d78f1ee26f1c528dfaa19453d60a5e3d75c6e5744e7d8ec17537"


def sha256(text):
    return hashlib.sha256(text.encode()).hexdigest()


def unchanged_version_one_articles(Article):
    for article in Article.objects.filter(slug__in=VERSION_ONE_BODIES):
        if sha256(article.body) == VERSION_ONE_BODIES[article.slug]:
            yield article


def hand_over(apps, schema_editor):
    Article = apps.get_model("education", "Article")
    named = Article.objects.exclude(reviewed_by="").values_list("pk", "reviewed_by")
    invented = [pk for pk, reviewer in named if sha256(reviewer) == INVENTED_REVIEWER]
    Article.objects.filter(pk__in=invented).update(reviewed_by="")
    for article in unchanged_version_one_articles(Article):
        article.content_hash = fingerprint(article_fields(article))
        article.save(update_fields=["content_hash"])


def take_back(apps, schema_editor):
    Article = apps.get_model("education", "Article")
    for article in unchanged_version_one_articles(Article):
        article.content_hash = ""
        article.save(update_fields=["content_hash"])


class Migration(migrations.Migration):
    dependencies = [("education", "0006_site_pages_and_content_files")]

    operations = [migrations.RunPython(hand_over, take_back)]
