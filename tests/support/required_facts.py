"""The facts the articles must state (their content guide, summed up in docs/clinical-safety.md
and the README's "Shipped content"), as patterns to find in them."""

REQUIRED_FACTS = [
    # What a cramp is
    ("cramp is sudden", [r"cramps? (is|are) an? sudden"]),
    ("cramp is involuntary", [r"involuntary (contraction|tightening)"]),
    ("cramp is often painful", [r"cramps? (is|are) often painful"]),
    ("range: mild tightening to sharp pain", [r"mild tightening", r"sharp pain"]),
    ("can disturb daily life", [r"(get in the way of|disturb|affect)[^.]*daily life"]),
    ("can disturb sleep", [r"(spoil|disturb|affect|wake you)[^.]*sleep"]),
    # The muscles
    ("adductor longus", [r"adductor longus"]),
    ("adductor brevis", [r"adductor brevis"]),
    ("adductor magnus", [r"adductor magnus"]),
    ("adductors run from the pelvis", [r"(start at|from) (your|the) pelvis"]),
    ("adductors run to the femur (thigh bone)", [r"femur", r"(thigh bone|bone in your thigh)"]),
    ("adductors stabilise movement", [r"adductors[^.]*(\.[^.]*)?(steady|stable|stabili[sz])"]),
    ("adductors pull the legs inward", [r"pull[^.]*legs? (in|inward|together|toward)"]),
    # Dehydration: a possible cause, stated with its weak evidence (the source document's
    # blood-volume mechanism is a guess the studies do not back, so it is not stated as fact)
    (
        "dehydration as a possible cause, with the weak evidence",
        [
            r"dehydration means your body does not have enough water",
            r"losing a lot of fluid upsets how nerves and muscles work",
            r"studies have not shown this clearly",
        ],
    ),
    # Electrolytes
    ("electrolytes: potassium, magnesium, calcium", [r"potassium", r"magnesium", r"calcium"]),
    ("electrolytes carry an electrical charge", [r"electrolytes[^.]*electrical charge"]),
    (
        "electrolytes needed for contraction and relaxation",
        [r"muscles need them[^.]*tighten[^.]*relax"],
    ),
    ("electrolytes needed for nerve signalling", [r"nerves? need them[^.]*signals?"]),
    (
        "sweat loss upsets electrolyte balance",
        [r"sweat[^.]*lose[^.]*minerals", r"(sweat|lose)[^.]*balance[^.]*upset"],
    ),
    (
        "potassium keeps nerves from being over-excitable",
        [r"potassium[^.]*(\.[^.]*)?nerves?[^.]*over-?\s?excit"],
    ),
    ("magnesium helps muscles relax", [r"magnesium[^.]*relax"]),
    ("magnesium helps muscles make energy", [r"magnesium[^.]*energy"]),
    # Overuse and fatigue
    (
        "overuse and fatigue among the most likely causes of exercise cramps",
        [r"(overuse|tired|overworked)[^.]*most (common|likely) (causes|reasons)", r"fatigue"],
    ),
    ("running works the adductors", [r"running"]),
    ("cycling works the adductors", [r"cycling"]),
    ("side-to-side sports work the adductors", [r"side[ -]to[ -]side"]),
    (
        "overuse cramps come during or after exercise",
        [r"during (exercise )?(or|and) (soon )?after"],
    ),
    ("raising intensity too fast", [r"(harder|intensity)[^.]*too (quickly|fast)"]),
    ("starting a new routine", [r"new (exercise |workout )?routine"]),
    # Warm-up and stretching
    (
        "cold muscles are less pliable",
        [r"cold muscles[^.]*(stiff|pliable)", r"(not|less) stretch as easily|less pliable"],
    ),
    (
        "poor flexibility adds to risk",
        [r"flexibility", r"stretch (only )?now and then|irregular stretching"],
    ),
    # Nerves
    ("sciatica", [r"sciatica"]),
    ("pinched nerve in the spine", [r"pinched nerve in (your|the) spine"]),
    (
        "nerve compression or damage",
        [r"nerve[^.]*(squashed|compress)[^.]*damaged|nerve compression"],
    ),
    (
        "pain from a nerve in the back spreads down the leg",
        [r"pain can spread from your back down your leg"],
    ),
    ("nerve spasms", [r"muscle spasms"]),
    ("nerve pain worse with walking", [r"worse (when you walk|with walking)"]),
    # Circulation
    (
        "PAD narrows arteries",
        [r"peripheral arter(y|ial) disease", r"arteries[^.]*(get|become|are) narrow"],
    ),
    ("claudication", [r"claudication"]),
    (
        "PAD pain in exercise goes with rest",
        [r"pain (goes away|eases|stops) (when|with|after) (you )?rest"],
    ),
    # Medicines
    (
        "diuretics cause fluid and electrolyte loss",
        [r"diuretics?[^.]*(\.[^.]*){0,2}fluid and electrolytes"],
    ),
    ("statins cause muscle pain and cramps", [r"statins[^.]*muscle pain and cramps"]),
    ("statins affect large muscles like the thighs", [r"(large|big) muscles[^.]*thighs"]),
    ("statin mechanism not fully understood", [r"not fully (know|understood)"]),
    # Conditions
    ("diabetes", [r"diabetes"]),
    ("thyroid disorders", [r"thyroid"]),
    ("kidney disease", [r"kidney disease"]),
    (
        "kidney failure: toxins build up, muscles spasm",
        [r"kidney failure", r"toxins[^.]*(\.[^.]*)?spasm"],
    ),
    # When to see a doctor
    ("see a doctor: persistent cramps", [r"see a doctor", r"keep coming back"]),
    ("see a doctor: severe cramps", [r"are severe"]),
    ("see a doctor: with swelling", [r"come with swelling in both legs"]),
    ("see a doctor: with numbness", [r"come with numbness or tingling in one leg"]),
    ("see a doctor: no clear cause", [r"no clear cause"]),
    # Relief
    ("relief: gently stretch", [r"gently stretch|stretch[^.]*gently"]),
    ("relief: stand and hold a chair", [r"stand[^.]*chair"]),
    ("relief: pull foot toward buttock", [r"foot[^.]*toward (your )?(bottom|buttock)"]),
    ("relief: stretch leg outward", [r"leg (out|outward)[^.]*side|leg outward"]),
    ("relief: lengthen the adductors", [r"(adductors|them)[^.]*longer|lengthen[^.]*adductors"]),
    ("relief: hold the stretch", [r"hold the stretch"]),
    ("relief: massage by hand", [r"massage", r"(rub|knead)[^.]*hands"]),
    ("relief: massage roller", [r"roller"]),
    ("relief: warm compress", [r"warm compress"]),
    ("relief: heating pad", [r"heating pad"]),
    ("relief: warm bath", [r"warm bath"]),
    ("relief: cold pack wrapped in a towel", [r"cold pack[^.]*towel"]),
    ("relief: cold once the worst has passed", [r"cold[^.]*worst[^.]*passed"]),
    # Prevention
    ("prevent: drink through the day", [r"drink[^.]*through(out)? the day"]),
    ("prevent: drink more around exercise", [r"drink more[^.]*exercise"]),
    (
        "prevent: electrolyte-rich food and drink",
        [r"(foods?|drinks?)[^.]*rich in (electrolytes|minerals)"],
    ),
    ("prevent: bananas", [r"bananas"]),
    ("prevent: avocados", [r"avocados"]),
    ("prevent: warm up", [r"warm up before"]),
    ("prevent: cool down with static stretches", [r"cool down[^.]*static stretch"]),
    (
        "prevent: stretch regularly, even on rest days",
        [r"stretch[^.]*often[^.]*rest days|rest days"],
    ),
    ("prevent: raise intensity gradually", [r"a little at a time|gradual|build up slowly"]),
]

# The corrections of the second clinical review, stated where a reader needs them.
REQUIRED_FACTS += [
    (
        "inner-thigh stretch: side lunge, other knee bent, cramped leg straight",
        [r"side lunge", r"bend the knee of your other leg", r"cramped leg[^.]*straight"],
    ),
    (
        "inner-thigh stretch: soles together, knees drop",
        [r"soles of your feet together", r"knees drop"],
    ),
    (
        "foot-to-bottom stretch works the front of the thigh",
        [r"foot toward your bottom works the front of the thigh"],
    ),
    (
        "older adults stretch sitting or lying down",
        [r"older adult[^.]*stretch sitting or lying down"],
    ),
    (
        "kidney, dialysis, liver or heart failure: the care team's advice, not general tips",
        [
            r"kidney disease, liver disease or heart failure, or are you on dialysis",
            r"follow your care team's advice on fluids and potassium",
        ],
    ),
    ("water pills: the care team's advice too", [r"care team[^.]*(\.[^.]*)?water pill"]),
    (
        "no heat with diabetes, numbness or poor circulation",
        [
            r"do not use heat if you have:? diabetes numbness[^.]*poor blood flow",
            r"not feel[^.]*burn",
        ],
    ),
    (
        "no rubbing or massage for a possible clot",
        [r"do not rub or massage a leg that may have a blood clot"],
    ),
    (
        "no massage or heat on a fresh strain for 2 to 3 days",
        [
            r"do not massage a fresh strain in its first 2 to 3 days",
            r"do not use heat on a fresh strain",
        ],
    ),
    ("do not stop a medicine on your own", [r"do not stop a prescribed medicine on your own"]),
    (
        "statin exception: stop and get help for dark pee, bad pain or weakness",
        [r"statin and you have dark pee, bad muscle pain, or muscle weakness, stop the statin"],
    ),
    (
        "dark pee: a blood test the same day",
        [r"dark pee like cola or tea needs a blood test the same day"],
    ),
    ("one leg: not the soreness after a cramp", [r"not just the soreness that can follow a cramp"]),
    ("soreness after a cramp can last up to a day", [r"soreness can last up to a day"]),
    ("painkillers do not stop a cramp", [r"painkillers do not stop a cramp"]),
    (
        "acetaminophen may ease soreness afterwards",
        [r"acetaminophen \(tylenol\) may ease soreness afterwards"],
    ),
    (
        "ibuprofen, naproxen: ask a pharmacist; not with kidney disease, liver disease, heart "
        "failure, a stomach ulcer, a blood thinner or in pregnancy; acetaminophen and liver "
        "disease",
        [
            r"ask a pharmacist before you take ibuprofen \(advil, motrin\) or naproxen \(aleve\)",
            r"do not take them if you have kidney disease, liver disease, heart failure or a "
            r"stomach ulcer, take a blood thinner, or are pregnant",
            r"liver disease or drink a lot of alcohol, ask a pharmacist how much acetaminophen",
        ],
    ),
    (
        "waking at night: see a doctor soon, not an emergency",
        [r"keep waking you up at night", r"this is not an emergency"],
    ),
    ("fluids: regularly and to thirst", [r"drink regularly through the day, to thirst"]),
    ("too much water is harmful too", [r"too much water can be harmful"]),
    ("sweat loses mostly salt", [r"sweat, you lose mostly salt"]),
    (
        "weak proof that minerals or foods prevent cramps",
        [
            r"little proof that any food prevents cramps",
            r"little proof that taking extra minerals prevents",
        ],
    ),
    ("often there is no clear cause", [r"often there is no clear cause"]),
    (
        "a cramp over 10 minutes that does not ease needs help",
        [r"more than 10 minutes and stretching does not ease it, get medical help today"],
    ),
]

# What the guide's ten articles cover beyond the source document.
REQUIRED_FACTS += [
    (
        "quinine: the FDA warns against it for leg cramps",
        [r"fda warns against using (it|quinine) for leg cramps"],
    ),
    ("tonic water is not a treatment", [r"tonic water[^.]*(\.[^.]*)?not a treatment"]),
    (
        "magnesium: Cochrane, unlikely to help older adults",
        [r"cochrane", r"unlikely to prevent cramps in older adults"],
    ),
    ("magnesium in pregnancy: unclear", [r"pregnancy, the results were not clear"]),
    (
        "potassium tablets only on prescription",
        [r"potassium[^.]*(\.[^.]*)?only if a doctor prescribes"],
    ),
    ("medicines that can cause cramps: asthma inhalers", [r"asthma inhalers"]),
    (
        "a pharmacist can review your medicines",
        [r"pharmacist can look at all the medicines you take"],
    ),
    ("night cramps: alcohol and caffeine", [r"cut down on alcohol", r"cut down on caffeine"]),
    (
        "pre-eclampsia signs",
        [
            r"sudden swelling of your face, hands or feet",
            r"a bad headache",
            r"pain just below your ribs",
            r"pre-eclampsia",
        ],
    ),
    ("pelvic girdle pain", [r"pelvic girdle pain"]),
    (
        "no supplements in pregnancy without advice",
        [r"do not take supplements for cramps without asking your ob-gyn"],
    ),
    ("blood clot (DVT)", [r"deep vein thrombosis"]),
    (
        "hernia: a tender or stuck lump is an emergency",
        [r"lump is painful or tender, or has just become hard, and will not go back in"],
    ),
    (
        "broken hip at 60 or over: cannot stand, call",
        [r"60 or over and you cannot stand or walk after a fall, call"],
    ),
    ("twisted testicle", [r"testicular torsion"]),
    ("infection: fever with a limp", [r"high temperature and you cannot put weight on your leg"]),
    ("usually no tests are needed", [r"usually no tests are needed"]),
    ("blood test for muscle damage: creatine kinase", [r"creatine kinase"]),
    ("ankle blood pressure test for PAD", [r"ankle blood pressure test"]),
    ("ultrasound scan for a clot", [r"ultrasound scan, to look for a blood clot"]),
    ("strain: about 2 weeks to feel better", [r"most strains feel better in about 2 weeks"]),
    ("strain: up to 8 weeks before hard exercise", [r"wait up to 8 weeks before hard exercise"]),
    ("strain: no alcohol in the first days", [r"in those first days, do not use:[^.]*alcohol"]),
    ("strain: when an X-ray is needed", [r"x-ray"]),
]

# The corrections of the third clinical review (checker version 3), stated where a reader
# needs them. Each pattern is of the page as shown, with the emergency number filled in.
REQUIRED_FACTS += [
    (
        "ibuprofen, naproxen: ask first with a water pill or lisinopril or losartan",
        [r"water pill, or a blood pressure medicine such as lisinopril or\s+losartan"],
    ),
    (
        "heatstroke after heat or hard exercise: call the emergency number",
        [
            r"heatstroke",
            r"after heat or hard exercise, call \d+ if you",
            r"stopped sweating, even though you feel too hot",
        ],
    ),
    (
        "dizzy on its own is a same-day matter",
        [r"get help today if you cannot keep fluids down, you pee very little, or you feel dizzy"],
    ),
    (
        "fluid loss with kidney, liver or heart disease: the care team today",
        [
            r"kidney, liver or heart disease and you are throwing up or have diarrhea, contact "
            r"your care team today"
        ],
    ),
    (
        "low salts: a blood test today, the emergency number with fainting or chest pain",
        [
            r"tingling around your mouth or in your fingers",
            r"spasms in your hands",
            r"blood test today, at an emergency room",
            r"call \d+ if you (also )?faint or nearly faint",
        ],
    ),
    (
        "dark pee: an emergency room for a same-day blood test, not urgent care",
        [r"go to an emergency room, as many urgent care centers cannot get the result that day"],
    ),
    (
        "dark pee with lasting pain, weakness or an uneven heartbeat: the emergency number",
        [r"call \d+ or go to the emergency room now if you have dark pee and also"],
    ),
    (
        "potassium foods: the care team first with lisinopril, losartan, spironolactone",
        [
            r"lisinopril, losartan and spironolactone",
            r"ask your care team before you eat more foods rich in potassium",
        ],
    ),
    ("prevention is what may help", [r"what may help stop cramps coming back\?"]),
    (
        "daily stretching: the proof is mixed",
        [r"stretch before bed\. this may help, but the proof is mixed"],
    ),
    (
        "soreness up to a day is normal; longer needs a check, and no rubbing, rolling or heat",
        [
            r"sore for up to a day\. that is normal",
            r"stays painful or tender for longer, or hurts all the time, see a doctor",
            r"until then, do not rub, roll or heat it",
        ],
    ),
    (
        "clot risk counts a clot at any time and cancer treatment in the last 6 months",
        [r"ever had a clot, or had cancer treatment in the last 6 months"],
    ),
    (
        "clot risk with pain that lasts: no rubbing, rolling or heat; checked today",
        [
            r"do not rub, roll or heat your leg if you have a higher chance of a clot and the "
            r"pain lasts"
        ],
    ),
    ("no massage roller in pregnancy", [r"do not use a roller if you are pregnant"]),
    (
        "a pop, a large bruise, a dent or a leg out of shape: checked today",
        [r"pop.? or snap, or you have a large bruise, a dent in the muscle, or the leg looks out"],
    ),
    (
        "a possible clot: an emergency room if not seen today",
        [r"if you cannot be seen today, go to an emergency room\. many urgent care centers cannot"],
    ),
    (
        "a soft groin lump that goes back: likely a hernia, see a doctor soon",
        [r"soft lump that goes back in: this is often a hernia\. see a doctor soon"],
    ),
    (
        "a hard painless groin lump that has not changed: often a gland, see a doctor soon",
        [r"hard lump that does not hurt and has not changed for weeks: this is often a swollen"],
    ),
    (
        "a child's lasting thigh, hip or knee pain: seen today (slipped growth plate)",
        [
            r"growth plate",
            r"child or teenager with thigh, hip or knee pain that lasts more than a day needs to "
            r"be seen today",
        ],
    ),
    (
        "a child with a fever and leg pain: seen today",
        [r"child or teenager with a high temperature and leg pain needs to be seen today"],
    ),
    (
        "a fever with pain that lasts: checked today",
        [r"get checked today if you have a high temperature and pain that lasts more than a day"],
    ),
    (
        "a fever in pregnancy or after birth: call the same day",
        [
            r"pregnant or had a baby in the last 6 weeks and have a high temperature, call your "
            r"ob-gyn, midwife or labor and delivery unit now"
        ],
    ),
    (
        "a blood thinner: a fall or blow, or pain that lasts, checked today; a head knock, the "
        "emergency room",
        [
            r"after a fall, a blow or a pulled muscle, get checked today",
            r"stays painful or tender for more than a day, get checked today, even if you did not",
            r"if you hit your head, go to an emergency room, even if you feel fine",
        ],
    ),
    (
        "pregnancy: the emergency number for a seizure, chest pain, trouble breathing or a "
        "sudden headache",
        [
            r"call \d+ if you are pregnant, or had a baby in the last 6 weeks, and you have: a "
            r"seizure \(a fit\) chest pain trouble breathing a headache that came on suddenly"
        ],
    ),
    (
        "pre-eclampsia: sudden throwing up; labor and delivery or an emergency room, not urgent "
        "care",
        [
            r"throwing up that started suddenly in the second half of pregnancy",
            r"if you cannot reach any of them, go to labor and delivery or an emergency room\. "
            r"do not go to urgent care",
        ],
    ),
    (
        "pregnancy and 6 weeks after birth: lasting leg pain is a same-day check for a clot",
        [
            r"your leg is still painful or tender more than a day after a cramp",
            r"a blood clot is more likely in pregnancy and for 6 weeks after birth",
        ],
    ),
    (
        "a strain on a blood thinner: checked today, the emergency room if it swells fast",
        [
            r"blood thinner, get checked today after a fall, a blow or a pulled muscle",
            r"go to an emergency room now if the swelling grows fast",
        ],
    ),
    (
        "pain that lasts is a same-day check with a clot risk, pregnancy, a blood thinner or a "
        "statin, a fever, or in a child",
        [
            r"get it checked today instead if: a blood clot is more likely for you[^.]* you are "
            r"pregnant or had a baby in the last 6 weeks you take a blood thinner or a statin you "
            r"have a high temperature it is a child or teenager"
        ],
    ),
]
