"""Signals other apps may listen to (education never imports them)."""

from django.dispatch import Signal

# Sent by `load_content` once the shipped articles are in the database: the symptom checker
# links its advice blocks to article sections then, since articles arrive after migrations.
content_loaded = Signal()
