"""What tests share: the checker's answers, the questionnaire's pages, admin forms, the live
site, pictures and editorial steps. Tests import from here, never from another test module
or from a conftest."""

from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
