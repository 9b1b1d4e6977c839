"""What tests share: the checker's answers, the questionnaire's pages, admin forms, pictures
and editorial steps. Tests import from here (and the live site from bench/live_site.py, which the
benchmark shares), never from another test module or from a conftest."""

from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
