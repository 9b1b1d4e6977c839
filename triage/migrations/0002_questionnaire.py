"""Version 1 of the questionnaire (docs/clinical-safety.md) as rows: pages, questions, choices, levels,
factors, rules with their conditions, and the safety cases.

The keys, values, levels and rules are the spec's exactly; the wording is plain language.
Reversing removes every row this migration made.
"""

from django.db import migrations

YES_NO = [("yes", "Yes"), ("no", "No")]
MULTIPLE_ERROR = "Select the ones that apply, or None of these"

PAGES = [
    (1, "serious-symptoms", "Check for serious symptoms first", "Do you have any of these now?"),
    (2, "about-your-cramps", "About your cramps", ""),
    (3, "other-symptoms", "Other symptoms", "Do you have any of these as well as your cramps?"),
    (4, "triggers", "Things that can trigger cramps", ""),
]

# (page, key, kind, question, hint, error message, choices)
QUESTIONS = [
    (
        1,
        "chest_pain_or_breathless",
        "yes_no",
        "Do you have chest pain, sudden shortness of breath, or are you coughing up blood?",
        "",
        "Select yes if you have chest pain, sudden shortness of breath or are coughing up blood",
        YES_NO,
    ),
    (
        1,
        "leg_cold_pale",
        "yes_no",
        "Is your leg suddenly cold, pale or blue, or very painful and hard to move?",
        "",
        "Select yes if your leg is suddenly cold, pale or blue, or very painful and hard to move",
        YES_NO,
    ),
    (
        1,
        "saddle_numbness",
        "yes_no",
        "Do you have numbness around your genitals or bottom, or have you just lost control "
        "of when you pee or poo?",
        "",
        "Select yes if you have numbness around your genitals or bottom, or new loss of "
        "control of your pee or poo",
        YES_NO,
    ),
    (
        2,
        "duration",
        "single",
        "How long have you been getting these cramps?",
        "",
        "Select how long you have been getting cramps",
        [
            ("today", "They started today"),
            ("days", "Less than 2 weeks"),
            ("weeks", "2 weeks to 3 months"),
            ("months", "Longer than 3 months"),
        ],
    ),
    (
        2,
        "frequency",
        "single",
        "How often do you get them?",
        "",
        "Select how often you get cramps",
        [
            ("once", "Just once"),
            ("sometimes", "Sometimes (less than once a week)"),
            ("weekly", "Every week"),
            ("most_days", "Most days or nights"),
        ],
    ),
    (
        2,
        "severity",
        "single",
        "How bad are they?",
        "",
        "Select how bad your cramps are",
        [
            ("mild", "Mild: uncomfortable, but I can carry on"),
            ("moderate", "Moderate: I have to stop until it passes"),
            ("severe", "Severe: very painful, or they keep waking me up"),
        ],
    ),
    (
        2,
        "walking_pain_eases_with_rest",
        "yes_no",
        "Do you get cramping pain in your thigh or leg when you walk, that goes away after a "
        "few minutes of rest?",
        "",
        "Select yes if you get cramping pain when you walk that goes away when you rest",
        YES_NO,
    ),
    (
        3,
        "one_leg_swollen",
        "yes_no",
        "Is one leg swollen, warm, red or sore to touch?",
        "",
        "Select yes if one leg is swollen, warm, red or sore to touch",
        YES_NO,
    ),
    (
        3,
        "swelling",
        "yes_no",
        "Do you have any other swelling in your legs or thighs?",
        "",
        "Select yes if you have any other swelling in your legs or thighs",
        YES_NO,
    ),
    (
        3,
        "numbness",
        "yes_no",
        "Do you have numbness, tingling or pins and needles in your leg?",
        "",
        "Select yes if you have numbness, tingling or pins and needles in your leg",
        YES_NO,
    ),
    (
        3,
        "leg_weakness",
        "yes_no",
        "Does your leg feel weak, or does it give way?",
        "",
        "Select yes if your leg feels weak or gives way",
        YES_NO,
    ),
    (
        3,
        "back_pain_spreading",
        "yes_no",
        "Do you have pain in your back or bottom (buttock) that spreads down your leg?",
        "",
        "Select yes if you have back or buttock pain that spreads down your leg",
        YES_NO,
    ),
    (
        3,
        "dark_urine",
        "yes_no",
        "Is your pee (urine) dark brown or red, like cola or tea?",
        "",
        "Select yes if your pee is dark brown or red",
        YES_NO,
    ),
    (
        3,
        "injury",
        "yes_no",
        "Did the pain start after an injury, a fall, or a sudden pull while moving?",
        "",
        "Select yes if the pain started after an injury, a fall or a sudden pull",
        YES_NO,
    ),
    (
        4,
        "triggers",
        "multiple",
        "Did any of these happen before your cramps?",
        "Select all that apply.",
        MULTIPLE_ERROR,
        [
            ("new_exercise", "I started exercising, or exercised harder or longer than usual"),
            ("no_warmup", "I exercised without warming up or stretching"),
            ("sweating", "I sweated a lot, for example in the heat or in hard exercise"),
            ("low_fluids", "I have not been drinking much"),
            ("none", "None of these"),
        ],
    ),
    (
        4,
        "medicines",
        "multiple",
        "Do you take any of these medicines?",
        "Select all that apply.",
        MULTIPLE_ERROR,
        [
            ("statin", "A statin, for cholesterol (for example atorvastatin or simvastatin)"),
            (
                "diuretic",
                "A water pill, also called a diuretic (for example furosemide or "
                "hydrochlorothiazide)",
            ),
            ("none", "None of these"),
        ],
    ),
    (
        4,
        "conditions",
        "multiple",
        "Do you have any of these health conditions?",
        "Select all that apply.",
        MULTIPLE_ERROR,
        [
            ("diabetes", "Diabetes"),
            ("thyroid", "A thyroid problem"),
            ("kidney", "Kidney disease"),
            ("none", "None of these"),
        ],
    ),
]

# (key, rank, care card, headline, advice: one idea a line)
LEVELS = [
    (
        "emergency",
        4,
        "immediate",
        "Call {EMERGENCY_NUMBER} now",
        "Call now. Do not wait to see if it gets better.\n"
        "Do not drive yourself to hospital.\n"
        "While you wait, sit or lie down and keep as still as you can.\n"
        "If someone is with you, ask them to stay. Unlock the door if you can.\n"
        "Have a list of your medicines ready, if you have one.",
    ),
    (
        "urgent",
        3,
        "urgent",
        "Get medical help today: contact your doctor today or go to urgent care",
        "Contact your doctor today and ask for an urgent appointment.\n"
        "If you cannot see your doctor today, go to an urgent care centre.\n"
        "Show them this page, or tell them your answers.",
    ),
    (
        "soon",
        2,
        "non-urgent",
        "See a doctor soon: book an appointment in the next 1 to 2 weeks",
        "Book an appointment with your doctor for the next 1 to 2 weeks.\n"
        "Take this page with you, or show it on your phone.\n"
        "If things get worse before then, get help sooner.",
    ),
    (
        "self_care",
        1,
        "self-care",
        "You can probably look after this yourself",
        "Your cramps will likely get better with the tips on this page.\n"
        "See a doctor if they keep coming back, get worse, or you get new symptoms.",
    ),
]

CAUSES = "common-causes-of-inner-thigh-cramps"
MEDICAL = "medical-causes-of-inner-thigh-cramps"

# (key, title, advice: one idea a line, article slug, section id)
FACTORS = [
    (
        "fluids_electrolytes",
        "Fluids and minerals",
        "Drink enough through the day, and more when it is hot or you exercise.\n"
        "Sweat takes away minerals your muscles need: potassium, magnesium and calcium.\n"
        "Bananas, avocados and coconut water help put them back.",
        CAUSES,
        "what-are-electrolytes-and-why-do-they-matter",
    ),
    (
        "overuse",
        "Tired, overworked muscles",
        "Build up exercise slowly. Do not jump to much harder or longer sessions.\n"
        "Rest your legs between hard sessions.\n"
        "If a cramp starts while you exercise, stop and gently stretch.",
        CAUSES,
        "how-can-tired-overworked-muscles-cause-cramps",
    ),
    (
        "warm_up",
        "Warming up and stretching",
        "Warm up before you exercise, for example with a gentle walk or jog.\n"
        "Cool down after exercise with stretches you hold still.\n"
        "Stretch your inner thighs on rest days too.",
        CAUSES,
        "why-does-a-poor-warm-up-cause-cramps",
    ),
    (
        "strain",
        "A pulled (strained) muscle",
        "Rest the muscle and avoid the move that hurt it.\n"
        "A cold pack wrapped in a towel can ease the pain.\n"
        "Get medical help today if the pain is very bad.",
        CAUSES,
        "is-it-a-cramp-or-a-pulled-muscle",
    ),
    (
        "nerve",
        "Nerves",
        "A nerve that is pressed or hurt, for example in your back, can cause cramps, "
        "numbness or weakness.\n"
        "A doctor can check your back and the nerves in your leg.",
        MEDICAL,
        "how-can-nerve-problems-cause-cramps",
    ),
    (
        "circulation",
        "Blood flow",
        "Pain when you walk that goes when you rest can be a sign of narrowed arteries "
        "(peripheral artery disease, PAD).\n"
        "A doctor can check the blood flow in your legs.",
        MEDICAL,
        "how-can-poor-blood-flow-cause-cramps",
    ),
    (
        "medication",
        "Medicines",
        "Some medicines, such as statins and water pills (diuretics), can cause cramps.\n"
        "Do not stop a medicine on your own. Ask your doctor or pharmacist first.",
        MEDICAL,
        "can-medicines-cause-cramps",
    ),
    (
        "condition",
        "Health conditions",
        "Diabetes, thyroid problems and kidney disease can cause cramps.\n"
        "Tell your doctor about your cramps. Your treatment may need a check.",
        MEDICAL,
        "which-health-conditions-can-cause-cramps",
    ),
]

YES = ["yes"]
FREQUENT = ["weekly", "most_days"]

# (code, level, factor, reason, [(question, operator, values)]); "is_one_of" tests a single
# answer, "includes_any_of" a multi-choice one (in the rules table: =, in, has, has any).
RULES = [
    ("E1", "emergency", None,
     "Chest pain, sudden shortness of breath or coughing up blood can mean a blood clot has "
     "reached the lungs.",
     [("chest_pain_or_breathless", "is_one_of", YES)]),
    ("E2", "emergency", None,
     "A leg that is suddenly cold, pale or blue, or very painful and hard to move, can mean "
     "the blood supply to the leg is blocked.",
     [("leg_cold_pale", "is_one_of", YES)]),
    ("E3", "emergency", None,
     "Numbness around the genitals or bottom, or new loss of bladder or bowel control, can "
     "mean serious pressure on the nerves at the base of the spine.",
     [("saddle_numbness", "is_one_of", YES)]),
    ("U1", "urgent", None,
     "One leg that is swollen, warm, red or sore can be a sign of a blood clot in the leg "
     "(deep vein thrombosis, DVT).",
     [("one_leg_swollen", "is_one_of", YES)]),
    ("U2", "urgent", None,
     "Dark brown or red pee can mean muscle is breaking down, especially if you take a statin "
     "or have exercised very hard.",
     [("dark_urine", "is_one_of", YES)]),
    ("U3", "urgent", "nerve",
     "A leg that feels weak or gives way can mean a nerve is being pressed or damaged.",
     [("leg_weakness", "is_one_of", YES)]),
    ("U4", "urgent", "strain",
     "Severe pain after an injury should be checked for a torn muscle.",
     [("injury", "is_one_of", YES), ("severity", "is_one_of", ["severe"])]),
    ("S1", "soon", "circulation",
     "Pain when you walk that eases with rest (claudication) can mean narrowed arteries in "
     "the legs (peripheral artery disease, PAD).",
     [("walking_pain_eases_with_rest", "is_one_of", YES)]),
    ("S2", "soon", "nerve",
     "Back or buttock pain that spreads down the leg can come from a trapped nerve in the "
     "back (sciatica).",
     [("back_pain_spreading", "is_one_of", YES)]),
    ("S3", "soon", "nerve",
     "Numbness or tingling can mean a nerve is affected.",
     [("numbness", "is_one_of", YES)]),
    ("S4", "soon", None,
     "Swelling as well as cramps should be checked by a doctor.",
     [("swelling", "is_one_of", YES)]),
    ("S5", "soon", "medication",
     "Statins can cause muscle pain and cramps.",
     [("medicines", "includes_any_of", ["statin"])]),
    ("S6", "soon", "medication",
     "Water pills (diuretics) can upset the balance of fluid and minerals in your body.",
     [("medicines", "includes_any_of", ["diuretic"])]),
    ("S7", "soon", "condition",
     "Diabetes, thyroid problems and kidney disease can cause cramps.",
     [("conditions", "includes_any_of", ["diabetes", "thyroid", "kidney"])]),
    ("S8", "soon", None,
     "Cramps that keep coming back for weeks should be checked.",
     [("duration", "is_one_of", ["weeks", "months"]), ("frequency", "is_one_of", FREQUENT)]),
    ("S9", "soon", None,
     "Severe cramps should be checked by a doctor.",
     [("severity", "is_one_of", ["severe"])]),
    ("S10", "soon", None,
     "Frequent cramps with no clear trigger should be checked.",
     [("triggers", "includes_any_of", ["none"]), ("frequency", "is_one_of", FREQUENT)]),
    ("C1", "self_care", "fluids_electrolytes",
     "Low fluids and lost minerals (potassium, magnesium, calcium) make cramps more likely.",
     [("triggers", "includes_any_of", ["sweating", "low_fluids"])]),
    ("C2", "self_care", "overuse",
     "Tired muscles, worked harder than usual, cramp more easily.",
     [("triggers", "includes_any_of", ["new_exercise"])]),
    ("C3", "self_care", "warm_up",
     "Cold, stiff muscles cramp more easily.",
     [("triggers", "includes_any_of", ["no_warmup"])]),
    ("C4", "self_care", "strain",
     "This may be a strained muscle rather than a cramp.",
     [("injury", "is_one_of", YES)]),
]  # fmt: skip

# The example cases of version 1 of the clinical contract, exactly as given then.
SPEC_EXAMPLE_CASES = [
    {
        "name": "New runner, hot day",
        "answers": {
            "chest_pain_or_breathless": "no",
            "leg_cold_pale": "no",
            "saddle_numbness": "no",
            "duration": "days",
            "frequency": "sometimes",
            "severity": "moderate",
            "walking_pain_eases_with_rest": "no",
            "one_leg_swollen": "no",
            "swelling": "no",
            "numbness": "no",
            "leg_weakness": "no",
            "back_pain_spreading": "no",
            "dark_urine": "no",
            "injury": "no",
            "triggers": ["new_exercise", "sweating"],
            "medicines": ["none"],
            "conditions": ["none"],
        },
        "expected_urgency": "self_care",
        "expected_factors": ["fluids_electrolytes", "overuse"],
    },
    {
        "name": "Chest pain",
        "answers": {
            "chest_pain_or_breathless": "yes",
            "leg_cold_pale": "no",
            "saddle_numbness": "no",
        },
        "expected_urgency": "emergency",
    },
    {
        "name": "Cold pale leg",
        "answers": {
            "chest_pain_or_breathless": "no",
            "leg_cold_pale": "yes",
            "saddle_numbness": "no",
        },
        "expected_urgency": "emergency",
    },
    {
        "name": "Saddle numbness",
        "answers": {
            "chest_pain_or_breathless": "no",
            "leg_cold_pale": "no",
            "saddle_numbness": "yes",
        },
        "expected_urgency": "emergency",
    },
    {
        "name": "One swollen warm leg",
        "answers": {
            "chest_pain_or_breathless": "no",
            "leg_cold_pale": "no",
            "saddle_numbness": "no",
            "duration": "today",
            "frequency": "once",
            "severity": "mild",
            "walking_pain_eases_with_rest": "no",
            "one_leg_swollen": "yes",
            "swelling": "no",
            "numbness": "no",
            "leg_weakness": "no",
            "back_pain_spreading": "no",
            "dark_urine": "no",
            "injury": "no",
            "triggers": ["none"],
            "medicines": ["none"],
            "conditions": ["none"],
        },
        "expected_urgency": "urgent",
        "expected_factors": [],
    },
    {
        "name": "Pain walking eases with rest",
        "answers": {
            "chest_pain_or_breathless": "no",
            "leg_cold_pale": "no",
            "saddle_numbness": "no",
            "duration": "months",
            "frequency": "weekly",
            "severity": "mild",
            "walking_pain_eases_with_rest": "yes",
            "one_leg_swollen": "no",
            "swelling": "no",
            "numbness": "no",
            "leg_weakness": "no",
            "back_pain_spreading": "no",
            "dark_urine": "no",
            "injury": "no",
            "triggers": ["new_exercise"],
            "medicines": ["none"],
            "conditions": ["none"],
        },
        "expected_urgency": "soon",
        "expected_factors": ["circulation", "overuse"],
    },
    {
        "name": "On a statin",
        "answers": {
            "chest_pain_or_breathless": "no",
            "leg_cold_pale": "no",
            "saddle_numbness": "no",
            "duration": "today",
            "frequency": "sometimes",
            "severity": "mild",
            "walking_pain_eases_with_rest": "no",
            "one_leg_swollen": "no",
            "swelling": "no",
            "numbness": "no",
            "leg_weakness": "no",
            "back_pain_spreading": "no",
            "dark_urine": "no",
            "injury": "no",
            "triggers": ["sweating"],
            "medicines": ["statin"],
            "conditions": ["none"],
        },
        "expected_urgency": "soon",
        "expected_factors": ["fluids_electrolytes", "medication"],
    },
    {
        "name": "Sciatica pattern",
        "answers": {
            "chest_pain_or_breathless": "no",
            "leg_cold_pale": "no",
            "saddle_numbness": "no",
            "duration": "today",
            "frequency": "sometimes",
            "severity": "mild",
            "walking_pain_eases_with_rest": "no",
            "one_leg_swollen": "no",
            "swelling": "no",
            "numbness": "yes",
            "leg_weakness": "no",
            "back_pain_spreading": "yes",
            "dark_urine": "no",
            "injury": "no",
            "triggers": ["none"],
            "medicines": ["none"],
            "conditions": ["none"],
        },
        "expected_urgency": "soon",
        "expected_factors": ["nerve"],
    },
    {
        "name": "Mild strain",
        "answers": {
            "chest_pain_or_breathless": "no",
            "leg_cold_pale": "no",
            "saddle_numbness": "no",
            "duration": "today",
            "frequency": "once",
            "severity": "moderate",
            "walking_pain_eases_with_rest": "no",
            "one_leg_swollen": "no",
            "swelling": "no",
            "numbness": "no",
            "leg_weakness": "no",
            "back_pain_spreading": "no",
            "dark_urine": "no",
            "injury": "yes",
            "triggers": ["new_exercise"],
            "medicines": ["none"],
            "conditions": ["none"],
        },
        "expected_urgency": "self_care",
        "expected_factors": ["overuse", "strain"],
    },
    {
        "name": "Frequent, no trigger",
        "answers": {
            "chest_pain_or_breathless": "no",
            "leg_cold_pale": "no",
            "saddle_numbness": "no",
            "duration": "days",
            "frequency": "most_days",
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
        },
        "expected_urgency": "soon",
        "expected_factors": [],
    },
    {
        "name": "No warm-up, once",
        "answers": {
            "chest_pain_or_breathless": "no",
            "leg_cold_pale": "no",
            "saddle_numbness": "no",
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
            "triggers": ["no_warmup"],
            "medicines": ["none"],
            "conditions": ["none"],
        },
        "expected_urgency": "self_care",
        "expected_factors": ["warm_up"],
    },
    {
        "name": "Dark urine on a statin",
        "answers": {
            "chest_pain_or_breathless": "no",
            "leg_cold_pale": "no",
            "saddle_numbness": "no",
            "duration": "today",
            "frequency": "once",
            "severity": "mild",
            "walking_pain_eases_with_rest": "no",
            "one_leg_swollen": "no",
            "swelling": "no",
            "numbness": "no",
            "leg_weakness": "no",
            "back_pain_spreading": "no",
            "dark_urine": "yes",
            "injury": "no",
            "triggers": ["new_exercise"],
            "medicines": ["statin"],
            "conditions": ["none"],
        },
        "expected_urgency": "urgent",
        "expected_factors": ["medication", "overuse"],
    },
]


# Every rule also has a case of its own, on top of an answer set where nothing fires.
NOTHING_OF_NOTE = {
    "chest_pain_or_breathless": "no",
    "leg_cold_pale": "no",
    "saddle_numbness": "no",
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

# (name, changes to NOTHING_OF_NOTE, expected level, expected factors)
RULE_CASES = [
    ("Nothing of note", {}, "self_care", []),
    ("Leg gives way", {"leg_weakness": "yes"}, "urgent", ["nerve"]),
    ("Severe pain after a fall", {"injury": "yes", "severity": "severe"}, "urgent", ["strain"]),
    ("Swelling in both legs", {"swelling": "yes"}, "soon", []),
    ("On a water pill", {"medicines": ["diuretic"]}, "soon", ["medication"]),
    ("Statin and water pill", {"medicines": ["statin", "diuretic"]}, "soon", ["medication"]),
    ("Has diabetes", {"conditions": ["diabetes"]}, "soon", ["condition"]),
    ("Thyroid problem", {"conditions": ["thyroid"]}, "soon", ["condition"]),
    ("Kidney disease", {"conditions": ["kidney"]}, "soon", ["condition"]),
    (
        "Weekly cramps for months, clear trigger",
        {"duration": "months", "frequency": "weekly", "triggers": ["new_exercise"]},
        "soon",
        ["overuse"],
    ),
    (
        "Most days for weeks, clear trigger",
        {"duration": "weeks", "frequency": "most_days", "triggers": ["low_fluids"]},
        "soon",
        ["fluids_electrolytes"],
    ),
    (
        "Weekly for days with a trigger",
        {"duration": "days", "frequency": "weekly", "triggers": ["sweating"]},
        "self_care",
        ["fluids_electrolytes"],
    ),
    ("Severe cramps, no injury", {"severity": "severe"}, "soon", []),
    ("Back pain down the leg", {"back_pain_spreading": "yes"}, "soon", ["nerve"]),
    ("Numb leg", {"numbness": "yes"}, "soon", ["nerve"]),
    ("Not drinking much", {"triggers": ["low_fluids"]}, "self_care", ["fluids_electrolytes"]),
    (
        "Emergency outranks everything",
        {"chest_pain_or_breathless": "yes", "one_leg_swollen": "yes", "severity": "severe"},
        "emergency",
        [],
    ),
    (
        "Urgent outranks soon",
        {"one_leg_swollen": "yes", "medicines": ["statin"], "triggers": ["no_warmup"]},
        "urgent",
        ["medication", "warm_up"],
    ),
]


def safety_cases():
    shipped = [
        (case["name"], case["answers"], case["expected_urgency"], case.get("expected_factors", []))
        for case in SPEC_EXAMPLE_CASES
    ]
    per_rule = [
        (name, {**NOTHING_OF_NOTE, **changes}, level, factors)
        for name, changes, level, factors in RULE_CASES
    ]
    return shipped + per_rule


def create_questionnaire(apps, schema_editor):
    model = {name: apps.get_model("triage", name) for name in MODELS}
    Article = apps.get_model("education", "Article")
    pages = {
        number: model["Page"].objects.create(number=number, slug=slug, title=title, hint=hint)
        for number, slug, title, hint in PAGES
    }
    questions = {}
    for order, (page, key, kind, text, hint, error, choices) in enumerate(QUESTIONS):
        question = model["Question"].objects.create(
            page=pages[page], key=key, kind=kind, text=text, hint=hint,
            error_message=error, order=order,
        )  # fmt: skip
        model["Choice"].objects.bulk_create(
            model["Choice"](question=question, value=value, label=label, order=n)
            for n, (value, label) in enumerate(choices)
        )
        questions[key] = question
    levels = {
        key: model["Level"].objects.create(
            key=key, rank=rank, care_card=card, headline=headline, advice=advice
        )
        for key, rank, card, headline, advice in LEVELS
    }
    factors = {
        key: model["Factor"].objects.create(
            key=key,
            title=title,
            advice=advice,
            article=Article.objects.filter(slug=slug).only("pk").first(),  # any later schema
            section=section,
        )  # fmt: skip
        for key, title, advice, slug, section in FACTORS
    }
    for order, (code, level, factor, reason, conditions) in enumerate(RULES):
        rule = model["Rule"].objects.create(
            code=code, level=levels[level], factor=factors.get(factor), reason=reason,
            order=order,
        )  # fmt: skip
        model["Condition"].objects.bulk_create(
            model["Condition"](rule=rule, question=questions[q], operator=op, values=values)
            for q, op, values in conditions
        )
    model["SafetyCase"].objects.bulk_create(
        model["SafetyCase"](
            name=name, answers=answers, expected_level=levels[level], expected_factors=expected
        )
        for name, answers, level, expected in safety_cases()
    )


def remove_questionnaire(apps, schema_editor):
    # Children first: rules and cases protect the levels, questions and factors they use.
    for name in reversed(MODELS):
        apps.get_model("triage", name).objects.all().delete()


MODELS = ["Page", "Question", "Choice", "Level", "Factor", "Rule", "Condition", "SafetyCase"]


class Migration(migrations.Migration):
    dependencies = [
        ("triage", "0001_initial"),
        ("education", "0002_initial_articles"),
    ]

    operations = [migrations.RunPython(create_questionnaire, remove_questionnaire)]
