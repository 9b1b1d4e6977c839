"""docs/clinical-safety.md shows the rules as they ship."""

from pathlib import Path

from triage.data_files import rules_table

DOC = Path(__file__).resolve().parents[2] / "docs" / "clinical-safety.md"


def test_the_rules_table_in_the_docs_matches_the_rules_file():
    assert rules_table() in DOC.read_text(encoding="utf-8")


def test_the_rules_table_has_a_row_for_every_rule():
    rows = [line for line in rules_table().splitlines() if line.startswith("| ")][1:]

    assert len(rows) == 69
    assert rows[0].startswith("| E1 | chest_pain_or_breathless = yes | emergency |")
    assert "| U8 | medicines has statin; triggers has none; frequency in weekly, most_days |" in (
        "\n".join(rows)
    )
    assert "| U12 | pregnant = yes_warning_signs | urgent | pregnancy |" in "\n".join(rows)
    assert not [row for row in rows if row.startswith("| S17 |")]
