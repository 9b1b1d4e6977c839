"""The review's word diff: what readers will see change, and little else."""

from editorial.diff import Change, word_diff


def test_a_changed_word_shows_as_removed_then_added():
    changes = word_diff("<p>Drink some water.</p>", "<p>Drink plenty of water.</p>")

    assert [(c.kind, c.text.strip()) for c in changes] == [
        ("same", "Drink"),
        ("removed", "some"),
        ("added", "plenty of"),
        ("same", "water."),
    ]


def test_long_unchanged_text_is_cut_to_the_words_around_the_change():
    words = " ".join(f"word{n}" for n in range(100))
    changes = word_diff(f"<p>{words} old</p><p>{words}</p>", f"<p>{words} new</p><p>{words}</p>")

    lead, after = changes[0].text.split(), changes[-1].text.split()
    assert lead == ["…", *(f"word{n}" for n in range(85, 100))]
    assert after[0] == "word0" and after[-1] == "…" and "word50" not in after
    assert Change("removed", "old") in changes and Change("added", "new") in changes


def test_identical_versions_show_no_change():
    assert {c.kind for c in word_diff("<p>Same.</p>", "<p>Same.</p>")} == {"same"}
