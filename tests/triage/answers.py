"""Answer sets for triage tests, in the spec's keys and values."""

PAGE_1_ALL_NO = {
    "chest_pain_or_breathless": "no",
    "leg_cold_pale": "no",
    "saddle_numbness": "no",
}

# A complete answer set on which no rule fires.
NOTHING_OF_NOTE = {
    **PAGE_1_ALL_NO,
    "duration": "today",
    "frequency": "once",
    "severity": "mild",
    "walking_pain_eases_with_rest": "no",
    "one_leg_swollen": "no",
    "swelling": "no",
    "numbness": "no",
    "leg_weakness": "no",
    "back_pain_spreading": "no",
    "dark_urine": "no",
    "injury": "no",
    "triggers": ["none"],
    "medicines": ["none"],
    "conditions": ["none"],
}

PAGES = {
    "serious-symptoms": ["chest_pain_or_breathless", "leg_cold_pale", "saddle_numbness"],
    "about-your-cramps": ["duration", "frequency", "severity", "walking_pain_eases_with_rest"],
    "other-symptoms": [
        "one_leg_swollen",
        "swelling",
        "numbness",
        "leg_weakness",
        "back_pain_spreading",
        "dark_urine",
        "injury",
    ],
    "triggers": ["triggers", "medicines", "conditions"],
}


def with_changes(**changes):
    return {**NOTHING_OF_NOTE, **changes}
