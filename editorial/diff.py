"""What a reader will see change: a word-level comparison of two versions' rendered text."""

from dataclasses import dataclass
from difflib import SequenceMatcher

from editorial.readability import text_blocks

PARAGRAPH = "¶"  # keeps paragraph breaks as a token, so they show where text moved


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
            changes.append(Change("same", _joined(old[old_start:old_end])))
            continue
        if old_end > old_start:
            changes.append(Change("removed", _joined(old[old_start:old_end])))
        if new_end > new_start:
            changes.append(Change("added", _joined(new[new_start:new_end])))
    return changes


def _words(html):
    words = []
    for block in text_blocks(html):
        words.extend([*block.split(), PARAGRAPH])
    return words


def _joined(words):
    return " ".join(words).replace(f" {PARAGRAPH} ", "\n\n").replace(PARAGRAPH, "\n\n").strip(" ")
