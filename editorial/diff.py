"""What a reader will see change: a word-level comparison of two versions' rendered text."""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from editorial.readability import text_blocks

PARAGRAPH = "¶"  # keeps paragraph breaks as a token, so they show where text moved
# Unchanged words kept either side of a change; longer unchanged stretches are cut to "…".
CONTEXT_WORDS = 15
GAP = "…"


@dataclass
class Change:
    kind: str  # "same", "added" or "removed"
    text: str


def word_diff(old_html, new_html):
    old, new = _words(old_html), _words(new_html)
    changes = []
    matcher = SequenceMatcher(a=old, b=new, autojunk=False)
    for op, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if op == "equal":
            first, last = old_start == 0, old_end == len(old)
            changes.append(Change("same", _joined(_trimmed(old[old_start:old_end], first, last))))
            continue
        if old_end > old_start:
            changes.append(Change("removed", _joined(old[old_start:old_end])))
        if new_end > new_start:
            changes.append(Change("added", _joined(new[new_start:new_end])))
    return changes


def _trimmed(words, first, last):
    """An unchanged stretch, cut to the words next to the changes around it."""
    before = [] if first else words[:CONTEXT_WORDS]  # follows a change
    after = [] if last else words[-CONTEXT_WORDS:]  # leads to a change
    if len(before) + len(after) >= len(words):
        return words
    return [*before, GAP, *after]


def _words(html):
    words = []
    for block in text_blocks(html):
        words.extend([*block.split(), PARAGRAPH])
    return words


def _joined(words):
    return re.sub(f" ?{PARAGRAPH} ?", "\n\n", " ".join(words))
