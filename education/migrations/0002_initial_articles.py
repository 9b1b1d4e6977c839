"""The first articles, written in our own plain words from shared/seed/inner-thigh-cramps.txt.

Advice on when to get help follows shared/TRIAGE_SPEC.md (sections 2 and 3). Reversing this
migration removes exactly these articles (by slug) and their sources.
"""

import datetime

from django.db import migrations
from django.utils import timezone

from education.illustrations import illustration_figures
from education.rendering import render_markdown

REVIEWED_BY = "Dr Sarah Okafor, general practitioner"
LAST_REVIEWED = "2026-11-02"
NEXT_REVIEW_DUE = "2029-11-02"
ACCESSED = "2026-11-02"

SOURCE_BRIEF = {
    "title": "Inner thigh cramps: editorial source brief",
    "url": "",
    "accessed": ACCESSED,
}
NHS_LEG_CRAMPS = {
    "title": "Leg cramps (NHS)",
    "url": "https://www.nhs.uk/conditions/leg-cramps/",
    "accessed": ACCESSED,
}
MEDLINEPLUS_MUSCLE_CRAMPS = {
    "title": "Muscle cramps (MedlinePlus Medical Encyclopedia)",
    "url": "https://medlineplus.gov/ency/article/003193.htm",
    "accessed": ACCESSED,
}
NHS_DVT = {
    "title": "DVT (deep vein thrombosis) (NHS)",
    "url": "https://www.nhs.uk/conditions/deep-vein-thrombosis-dvt/",
    "accessed": ACCESSED,
}
NHS_PAD = {
    "title": "Peripheral arterial disease (PAD) (NHS)",
    "url": "https://www.nhs.uk/conditions/peripheral-arterial-disease-pad/",
    "accessed": ACCESSED,
}
NHS_SCIATICA = {
    "title": "Sciatica (NHS)",
    "url": "https://www.nhs.uk/conditions/sciatica/",
    "accessed": ACCESSED,
}
NHS_CAUDA_EQUINA = {
    "title": "Cauda equina syndrome (NHS)",
    "url": "https://www.nhs.uk/conditions/cauda-equina-syndrome/",
    "accessed": ACCESSED,
}
NHS_PULMONARY_EMBOLISM = {
    "title": "Pulmonary embolism (NHS)",
    "url": "https://www.nhs.uk/conditions/pulmonary-embolism/",
    "accessed": ACCESSED,
}
NHS_SPRAINS_STRAINS = {
    "title": "Sprains and strains (NHS)",
    "url": "https://www.nhs.uk/conditions/sprains-and-strains/",
    "accessed": ACCESSED,
}
MEDLINEPLUS_RHABDOMYOLYSIS = {
    "title": "Rhabdomyolysis (MedlinePlus Medical Encyclopedia)",
    "url": "https://medlineplus.gov/ency/article/000473.htm",
    "accessed": ACCESSED,
}
MEDLINEPLUS_ARTERIAL_EMBOLISM = {
    "title": "Arterial embolism (MedlinePlus Medical Encyclopedia)",
    "url": "https://medlineplus.gov/ency/article/001102.htm",
    "accessed": ACCESSED,
}

HUB = "inner-thigh-cramps"
CAUSES = "common-causes-of-inner-thigh-cramps"
MEDICAL = "medical-causes-of-inner-thigh-cramps"
RELIEF = "ease-and-prevent-inner-thigh-cramps"

ARTICLES = [
    {
        "title": "Inner thigh cramps",
        "slug": HUB,
        "summary": (
            "An inner thigh cramp is a sudden, painful tightening of the muscles inside your "
            "thigh. Learn how it feels and which muscles it affects."
        ),
        "body": """\
## What is an inner thigh cramp?

An inner thigh cramp is a sudden tightening of the muscles on the inside of your thigh.

It happens on its own. You cannot stop it just by choosing to. Doctors call this an involuntary contraction. Involuntary means you do not control it. Contraction means the muscle gets shorter and tighter.

Cramps are common. Most are harmless and go away without you doing anything.

## How does an inner thigh cramp feel?

A cramp is often painful. But it can feel different each time. You may feel:

- a mild tightening in your inner thigh
- a hard, tight knot in the muscle
- a sharp pain that makes you stop what you are doing

A cramp can last from a few seconds to about 10 minutes. After it stops, the muscle may feel sore for up to a day.

Cramps can get in the way of your daily life. They can also wake you up at night and spoil your sleep.

## Which muscles are involved?

The muscles on the inside of your thigh are called the adductors. There are three main ones:

- the adductor longus, the long one
- the adductor brevis, the short one
- the adductor magnus, the big one

These muscles start at your pelvis. That is the ring of bones at your hips. They end on your femur. That is the long bone in your thigh.

![[illustration:adductor-muscles]]

The adductors pull your legs in toward each other. They also keep your legs steady when you walk, run or turn.

## What causes inner thigh cramps?

Most cramps come from everyday things, such as:

- not drinking enough
- losing minerals when you sweat
- tired muscles that have worked too hard
- not warming up or stretching before you exercise

Read more about the [common causes of inner thigh cramps](/articles/common-causes-of-inner-thigh-cramps/).

Sometimes cramps can be a sign of another health problem. This is more likely if they keep coming back, are severe, or have no clear cause. Read about [medical causes and when to see a doctor](/articles/medical-causes-of-inner-thigh-cramps/).

## What can you do when a cramp starts?

Most cramps ease if you:

1. gently stretch the muscle and hold the stretch
2. rub the muscle with your hands
3. warm it, for example with a warm bath or a heating pad

![[illustration:side-lunge-stretch]]

Find step-by-step help on [how to ease and prevent inner thigh cramps](/articles/ease-and-prevent-inner-thigh-cramps/).

## Is an inner thigh cramp ever serious?

A cramp on its own is not usually serious. But some signs that come with leg pain need help fast. Find out [when you need medical help today](/articles/medical-causes-of-inner-thigh-cramps/#when-do-you-need-medical-help-today) and [when to call the emergency number](/articles/medical-causes-of-inner-thigh-cramps/#when-should-you-call-the-emergency-number).

Not sure how soon to get help? Use our [symptom checker](/triage/).
""",
        "order": 1,
        "related": [CAUSES, MEDICAL, RELIEF],
        "reviewed_by": REVIEWED_BY,
        "last_reviewed": LAST_REVIEWED,
        "next_review_due": NEXT_REVIEW_DUE,
        "sources": [SOURCE_BRIEF, NHS_LEG_CRAMPS, MEDLINEPLUS_MUSCLE_CRAMPS],
    },
    {
        "title": "Common causes of inner thigh cramps",
        "slug": CAUSES,
        "summary": (
            "Most inner thigh cramps have an everyday cause: not drinking enough, low minerals, "
            "tired muscles or a poor warm-up."
        ),
        "body": """\
## What causes inner thigh cramps?

Most inner thigh cramps have an everyday cause. The main ones are:

- [not drinking enough](#how-does-not-drinking-enough-cause-cramps)
- [low minerals in your body](#what-are-electrolytes-and-why-do-they-matter)
- [tired muscles that have worked too hard](#how-can-tired-overworked-muscles-cause-cramps)
- [a poor warm-up or too little stretching](#why-does-a-poor-warm-up-cause-cramps)

You can have more than one at once. For example, a long run on a hot day can leave you tired and low on fluid.

The good news is that you can often change these things yourself. See [how to ease and prevent inner thigh cramps](/articles/ease-and-prevent-inner-thigh-cramps/).

## How does not drinking enough cause cramps?

Dehydration means your body does not have enough fluid. It can happen if you do not drink enough, or if you sweat a lot.

When you are low on fluid, you have less blood in your body. This makes it harder for your nerves to work well. Nerves carry the signals that tell your muscles when to tighten and when to relax.

Your muscles also tire more quickly. Tired muscles tighten and cramp more easily.

## What are electrolytes and why do they matter?

Electrolytes are minerals in your body that carry a tiny electrical charge. Three of them matter most for your muscles:

- potassium
- magnesium
- calcium

Your muscles need them to tighten and to relax. Your nerves need them to send signals.

When you sweat, you lose some of these minerals. If you lose a lot, the balance in your body can be upset. Then your muscles and nerves do not work as well, and cramps are more likely.

Two of these minerals have special jobs:

- Potassium helps your muscles work. It also keeps your nerves from getting over-excitable, which means firing signals too easily.
- Magnesium helps your muscles relax and make energy.

## How can tired, overworked muscles cause cramps?

Overuse and tired muscles are some of the most common causes of inner thigh cramps. Overuse means working a muscle harder or longer than it is used to. The medical word for tired muscles is fatigue.

Some sports work your adductors very hard. The adductors are the muscles on the inside of your thigh. These sports include:

- running
- cycling
- sports where you move fast from side to side

Hard exercise uses up the energy stored in your muscles. If you push them past their usual limits, they can cramp.

These cramps often come on during exercise or soon after it. They are more likely when you:

- make your workouts harder too quickly
- start a new exercise routine

## Why does a poor warm-up cause cramps?

Cold muscles are stiff. They do not stretch as easily, so they are more likely to cramp.

A warm-up gets your muscles ready. It sends more blood to them and makes them less stiff.

Your flexibility matters too. Flexibility means how far your muscles can stretch. If your muscles are tight, or you only stretch now and then, cramps are more likely.

## Is it a cramp or a pulled muscle?

A pulled muscle is also called a strain. It happens when a muscle is stretched too far and
some of it tears a little.

A strain often starts with a sudden move, a fall or an injury. A cramp comes on by itself
and soon passes. A strain hurts for longer. The area may be sore, swollen or bruised.

A mild strain usually gets better with rest in a few days or weeks. Get medical help today
if the pain is very bad after an injury.

## What if none of these causes fit?

Sometimes cramps have no clear everyday cause. Or they keep coming back even after you drink more and ease off on exercise. Then it is worth seeing a doctor.

Read about [medical causes and when to see a doctor](/articles/medical-causes-of-inner-thigh-cramps/).
""",
        "order": 2,
        "related": [HUB, RELIEF, MEDICAL],
        "reviewed_by": REVIEWED_BY,
        "last_reviewed": LAST_REVIEWED,
        "next_review_due": NEXT_REVIEW_DUE,
        "sources": [SOURCE_BRIEF, NHS_LEG_CRAMPS, MEDLINEPLUS_MUSCLE_CRAMPS, NHS_SPRAINS_STRAINS],
    },
    {
        "title": "Medical causes of inner thigh cramps and when to see a doctor",
        "slug": MEDICAL,
        "summary": (
            "Some inner thigh cramps can be a sign of a health problem. Learn about nerve, blood "
            "flow and medicine causes, and when to get help."
        ),
        "body": """\
## Can inner thigh cramps be a sign of a health problem?

Most inner thigh cramps are harmless. They often come from [everyday things](/articles/common-causes-of-inner-thigh-cramps/), like not drinking enough or tired muscles.

But cramps that keep coming back, or are severe, can sometimes be a sign of another health problem. This page explains some of them. Only a doctor can tell you what is causing your cramps.

## How can nerve problems cause cramps?

Nerves carry signals from your spine to your muscles. If a nerve is squashed or damaged, the signals can get mixed up. Doctors call a squashed nerve nerve compression.

This can happen with:

- sciatica, when the nerve that runs from your lower back down your leg is pressed on
- a pinched nerve in your spine

A nerve problem can cause referred pain. That is pain you feel in your thigh, even though the problem is in your back. It can also cause muscle spasms. A spasm is a sudden tightening of a muscle. The pain and spasms may get worse when you walk.

## How can poor blood flow cause cramps?

Arteries are the tubes that carry blood from your heart to the rest of your body.

In peripheral artery disease (PAD), the arteries to your legs get narrow. Less blood can get through.

When you walk or exercise, your leg muscles need more blood and oxygen. With PAD, they cannot get enough. This causes cramping pain. The pain goes away when you rest.

This kind of pain is called claudication.

## Can medicines cause cramps?

Yes. Some medicines can cause cramps as a side effect:

- Diuretics, also called water pills, make you pee more. You lose fluid and electrolytes, the minerals your muscles need. This can lead to cramps.
- Statins are medicines that lower cholesterol, a kind of fat in your blood. In some people, statins cause muscle pain and cramps. These often affect large muscles, like the ones in your thighs. Doctors do not fully know why this happens.

Do not stop taking a medicine unless a doctor tells you to.

## Which health conditions can cause cramps?

Some long-term health conditions can cause muscle cramps:

- diabetes
- thyroid problems (your thyroid is a gland in your neck)
- kidney disease

These conditions can upset the balance of chemicals in your body. Some can also affect your nerves.

Your kidneys clean waste out of your blood. In kidney failure, they stop doing this well. Toxins, which are harmful waste, build up in your blood. This can make your muscles spasm.

## When should you see a doctor about cramps?

Book an appointment with your doctor in the next 1 to 2 weeks if your cramps:

- keep coming back, such as every week for a few weeks
- are severe, or keep waking you up
- come with swelling in your legs
- come with numbness, tingling or pins and needles
- have no clear cause, such as hard exercise, a lot of sweating or not drinking enough

Also see a doctor soon if:

- you get cramping pain when you walk that goes away when you rest
- you have back or buttock pain that spreads down your leg
- you take a statin or a diuretic
- you have diabetes, a thyroid problem or kidney disease

## When do you need medical help today?

Contact your doctor today, or go to urgent care, if:

- One leg is swollen, warm, red or tender to touch. This can be a sign of a blood clot in a deep vein of your leg. Doctors call this DVT, or deep vein thrombosis.
- Your pee is dark brown or red, like cola or tea. This can be a sign of muscle breakdown. It is more likely if you take a statin or after very hard exercise.
- Your leg feels weak or gives way. This can mean a nerve is being pressed or damaged.
- You have severe pain after an injury, a fall or a sudden pull. A doctor should check it for a torn muscle.

## When should you call the emergency number?

Call the emergency number now if you have:

- chest pain, sudden shortness of breath, or you cough up blood
- a leg that is suddenly cold, pale or blue, or very painful and hard to move
- numbness around your genitals or bottom, or you suddenly cannot control when you pee or poo

These can be signs of a blood clot in your lungs, a blocked blood supply to your leg, or pressure on the nerves at the base of your spine. Do not wait to see if they get better.

Not sure how soon to get help? Use our [symptom checker](/triage/).
""",
        "order": 3,
        "related": [HUB, CAUSES, RELIEF],
        "reviewed_by": REVIEWED_BY,
        "last_reviewed": LAST_REVIEWED,
        "next_review_due": NEXT_REVIEW_DUE,
        "sources": [
            SOURCE_BRIEF,
            NHS_LEG_CRAMPS,
            NHS_SCIATICA,
            NHS_PAD,
            NHS_DVT,
            MEDLINEPLUS_RHABDOMYOLYSIS,
            NHS_SPRAINS_STRAINS,
            NHS_PULMONARY_EMBOLISM,
            MEDLINEPLUS_ARTERIAL_EMBOLISM,
            NHS_CAUDA_EQUINA,
        ],
    },
    {
        "title": "How to ease and prevent inner thigh cramps",
        "slug": RELIEF,
        "summary": (
            "Ease an inner thigh cramp with stretching, massage, heat and cold. Simple habits "
            "can help stop cramps coming back."
        ),
        "body": """\
## What should you do when a cramp starts?

Gently stretching the muscle is often the best first step. After that, you can try massage, heat and cold.

## How do you stretch an inner thigh cramp?

Your adductors are the muscles on the inside of your thigh. To ease a cramp, you need to gently make them longer.

Try this:

1. Stand up and hold the back of a chair to keep your balance.
2. Bend the knee of the cramped leg. Pull that foot up behind you, toward your bottom.
3. Or, slide the cramped leg out to the side to stretch your inner thigh.
4. Hold the stretch. Keeping the muscle stretched helps it relax.
5. Let go slowly once the cramp eases.

![[illustration:side-lunge-stretch]]

![[illustration:front-thigh-chair-stretch]]

Stretch gently. Stop if the pain gets a lot worse.

## Does massage help?

Yes. Rubbing the muscle brings more blood to it. This helps the muscle let go. You can:

- rub or knead the muscle gently with your hands
- roll it slowly with a massage roller, such as a foam roller

## Should you use heat or cold?

Both can help, at different times.

Heat helps tight muscles relax. It also brings more blood to them. You could use:

- a warm compress, such as a towel soaked in warm water
- a heating pad
- a warm bath

Cold can ease the pain once the worst of the cramp has passed. Wrap a cold pack in a towel first. Do not put it right on your skin.

## How can you stop cramps coming back?

These habits can help.

### Drink enough

Drink fluids through the day. Drink more when you exercise and after you exercise.

### Eat and drink foods rich in minerals

Electrolytes are minerals that help your muscles and nerves work. You lose some of them when you sweat. Foods and drinks rich in electrolytes can top them up. Good choices include:

- bananas
- avocados
- coconut water

### Warm up and cool down

Warm up before you exercise. A warm-up sends blood to your muscles and makes them less stiff.

After you exercise, cool down with static stretches. These are stretches you hold still, without bouncing. They help your muscles recover and stay flexible.

### Stretch often

Stretch your inner thighs often, even on rest days when you do not exercise.

![[illustration:soles-together-stretch]]

### Build up slowly

Make your exercise harder or longer a little at a time. Avoid sudden hard efforts. This gives your muscles time to get used to the work.

## What if your cramps keep coming back?

If your cramps keep coming back even with these steps, or they are severe, see a doctor. Read [when to see a doctor about cramps](/articles/medical-causes-of-inner-thigh-cramps/#when-should-you-see-a-doctor-about-cramps).
""",
        "order": 4,
        "related": [HUB, CAUSES, MEDICAL],
        "reviewed_by": REVIEWED_BY,
        "last_reviewed": LAST_REVIEWED,
        "next_review_due": NEXT_REVIEW_DUE,
        "sources": [SOURCE_BRIEF, NHS_LEG_CRAMPS, MEDLINEPLUS_MUSCLE_CRAMPS],
    },
]


def create_articles(apps, schema_editor):
    Article = apps.get_model("education", "Article")
    Source = apps.get_model("education", "Source")
    by_slug = {}
    for data in ARTICLES:
        # Historical models lack Article.save(), so render the Markdown here.
        rendered = render_markdown(data["body"], illustration_figures)
        article = Article.objects.create(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            body=data["body"],
            body_html=rendered.html,
            sections=rendered.sections,
            status="published",
            publish_at=timezone.now(),
            order=data["order"],
            reviewed_by=data["reviewed_by"],
            last_reviewed=datetime.date.fromisoformat(data["last_reviewed"]),
            next_review_due=datetime.date.fromisoformat(data["next_review_due"]),
        )
        Source.objects.bulk_create(
            Source(
                article=article,
                title=source["title"],
                url=source["url"],
                accessed=datetime.date.fromisoformat(source["accessed"]),
            )
            for source in data["sources"]
        )
        by_slug[article.slug] = article
    for data in ARTICLES:
        by_slug[data["slug"]].related.set(by_slug[slug] for slug in data["related"])


def remove_articles(apps, schema_editor):
    Article = apps.get_model("education", "Article")
    Article.objects.filter(slug__in=[data["slug"] for data in ARTICLES]).delete()


class Migration(migrations.Migration):
    dependencies = [("education", "0001_initial")]

    operations = [migrations.RunPython(create_articles, remove_articles)]
