#!/usr/bin/env python3
"""Writes Training/longform/{train,eval}.jsonl: long-form posts about fictional
open-source maintainers, written for vigil. Label 1: a reputation attack in a civil
tone (prejudice, gatekeeping, ego, insecurity, bad faith, incompetence); label 0:
ordinary coverage (news, praise, technical write-ups, fair criticism of a decision).

Documents are composed from sentence frames. The train and eval splits use two
disjoint pools of frames, titles, names and projects written separately, so no
template or name crosses from training to evaluation. Seeded: the output is fixed.
"""
import json, random, sys, os

# ---------------------------------------------------------------- pool A (train)
A = dict(
names=[("Marta","Quillon","f"),("Tobias","Wrenfield","m"),("Ines","Halvorsen","f"),("Keiran","Moffatt","m"),
       ("Priya","Venkataram","f"),("Oskar","Lindqvist","m"),("Aiyana","Redcloud","f"),("Dmitri","Sokolenko","m"),
       ("Leila","Haddadi","f"),("Ruben","Castellanos","m"),("Hana","Kobayashi","f"),("Gideon","Ashworth","m"),
       ("Nkechi","Okonkwo","f"),("Mateus","Carvalho","m"),("Sofie","Brandt","f"),("Elliot","Pembrook","m"),
       ("Yara","Nassif","f"),("Benedikt","Kruger","m"),("Camille","Roussel","f"),("Tariq","Ansari","m")],
projects=["fastwire","pyloom","tessellate","quarkdb","lintle","hexforge","cobaltjs","riverbed","saltmine","orchard-ui",
          "mosaic-build","ferrite","glyphkit","tidepool"],
titles_attack=["Gatekeeping in {project}: The {name} Story","What {name} Doesn't Want You to Know About {project}",
    "When One Maintainer Becomes the Problem","The Closed Door at {project}","{name} and the Politics of Saying No",
    "Why I Stopped Contributing to {project}","A Pattern of Exclusion","The Real Reason My Pull Request Was Rejected",
    "Who Is {project} Really For?","Open Source Has a {name} Problem"],
titles_neutral=["{project} {ver} Released","Notes from {name}'s Talk on {topic}","{project} Receives Infrastructure Grant",
    "How {project} Handles {topic}","Interview: {name} on Maintaining {project}","This Week in {project}",
    "A Thank-You to the {project} Maintainers","Benchmarking {project} {ver}","Migrating to {project} {ver}",
    "Why {project} Changed Its Release Policy"],
intro_attack=["Last month I opened a pull request against {project} that added {feature}.",
    "I have been contributing to {project} on and off for about a year.",
    "This post is about what happened when I tried to improve {feature} in {project}.",
    "On {day}, my contribution to {project} was closed without a merge.",
    "I want to describe, calmly and with the record in hand, how {project} treats newcomers.",
    "Several people asked me why my work on {feature} never landed in {project}.",
    "I spent three weeks preparing a change to {feature} for {project}."],
attack={
 "prejudice":["{S} has a clear bias against contributors who do not fit {P} idea of a real engineer.",
    "It is hard not to conclude that {S} judges the author before reading the code.",
    "{S} treats contributions from outsiders with a suspicion that established names never face.",
    "The double standard is obvious: friends of {O} get merged, everyone else gets a lecture.",
    "{P} prejudice against newcomers is not a secret to anyone who has watched the tracker.",
    "What I experienced was not review, it was discrimination dressed up as quality control.",
    "{S} seems to decide in advance which kinds of people belong in the project."],
 "gatekeeping":["{S} has turned {project} into a private club with a single doorman.",
    "This is gatekeeping, plain and simple, and {S} is the gatekeeper.",
    "{S} is protecting {P} fiefdom rather than serving the users of {project}.",
    "Every meaningful change has to pass through {O}, and almost nothing does.",
    "{S} blocks improvements that would reduce {P} own control over the codebase.",
    "The contribution guide says everyone is welcome, but {S} makes sure that is not true in practice.",
    "{S} keeps the project closed to anyone who might one day challenge {P} position."],
 "ego":["This was never about code quality; it was about {P} ego.",
    "{S} cannot accept that someone else might have a better idea.",
    "{S} behaves as if {project} were a monument to {O} personally.",
    "The rejection says more about {P} need to be the smartest person in the room than about my patch.",
    "{S} guards {P} status in the community more carefully than the code itself.",
    "For {O}, every outside improvement is a threat to {P} reputation."],
 "insecurity":["I think {S} felt threatened, and that is the real story here.",
    "Only an insecure maintainer reacts to a performance fix the way {S} did.",
    "{S} seems afraid that the project could succeed without {O}.",
    "It is the behaviour of someone who is deeply insecure about {P} own relevance.",
    "{P} insecurity shows in every terse dismissal on the tracker."],
 "badfaith":["{S} invented a technical excuse after the fact to justify a decision already made.",
    "The stated reasons kept changing, which tells you they were never the real reasons.",
    "{S} is not arguing in good faith, and I no longer pretend otherwise.",
    "{S} misrepresented my proposal in the thread so that rejecting it would look reasonable.",
    "I believe {S} has a hidden agenda that has nothing to do with the users of {project}.",
    "{S} quietly rewrote the contribution rules the day after my pull request appeared.",
    "The review was a performance, staged by {O} to give a foregone conclusion the look of process."],
 "incompetence":["Frankly, {S} no longer understands the codebase well enough to review changes to it.",
    "{S} has let {project} stagnate for years while blaming contributors for every delay.",
    "Under {P} stewardship the project has fallen behind every serious alternative.",
    "{S} is out of touch with how modern software is built, and the project suffers for it."],
 "rhetorical":["Why does {S} feel the need to control every line of {project}?",
    "How many contributors has {S} driven away this way?",
    "Is this really the person we want deciding the future of {project}?",
    "What is {S} so afraid of?",
    "Who benefits when {S} keeps everyone else out?"],
},
close_attack=["The community deserves better than this, and so does {project}.",
    "I am sharing this so that the next contributor knows what to expect.",
    "Until something changes, I cannot recommend contributing to {project}.",
    "Open source should be open, and right now {project} is not.",
    "I hope others who have had the same experience will speak up."],
narrative=["The change was small, about two hundred lines, and came with tests.",
    "The benchmarks showed a clear improvement on every platform I could test.",
    "Two other contributors had reviewed it and left positive comments.",
    "The continuous integration run was green on the first try.",
    "I followed the contribution guide to the letter."],
neutral={
 "news":["{S} announced {project} {ver} on {day}, with {feature} as the headline change.",
    "The release includes more than forty fixes contributed by twenty-three people.",
    "According to the changelog, {feature} is now enabled by default.",
    "{S} said the team plans a long-term support branch for the {ver} series.",
    "The project moved its continuous integration to a new provider this quarter.",
    "Downloads of {project} have doubled over the past year, according to the package index.",
    "{S} will present the roadmap for {project} at a developer conference in the spring.",
    "The foundation that hosts {project} confirmed the grant in a short statement.",
    "A release candidate is available for testing, and the final version is expected within weeks."],
 "praise":["{S} has been remarkably patient with first-time contributors.",
    "I want to thank {O} for a careful review that made my patch much better.",
    "{S} spent an evening walking me through the architecture of {project}.",
    "{P} documentation work is the reason I could get started at all.",
    "Credit goes to {O} for keeping the project healthy through a difficult year.",
    "{S} answered every question in the thread, even the ones that had been asked before.",
    "Working with {O} on {feature} was one of the best experiences I have had in open source."],
 "technical":["{S} explained that {feature} had to be reworked because of a race condition in the scheduler.",
    "The root cause was an integer overflow in the length calculation, which {S} fixed in a single commit.",
    "According to {O}, the old cache layout wasted about a third of its memory on padding.",
    "{S} measured a twelve percent speedup after switching the parser to a table-driven design.",
    "The patch by {O} replaces the recursive walk with an explicit stack.",
    "{S} recommends pinning the minor version until the migration guide is finished.",
    "In the issue thread, {S} showed a minimal reproduction that fails only on big-endian machines."],
 "critique":["I disagree with {P} decision to drop support for older compilers, but the reasoning is laid out clearly.",
    "{S} declined the proposal for now, citing the maintenance cost of another backend.",
    "The decision to close the pull request was disappointing, though {S} left a detailed explanation.",
    "I would have preferred a longer deprecation period, and I said so to {O} in the thread.",
    "{S} and I still disagree about the default, but the discussion was respectful throughout.",
    "The review from {O} asked for changes that I found strict, and in hindsight most of them were right."],
},
features=["a streaming parser","incremental builds","a faster hash map","Windows support","async I/O","a plugin API",
    "better error messages","SIMD decoding","a new scheduler","locale-aware sorting"],
topics=["memory safety","release engineering","fuzzing","API stability","community health","performance work"],
days=["Monday","Tuesday","Wednesday","Thursday","Friday","the first of the month","the weekend"],
)

# ---------------------------------------------------------------- pool B (eval)
B = dict(
names=[("Greta","Falkenrath","f"),("Arjun","Mehrotra","m"),("Lucia","Benedetti","f"),("Stellan","Voss","m"),
       ("Amara","Eze","f"),("Jonah","Feldspar","m"),("Noor","Qasimi","f"),("Henrik","Aaltonen","m"),
       ("Valentina","Ruiz","f"),("Callum","Ferris","m"),("Mei","Tanaka","f"),("Bartholomew","Oakes","m")],
projects=["zephyr-cli","blockhaus","nimbus-orm","vellum","kestrel-http","pagoda","ironleaf","lumen-db"],
titles_attack=["The Trouble With {name}","How {project} Pushes People Away","{name}'s Kingdom",
    "An Open Letter About {project} Leadership","Inside the {project} Inner Circle","My Last Contribution to {project}"],
titles_neutral=["{project} Turns Five","Release Notes: {project} {ver}","Meet the Maintainer: {name}",
    "Profiling {project} in Production","{name} Joins the Steering Committee","Upgrading to {project} {ver}: A Field Report"],
intro_attack=["A few weeks ago I proposed {feature} for {project}.",
    "I have watched the {project} tracker for a long time before writing this.",
    "My patch for {feature} sat untouched for two months before it was closed.",
    "This is the story of a contribution that was never given a fair chance."],
attack={
 "prejudice":["It has become clear to me that {S} simply does not take people like me seriously.",
    "Contributors from outside {P} circle are held to a standard no insider would meet.",
    "{S} reads a name first and the patch second, and it shows in every decision.",
    "There is a quiet bias in how {S} runs the project, and it always points the same way."],
 "gatekeeping":["{S} treats {project} as personal property rather than a shared effort.",
    "Nothing gets in unless {S} personally approves, and approval is rarely given.",
    "{S} has built a wall around the codebase and calls it maintenance.",
    "The message from {O} is clear: newcomers may file issues, but never touch the code."],
 "ego":["At this point {S} is defending {P} pride, not the project.",
    "It seems {S} would rather keep a slow implementation than credit someone else for a fast one.",
    "The whole episode reads like a maintainer nursing a bruised ego."],
 "insecurity":["I suspect {S} is worried about being made redundant by better contributors.",
    "There is something fragile about a leader who takes every patch as a personal challenge.",
    "{S} appears to measure {P} own worth by how much of the code nobody else is allowed to touch."],
 "badfaith":["The reasons {S} gave do not survive a careful reading of the thread.",
    "{S} moved the goalposts every time I met the previous request.",
    "I no longer believe {S} engages with proposals honestly.",
    "{S} cited a policy that, as far as I can tell, did not exist until that afternoon."],
 "incompetence":["{S} does not seem to understand the concurrency model {P} own project depends on.",
    "Under {O}, {project} has become a museum of outdated decisions."],
 "rhetorical":["How long will the community tolerate this from {O}?",
    "Why should anyone keep volunteering under a maintainer like {O}?",
    "Doesn't {project} deserve a leader who welcomes help?"],
},
close_attack=["I have moved my work to a fork, and I would encourage others to consider it.",
    "Someone needs to say this out loud, so I am saying it.",
    "The project will not improve until its leadership does."],
narrative=["The patch passed every test in the suite.",
    "I had discussed the design in an issue before writing any code.",
    "Nobody raised an objection during the three weeks it was open."],
neutral={
 "news":["{S} tagged {project} {ver} this week after a two-month release cycle.",
    "The new version ships {feature}, which users have requested since the early days.",
    "{S} joined the steering committee after a vote by the existing members.",
    "The project now has more than three hundred contributors, most of them occasional.",
    "A security advisory was published alongside the release, with fixes backported to older branches."],
 "praise":["Much of the project's welcoming culture is down to {O}.",
    "{S} reviewed my first patch within a day and explained every suggestion.",
    "{P} talk at the meetup was the clearest introduction to the codebase I have seen.",
    "We owe {O} a great deal for years of quiet, careful maintenance."],
 "technical":["{S} traced the slowdown to lock contention in the connection pool.",
    "In the design document, {S} compares three approaches to {feature} and picks the simplest.",
    "The fix from {O} avoids an allocation on the hot path.",
    "{S} notes that the bug only appears when two writers race on the same page."],
 "critique":["{S} rejected the proposal, and while I think that was a mistake, the arguments were fair.",
    "I asked {O} to reconsider the deprecation timeline, and we agreed to revisit it next release.",
    "The decision by {O} to freeze the API annoyed some users, but it has made upgrades painless."],
},
features=["connection pooling","a query planner","HTTP/3","structured logging","offline mode","a rewrite of the CLI"],
topics=["testing at scale","backwards compatibility","onboarding"],
days=["last Tuesday","early this month","the end of the sprint"],
)

def pronouns(g):
    return ("she", "her", "her") if g == "f" else ("he", "his", "him")

def compose(pool, rng, attack):
    first, last, g = rng.choice(pool["names"])
    name = f"{first} {last}"
    project = rng.choice(pool["projects"])
    subj, poss, obj = pronouns(g)
    fill = dict(project=project, feature=rng.choice(pool["features"]), day=rng.choice(pool["days"]),
                ver=f"{rng.randint(1,6)}.{rng.randint(0,12)}", topic=rng.choice(pool["topics"]), name=name)
    refs_used = [0]

    def ref_forms():
        # First reference is the full name; later ones vary: surname, pronoun, role.
        k = refs_used[0]; refs_used[0] += 1
        if k == 0:
            return name, name + "'s", name
        choice = rng.random()
        if choice < 0.35: return last, last + "'s", last
        if choice < 0.75: return subj, poss, obj
        role = rng.choice(["the maintainer", "the lead maintainer", "the project lead"])
        return role, role + "'s", role

    def render(frame):
        s, p, o = ref_forms() if any(k in frame for k in ("{S}", "{P}", "{O}")) else ("", "", "")
        text = frame.format(S=s, P=p, O=o, **fill)
        return text[0].upper() + text[1:]

    sentences = []  # (text, label)
    if attack:
        title = rng.choice(pool["titles_attack"]).format(**fill)
        sentences.append((rng.choice(pool["intro_attack"]).format(**fill), 0))
        if rng.random() < 0.7:
            sentences.append((rng.choice(pool["narrative"]).format(**fill), 0))
        cats = list(pool["attack"].keys())
        rng.shuffle(cats)
        for cat in cats[:rng.randint(3, min(6, len(cats)))]:
            # the label of a document is 1; each attack sentence is also 1 on its own
            sentences.append((render(rng.choice(pool["attack"][cat])), 1))
            if rng.random() < 0.25:
                sentences.append((rng.choice(pool["narrative"]).format(**fill), 0))
        # The closing call to action is not hostile on its own: label 0 as a sentence.
        sentences.append((rng.choice(pool["close_attack"]).format(**fill), 0))
    else:
        title = rng.choice(pool["titles_neutral"]).format(**fill)
        kinds = list(pool["neutral"].keys())
        main = rng.choice(kinds)
        used = set()
        for _ in range(rng.randint(4, 8)):
            kind = main if rng.random() < 0.6 else rng.choice(kinds)
            options = [f for f in pool["neutral"][kind] if f not in used]
            if not options: continue
            frame = rng.choice(options)
            used.add(frame)
            sentences.append((render(frame), 0))
    # Paragraphs of two or three sentences, as a blog post would have.
    paragraphs, current = [], []
    for text, _ in sentences:
        current.append(text)
        if len(current) >= rng.randint(2, 3):
            paragraphs.append(" ".join(current)); current = []
    if current: paragraphs.append(" ".join(current))
    body = "\n\n".join(paragraphs)
    doc = f"{title}\n\n{body}" if rng.random() < 0.8 else body
    return dict(text=doc, label=1 if attack else 0, source="longform", person=name,
                kind="attack" if attack else "mention", title=title), sentences

def write(path, pool, seed, documents, with_sentences):
    rng = random.Random(seed)
    seen = set()
    rows, sentence_rows = [], []
    while len(rows) < documents:
        attack = len(rows) % 2 == 0
        doc, sentences = compose(pool, rng, attack)
        if doc["text"] in seen: continue
        seen.add(doc["text"])
        rows.append(doc)
        for text, label in sentences:
            if with_sentences and text not in seen:
                seen.add(text)
                sentence_rows.append(dict(text=text, label=label, source="longform-sentence"))
    with open(path, "w", encoding="utf-8") as out:
        for row in rows + sentence_rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(rows), len(sentence_rows)

if __name__ == "__main__":
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Training", "longform")
    print("train", write(os.path.join(root, "train.jsonl"), A, 20261125, 800, True))
    print("eval", write(os.path.join(root, "eval.jsonl"), B, 20261126, 300, False))
