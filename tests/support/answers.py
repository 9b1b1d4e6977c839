"""Answer sets for triage tests, in the checker's keys and values (docs/clinical-safety.md)."""

import json

from bench.live_site import PAGES
from tests.support import REPOSITORY

DATA = REPOSITORY / "triage" / "data"


def read_questionnaire():
    return json.loads((DATA / "questionnaire.json").read_text())


# {English page slug: its Spanish slug}
SPANISH_SLUGS = {page["slug"]: page["slug_es"] for page in read_questionnaire()["pages"]}

PAGE_1_ALL_NO = dict.fromkeys(PAGES["serious-symptoms"], "no")

# A complete answer set on which no rule fires.
NOTHING_OF_NOTE = {
    **PAGE_1_ALL_NO,
    "age_band": "16_to_59",
    "pregnant": "no",
    "duration": "days",
    "frequency": "sometimes",
    "wakes_at_night": "no",
    "pain_stays": "no",
    "cramp_length": "minutes",
    "circulation_pain": "no",
    "leg_swelling": "no",
    "numbness": "no",
    "leg_weakness": "no",
    "back_pain_spreading": "no",
    "dark_urine": "no",
    "injury": "no",
    "cannot_bear_weight": "no",
    "groin_lump": "no",
    "clot_risk": "no",
    "fever": "no",
    "electrolyte_signs": "no",
    "triggers": ["none"],
    "medicines": ["none"],
    "conditions": ["none"],
}


# The advice keys (docs/clinical-safety.md), in the order a result page shows them: relief first,
# then prevention. A self-care or "soon" result with no factor shows every one.
RELIEF_STEPS = ("stretch", "massage", "roller", "heat", "cold_after")
PREVENTION_STEPS = (
    "drink_regularly",
    "mineral_foods",
    "warm_up_cool_down",
    "stretch_daily",
    "build_up_slowly",
)
EVERY_SELF_CARE_STEP = RELIEF_STEPS + PREVENTION_STEPS


def with_changes(**changes):
    return {**NOTHING_OF_NOTE, **changes}


def shipped_cases():
    """Every safety case the project ships, as the JSON objects of its data files."""
    names = ["spec_examples.json", "safety_cases.json"]
    return [case for name in names for case in json.loads((DATA / name).read_text())]
