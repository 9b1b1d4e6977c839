"""The facts CONTENT_GUIDE.md says the articles must state, as patterns to find in them."""

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
    # Dehydration
    (
        "dehydration lowers blood volume",
        [
            r"dehydrat",
            r"less blood in your body|(lower|less) blood volume"
            r"|blood volume (drops|falls|goes down)",
        ],
    ),
    ("less blood impairs nerve function", [r"less blood[^.]*(\.[^.]*)?nerves?"]),
    ("dehydrated muscles tire more", [r"tires? more (quickly|easily)"]),
    ("dehydrated muscles tighten more", [r"tired muscles tighten"]),
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
        "overuse and fatigue among most common causes",
        [r"(overuse|tired)[^.]*most common causes", r"fatigue"],
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
    ("referred pain", [r"referred pain"]),
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
    ("see a doctor: with swelling", [r"come with swelling"]),
    ("see a doctor: with numbness", [r"come with numbness"]),
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
    ("prevent: coconut water", [r"coconut water"]),
    ("prevent: warm up", [r"warm up before"]),
    ("prevent: cool down with static stretches", [r"cool down[^.]*static stretch"]),
    (
        "prevent: stretch regularly, even on rest days",
        [r"stretch[^.]*often[^.]*rest days|rest days"],
    ),
    ("prevent: raise intensity gradually", [r"a little at a time|gradual|build up slowly"]),
]
