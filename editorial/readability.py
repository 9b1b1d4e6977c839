"""How hard a page is to read, from the text a reader sees: warnings for editors, not rules.

The grade is Flesch-Kincaid's (textstat); long sentences and hard words are listed with
where to look. The hard words and their plain alternatives are in data/plain_words.yaml,
which editors extend.
"""

import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import textstat
import yaml

LONG_SENTENCE_WORDS = 25
# Grade 8 or below is what plain-language guidance for health information asks for.
TARGET_GRADE = 8
PLAIN_WORDS_FILE = Path(__file__).resolve().parent / "data" / "plain_words.yaml"
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "caption"}
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


class _TextBlocks(HTMLParser):
    """The text of each paragraph, heading, list item or table cell, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self._current = [], []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self._close_block()

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self._close_block()

    def handle_data(self, data):
        self._current.append(data)

    def close(self):
        super().close()
        self._close_block()
        return self.blocks

    def _close_block(self):
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append(text)
        self._current = []


def text_blocks(html):
    parser = _TextBlocks()
    parser.feed(str(html))
    return parser.close()


def sentences(blocks):
    return [sentence for block in blocks for sentence in SENTENCE_END.split(block) if sentence]


@dataclass
class Readability:
    grade: float
    long_sentences: list  # (number of words, sentence)
    hard_words: list  # (word as found, plain alternative)

    @property
    def grade_too_high(self):
        return self.grade > TARGET_GRADE


def readability(html):
    found = sentences(text_blocks(html))
    # A heading or list item without a full stop is a sentence of its own.
    text = " ".join(s if s[-1] in ".!?" else f"{s}." for s in found)
    long_ones = [(len(s.split()), s) for s in found if len(s.split()) > LONG_SENTENCE_WORDS]
    return Readability(
        grade=round(textstat.flesch_kincaid_grade(text), 1) if text else 0.0,
        long_sentences=long_ones,
        hard_words=hard_words(text),
    )


def hard_words(text):
    return [
        (match.group(0), plain)
        for pattern, plain in _hard_word_patterns()
        if (match := pattern.search(text))
    ]


@cache
def _hard_word_patterns():
    entries = yaml.safe_load(PLAIN_WORDS_FILE.read_text(encoding="utf-8"))
    return [
        (re.compile(rf"\b{re.escape(word)}(s|es)?\b", re.IGNORECASE), plain)
        for word, plain in entries.items()
    ]
