"""A generator of news-like articles for the near-duplicate evaluation set.

Each *event* (a strike, a flood, a round of talks ...) has fixed facts: place, toll, officials, a
quote. Several outlets write *independent* reports of one event: they share those facts, names
and the quote (the hard negatives), but phrase everything through a small grammar, so their
sentences differ as real reports do. Variants of one report (boilerplate, headline, cut or added
paragraphs, reordering, typos, quote marks) are the positives.
"""

import random
from dataclasses import dataclass, field

PLACES = ["Ternopil", "Kharkiv", "Zaporizhzhia", "Odesa", "Dnipro", "Lviv", "Sumy", "Kherson", "Poltava",
          "Mykolaiv", "Chernihiv", "Rivne", "Izmir", "Antakya", "Valencia", "Derna", "Porto Alegre",
          "Khan Younis", "Rafah", "Kramatorsk", "Bakhmut", "Pokrovsk", "Vinnytsia", "Uzhhorod"]
OFFICIALS = [("regional governor", "Vyacheslav Negoda"), ("mayor", "Ihor Terekhov"), ("governor", "Ivan Fedorov"),
             ("interior minister", "Ihor Klymenko"), ("emergency services chief", "Andriy Danyk"),
             ("health minister", "Viktor Liashko"), ("city council head", "Olena Marchuk"),
             ("police chief", "Serhiy Vlasenko"), ("prosecutor general", "Ruslan Kravchenko"),
             ("civil protection director", "Maria Lopez"), ("disaster agency head", "Yunus Sezer")]
EVENTS = {
    "strike": ("missile strike", "struck", "residential buildings", "killed"),
    "drone": ("drone attack", "hit", "an apartment block", "killed"),
    "flood": ("flash flood", "swept through", "low-lying districts", "died"),
    "quake": ("earthquake", "shook", "the old town", "died"),
    "blast": ("explosion", "tore through", "a market", "killed"),
}
QUOTES = [
    "We will keep searching until every person is found",
    "The enemy deliberately targeted homes where families were sleeping",
    "This is a day of mourning for the whole region",
    "Every life lost here is a crime that will be answered",
    "We need more air defence, and we need it now",
    "Our rescuers have been working without rest since dawn",
    "No military target was anywhere near these homes",
    "The water rose faster than anyone could have imagined",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
OUTLETS = ["Wire", "Herald", "Courier", "Gazette", "Post", "Ledger", "Tribune", "Observer", "Monitor", "Sentinel",
           "Chronicle", "Dispatch", "Record", "Examiner", "Register", "Bulletin"]

OPENERS = ["", "", "Officials said ", "According to local authorities, ", "Witnesses said ", "By evening, ",
           "Earlier in the day, ", "In a statement, officials said ", "Local media reported that ", "Meanwhile, "]
RESCUE_SUBJECTS = ["rescue crews", "emergency workers", "firefighters", "volunteers", "soldiers and police",
                   "teams with sniffer dogs", "medics", "local residents"]
RESCUE_VERBS = ["searched the rubble", "cleared debris", "pulled survivors from the ruins", "set up a cordon",
                "worked under floodlights", "dug through collapsed floors", "ferried the injured to hospital",
                "handed out water and blankets"]
TIMES = ["through the night", "until late afternoon", "for several hours", "into the early morning",
         "despite the cold", "as sirens sounded again", "while aftershocks continued", "in freezing rain"]
CONTEXT = [
    "The city had until now been spared the worst of the {event}s that hit the region",
    "Residents said it was the most frightening night since the war began",
    "Schools and kindergartens in {place} were closed for the rest of the week",
    "Power and water were cut to several neighbourhoods of {place}",
    "Hospitals in {place} appealed for blood donors",
    "The local council declared {n} days of mourning",
    "Neighbouring towns sent buses and generators to help",
    "Analysts said the {event} could harden positions ahead of talks",
    "Aid groups warned that shelters were already full",
    "Insurance experts said the damage could run into millions",
    "Officials promised compensation for families who lost their homes",
    "Some residents refused to leave their damaged flats",
    "The national government said it would send extra rescue teams",
    "Images shared online showed the facade of one building torn away",
    "The last comparable disaster in {place} happened more than a decade ago",
    "Engineers were checking whether nearby buildings were safe",
]
REACTIONS = ["condemned the {event}", "sent condolences to the families", "called for an investigation",
             "promised help for the survivors", "urged allies to act", "said the response had been quick"]
LEADERS = ["the president", "the prime minister", "the foreign minister", "the EU's foreign policy chief",
           "the UN secretary-general", "the country's ombudsman"]
BOILERPLATE = [
    "Sign up for our morning newsletter to get the day's top stories in your inbox.",
    "Follow us on social media for the latest updates.",
    "Copyright {year} {outlet} Media Group. All rights reserved. This material may not be republished.",
    "Related: what we know so far about the {event} in {place}.",
    "Support independent journalism: subscribe today.",
    "Reporting by {outlet} staff; editing by the news desk.",
]


@dataclass
class Event:
    id: int
    kind: str
    place: str
    day: str
    killed: int
    injured: int
    missing: int
    official: tuple
    quote: str
    statement: str = ""   # an official statement every outlet quotes in full: shared text


    @property
    def noun(self):
        return EVENTS[self.kind][0]


@dataclass
class Report:
    id: str
    event: int
    outlet: str
    title: str
    paragraphs: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join([self.title, *self.paragraphs])


def make_events(count: int, rng: random.Random) -> list[Event]:
    events = []
    for i in range(count):
        event = Event(i, rng.choice(list(EVENTS)), rng.choice(PLACES), rng.choice(DAYS), rng.randint(2, 60),
                      rng.randint(5, 200), rng.randint(0, 30), rng.choice(OFFICIALS), rng.choice(QUOTES))
        others = rng.sample([q for q in QUOTES if q != event.quote], 2)
        event.statement = (f'In a statement, the {event.official[0]}\'s office said: "{others[0]}. '
                           f'{event.killed} people have died and {event.injured} are in hospital in {event.place}. '
                           f'{others[1]}."')
        events.append(event)
    return events


def write_report(event: Event, outlet: str, rng: random.Random, report_id: str) -> Report:
    """An independent report of `event`: shared facts and quote, its own phrasing and extra detail."""
    noun, verb, target, died = EVENTS[event.kind]
    title_word = rng.choice(["Deadly", "Toll rises after", "Survivors search after", "Night of horror:",
                             "Mourning in", "Rescuers race after"])
    title = f"{title_word} {noun} in {event.place}" if not title_word.endswith(":") else f"{title_word} {noun} hits {event.place}"
    facts = [_lead(event, rng), _toll(event, rng)]
    title_o, name = event.official
    quote_line = rng.choice([
        f'"{event.quote}," {title_o} {name} told reporters',
        f'"{event.quote}," said {name}, the {title_o}',
        f'{name}, the {title_o}, said: "{event.quote}."',
    ])
    paragraphs = [_sentences(facts, rng), _sentences([quote_line], rng), event.statement]
    for _ in range(rng.randint(3, 5)):
        paragraphs.append(_sentences([_detail(event, rng) for _ in range(rng.randint(2, 3))], rng))
    rng.shuffle(paragraphs[2:])
    return Report(report_id, event.id, outlet, title, paragraphs)


def write_brief(event: Event, outlet: str, rng: random.Random, report_id: str) -> Report:
    """A short independent brief: its own lead, then the quote and the statement every outlet carries.

    The hardest negative: most of its text is shared with the other reports of the event.
    """
    full = write_report(event, outlet, rng, report_id)
    return Report(report_id, event.id, outlet, full.title, full.paragraphs[:3])


def _lead(event: Event, rng: random.Random) -> str:
    """The opening fact, phrased compositionally: independent reports rarely share it word for word."""
    noun, verb, target, died = EVENTS[event.kind]
    when = rng.choice([f"on {event.day}", f"early on {event.day}", f"late on {event.day}", f"on {event.day} morning",
                       f"overnight into {event.day}", f"in the early hours of {event.day}"])
    adjective = rng.choice(["", "powerful ", "devastating ", "massive ", "deadly ", "sudden "])
    where = rng.choice([f"in {event.place}", f"in the city of {event.place}", f"in central {event.place}",
                        f"on the outskirts of {event.place}", f"across {event.place}"])
    count = rng.choice([f"at least {event.killed} people", f"{event.killed} people", f"no fewer than {event.killed} people",
                        f"at least {event.killed} residents", f"{event.killed} civilians"])
    return rng.choice([
        f"{count} {died} when a {adjective}{noun} {verb} {target} {where} {when}",
        f"a {adjective}{noun} {verb} {target} {where} {when}, leaving {count} dead",
        f"{count} were killed {where} {when} after a {adjective}{noun} {verb} {target}",
        f"the death toll from the {adjective}{noun} {where} {when} rose to {event.killed}",
        f"{when[3:] if when.startswith('on ') else when}, a {adjective}{noun} {verb} {target} {where}, killing {count}",
        f"authorities {where} said {count} {died} after a {adjective}{noun} {when}",
    ])


def _toll(event: Event, rng: random.Random) -> str:
    injured = rng.choice([f"{event.injured} others were injured", f"another {event.injured} were wounded",
                          f"{event.injured} people were taken to hospital", f"more than {event.injured} were hurt"])
    missing = rng.choice([f"{event.missing} remain missing", f"{event.missing} people were still unaccounted for",
                          f"{event.missing} are feared trapped", f"the fate of {event.missing} residents is unknown"])
    source = rng.choice(["", ", officials said", ", according to emergency services", ", the authorities said",
                         ", local officials told reporters", ""])
    return rng.choice([f"{injured} and {missing}{source}", f"{missing}, while {injured}{source}",
                       f"{injured}{source}. {missing[0].upper() + missing[1:]}"])


def _detail(event: Event, rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.4:
        return (rng.choice(OPENERS) + f"{rng.choice(RESCUE_SUBJECTS)} {rng.choice(RESCUE_VERBS)} "
                f"{rng.choice(TIMES)}").strip()
    if kind < 0.8:
        return rng.choice(CONTEXT).format(event=event.noun, place=event.place, n=rng.randint(1, 3))
    return f"{rng.choice(LEADERS).capitalize()} {rng.choice(REACTIONS).format(event=event.noun)}"


def _sentences(parts: list[str], rng: random.Random) -> str:
    out = []
    for part in parts:
        part = part[0].upper() + part[1:]
        out.append(part if part.endswith((".", '"')) else part + ".")
    return " ".join(out)


# --- variants of a report (positives) -------------------------------------------------------

def variant(report: Report, how: str, rng: random.Random, event: Event) -> str:
    paragraphs = list(report.paragraphs)
    title = report.title
    if how == "boilerplate":
        extra = [b.format(year=2025, outlet=rng.choice(OUTLETS), event=event.noun, place=event.place)
                 for b in rng.sample(BOILERPLATE, 3)]
        paragraphs = [extra[0], *paragraphs, *extra[1:]]
    elif how == "headline":
        title = f"{event.place}: {rng.choice(['what we know', 'live updates', 'latest'])} on the {event.noun}"
    elif how == "drop_paragraph":
        del paragraphs[rng.randrange(2, len(paragraphs))]
    elif how == "drop_half":
        paragraphs = paragraphs[: max(3, len(paragraphs) // 2 + 1)]
    elif how == "add_paragraph":
        paragraphs.insert(rng.randrange(1, len(paragraphs)),
                          _sentences([_detail(event, rng) for _ in range(3)], rng))
    elif how == "reorder":
        sentences = [s for p in paragraphs for s in p.split(". ")]
        rng.shuffle(sentences)
        paragraphs = [". ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
    elif how == "typos":
        paragraphs = [_typos(p, rng) for p in paragraphs]
    elif how == "quotes":
        paragraphs = [p.replace('"', "'") for p in paragraphs]
    elif how == "excerpt":
        paragraphs = paragraphs[:3]
    elif how == "embedded":  # the report inside a longer round-up page with other stories
        other = make_events(2, rng)
        for extra in other:
            paragraphs += write_report(extra, report.outlet, rng, "roundup").paragraphs[2:]
    elif how == "combined":
        paragraphs = paragraphs[:-1] + [BOILERPLATE[0]]
        rng.shuffle(paragraphs)
        title = f"{event.place}: latest on the {event.noun}"
        paragraphs = [_typos(p, rng) for p in paragraphs]
    return "\n".join([title, *paragraphs])


VARIANTS = ["boilerplate", "headline", "drop_paragraph", "drop_half", "add_paragraph", "reorder", "typos",
            "quotes", "excerpt", "embedded", "combined"]


def _typos(text: str, rng: random.Random, rate: float = 0.04) -> str:
    words = text.split(" ")
    for i, word in enumerate(words):
        if len(word) > 4 and rng.random() < rate:
            j = rng.randrange(len(word) - 2)
            words[i] = word[:j] + word[j + 1] + word[j] + word[j + 2:]
    return " ".join(words)
