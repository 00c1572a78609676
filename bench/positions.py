"""Position extraction: quality against the gold passages in tests/gold, and speed in the backfill path.

    python -m bench.positions              # dev + held-out tables, passages/s, backfill overhead
    python -m bench.positions --show dev   # also list the misses and false positives on dev (heldout, heldout2)
    python -m bench.positions --no-speed   # tables only

Matching rules (tests/gold/README.md says the same in prose):
  casualty_count  same outcome, same place (accents, case and hyphens folded), same value_num
  plan_term       same key and stance (value_text), and the same value_num when the gold gives one
  statement       direct (gold indirect=false): a predicted direct statement whose quote overlaps
                  the gold quote (token Jaccard >= 0.6, or one contains the other as a run of >= 3
                  tokens, or both are the same tokens); speaker-independent, so that speaker
                  accuracy can be reported apart: matched with the right speaker / matched.
                  indirect (gold indirect=true): a predicted indirect statement with the same
                  speaker whose clause shares >= half of the shorter clause's content words.
Each gold position matches at most one prediction (greedy, best overlap first) and vice versa.
"""

import argparse
import contextlib
import json
import re
import statistics
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from unittest import mock

GOLD_DIR = Path(__file__).resolve().parents[1] / "tests" / "gold"
KINDS = ("casualty_count", "plan_term", "statement")
TARGETS = {"casualty_count": 0.90, "plan_term": 0.85, "statement": 0.85}
SPEAKER_TARGET = 0.90
MAX_OVERHEAD = 0.20

QUOTE_JACCARD = 0.6
QUOTE_MIN_CONTAINED_TOKENS = 3
CLAUSE_OVERLAP = 0.5

# heldout5 was written blind by people who had read only the guidelines, while rules-5 was tuned on
# heldout4; it was scored once, at the end, and its misses are never listed (no --show), so it stays
# a test set. heldout to heldout4 were each blind once and then used for tuning: retired.
TUNING_SETS = ("dev", "heldout", "heldout2", "heldout3", "heldout4")
BLIND_SET = "heldout5"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.positions", description=__doc__.split("\n")[0])
    parser.add_argument("--show", choices=TUNING_SETS, help="list misses and false positives of one set")
    parser.add_argument("--no-speed", action="store_true", help="skip the passages/s and backfill-overhead timings")
    parser.add_argument("--only", choices=(*TUNING_SETS, BLIND_SET), help="score one set only (tune on dev without seeing held-out)")
    args = parser.parse_args(argv)

    from pipeline.positions import EXTRACTOR_VERSION

    print(f"positions extractor {EXTRACTOR_VERSION}")
    names = (args.only,) if args.only else (*TUNING_SETS, BLIND_SET)
    names = tuple(n for n in names if (GOLD_DIR / f"{n}.jsonl").exists())
    sets = {name: load_gold(GOLD_DIR / f"{name}.jsonl") for name in names}
    for name, passages in sets.items():
        report = score(passages)
        print()
        print(format_table(report, f"{name} ({len(passages)} passages)"))
        if args.show == name:
            print()
            print(format_failures(report))
    if not args.no_speed:
        print()
        everything = [p for passages in sets.values() for p in passages]
        rate = passages_per_second(everything)
        print(f"extraction speed: {rate:,.0f} passages/s ({len(everything)} gold passages, best of 5 runs)")
        print(format_overhead(backfill_overhead()))
    return 0


# -- gold ------------------------------------------------------------------------------------


def load_gold(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def predict(passage: dict) -> list:
    """What the backfill would extract: the text normalised as pipeline.extract does, then rules."""
    from pipeline.normalise import normalise_text
    from pipeline.positions import extract_positions

    title = normalise_text(passage["title"]) if passage.get("title") else None
    return extract_positions(normalise_text(passage["text"]), title=title)


# -- scoring ---------------------------------------------------------------------------------


@dataclass
class KindScore:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    attribute_right: int = 0  # casualty: qualifier and unit; plan: holder; statement: speaker (direct only)
    attribute_total: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def attribute_accuracy(self) -> float:
        return self.attribute_right / self.attribute_total if self.attribute_total else 1.0


@dataclass
class Report:
    kinds: dict[str, KindScore] = field(default_factory=lambda: {k: KindScore() for k in KINDS})
    failures: list[str] = field(default_factory=list)


def score(passages: list[dict], extract=predict) -> Report:
    report = Report()
    for passage in passages:
        predicted = extract(passage)
        for kind in KINDS:
            gold = [g for g in passage["positions"] if g["kind"] == kind]
            pred = [p for p in predicted if p.kind == kind]
            pairs = match(kind, gold, pred)
            result = report.kinds[kind]
            result.gold += len(gold)
            result.predicted += len(pred)
            result.matched += len(pairs)
            for g, p in pairs:
                right = _attribute_right(kind, gold[g], pred[p])
                if right is not None:
                    result.attribute_total += 1
                    result.attribute_right += right
                    if not right:
                        report.failures.append(f"{passage['id']}  WRONG {_describe_gold(gold[g])}  got {_describe(pred[p])}")
            matched_gold = {g for g, _ in pairs}
            matched_pred = {p for _, p in pairs}
            for i, g in enumerate(gold):
                if i not in matched_gold:
                    report.failures.append(f"{passage['id']}  MISS  {_describe_gold(g)}")
            for i, p in enumerate(pred):
                if i not in matched_pred:
                    report.failures.append(f"{passage['id']}  FP    {_describe(p)}")
    return report


def match(kind: str, gold: list[dict], pred: list) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), best similarity first."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            similarity = _similarity(kind, g, p)
            if similarity is not None:
                candidates.append((similarity, -abs(i - j), i, j))
    pairs, used_gold, used_pred = [], set(), set()
    for _, _, i, j in sorted(candidates, reverse=True):
        if i not in used_gold and j not in used_pred:
            pairs.append((i, j))
            used_gold.add(i)
            used_pred.add(j)
    return pairs


def _similarity(kind: str, gold: dict, pred) -> float | None:
    """None when `pred` cannot match `gold`; else how well (higher is better)."""
    if kind == "casualty_count":
        gold_place, _, gold_outcome = gold["key"].rpartition("|")
        pred_place, _, pred_outcome = pred.key.rpartition("|")
        if gold_outcome != pred_outcome or fold(gold_place) != fold(pred_place):
            return None
        if pred.value_num is None or abs(pred.value_num - gold["value_num"]) > 1e-6:
            return None
        return 1.0 + (pred.qualifier == gold.get("qualifier"))
    if kind == "plan_term":
        if pred.key != gold["key"] or pred.value_text != gold["value_text"]:
            return None
        if gold.get("value_num") is not None and (pred.value_num is None or abs(pred.value_num - gold["value_num"]) > 1e-6):
            return None
        return 1.0 + (pred.holder == gold.get("holder"))
    if gold.get("indirect"):
        if not pred.indirect or not same_speaker(gold["speaker"], pred.speaker):
            return None
        overlap = clause_overlap(gold["value_text"], pred.value_text or "")
        return overlap if overlap >= CLAUSE_OVERLAP else None
    if pred.indirect:
        return None
    overlap = quote_overlap(gold["value_text"], pred.value_text or "")
    return overlap + (0.01 if same_speaker(gold["speaker"], pred.speaker) else 0.0) if overlap else None


def _attribute_right(kind: str, gold: dict, pred) -> bool | None:
    if kind == "casualty_count":
        unit_right = "unit" not in gold or gold["unit"] == pred.unit
        return pred.qualifier == gold.get("qualifier") and unit_right
    if kind == "plan_term":
        return pred.holder == gold.get("holder")
    if gold.get("indirect"):
        return None  # the speaker is part of the match
    return same_speaker(gold["speaker"], pred.speaker)


# -- text comparisons ------------------------------------------------------------------------


def fold(name: str | None) -> str:
    """Accents, case, hyphens and spacing folded: "Kahramanmaraş" == "kahramanmaras"."""
    name = unicodedata.normalize("NFKD", name or "")
    name = "".join(c for c in name if not unicodedata.combining(c))
    return " ".join(name.casefold().replace("-", " ").split())


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text.replace("\u2019", "'")))


def quote_overlap(gold: str, pred: str) -> float:
    """Jaccard of the two quotes' tokens when it reaches QUOTE_JACCARD, 1.0 when one quote contains
    the other as a run of at least QUOTE_MIN_CONTAINED_TOKENS tokens (or both are the same tokens)."""
    a, b = tokens(gold), tokens(pred)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if len(shorter) >= QUOTE_MIN_CONTAINED_TOKENS and _contains_run(longer, shorter):
        return 1.0
    jaccard = len(set(a) & set(b)) / len(set(a) | set(b))
    return jaccard if jaccard >= QUOTE_JACCARD else 0.0


def clause_overlap(gold: str, pred: str) -> float:
    """Share of the shorter clause's content words found in the other."""
    a, b = set(tokens(gold)) - _STOPWORDS, set(tokens(pred)) - _STOPWORDS
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def same_speaker(gold: str | None, pred: str | None) -> bool:
    """Same canonical speaker: equal after folding and dropping a leading article; or a surname
    against the full name ("Jeffries" / "Hakeem Jeffries"); or, for descriptions, one containing
    the other ("police spokesman" / "police spokesman in Uvalde") when the shorter has two words."""
    a, b = _speaker_words(gold), _speaker_words(pred)
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if len(shorter) == 1 and shorter[0] == longer[-1]:
        return True
    return len(shorter) >= 2 and _contains_run(longer, shorter)


def _speaker_words(name: str | None) -> list[str]:
    words = tokens(name or "")
    while words and words[0] in ("the", "a", "an", "one"):
        words = words[1:]
    return words


def _contains_run(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


_STOPWORDS = frozenset(
    "a an the of to in on at for and or but that this these those it its is was were be been has have had "
    "by with as from would will could should not no any".split()
)


# -- printing --------------------------------------------------------------------------------


def format_table(report: Report, title: str) -> str:
    attribute_names = {"casualty_count": "qualifier+unit acc", "plan_term": "holder acc", "statement": "speaker acc"}
    lines = [
        f"== {title} ==",
        f"{'kind':<16}{'P':>7}{'R':>7}{'F1':>7}{'support':>9}{'pred':>6}{'match':>7}  attribute",
    ]
    for kind in KINDS:
        k = report.kinds[kind]
        attribute = f"{attribute_names[kind]} {k.attribute_accuracy:.2f} ({k.attribute_right}/{k.attribute_total})"
        lines.append(
            f"{kind:<16}{k.precision:>7.2f}{k.recall:>7.2f}{k.f1:>7.2f}{k.gold:>9}{k.predicted:>6}{k.matched:>7}  {attribute}"
        )
    return "\n".join(lines)


def format_failures(report: Report) -> str:
    return "\n".join(report.failures) if report.failures else "(no failures)"


def _describe_gold(g: dict) -> str:
    extra = ""
    if g["kind"] == "casualty_count":
        extra = f" {g['value_num']:g} {g.get('qualifier') or ''} {g.get('unit') or ''}"
    elif g["kind"] == "plan_term":
        extra = f" {g['value_text']} holder={g.get('holder')} num={g.get('value_num')}"
    else:
        extra = f" {'(indirect) ' if g.get('indirect') else ''}{g['speaker']}: {g['value_text']!r}"
    return f"{g['kind']} {g['key'] if g['kind'] != 'statement' else ''}{extra}".replace("  ", " ")


def _describe(p) -> str:
    if p.kind == "casualty_count":
        extra = f" {p.value_num:g} {p.qualifier or ''} {p.unit or ''}"
    elif p.kind == "plan_term":
        extra = f" {p.value_text} holder={p.holder} num={p.value_num} [{p.detail}]"
    else:
        return f"statement {'(indirect) ' if p.indirect else ''}{p.speaker}: {p.value_text!r}"
    return f"{p.kind} {p.key}{extra}".replace("  ", " ")


# -- speed -----------------------------------------------------------------------------------


def passages_per_second(passages: list[dict], runs: int = 5) -> float:
    from pipeline.normalise import normalise_text
    from pipeline.positions import extract_positions

    texts = [(normalise_text(p["text"]), p.get("title")) for p in passages]
    extract_positions(texts[0][0])  # load the dictionaries and the gazetteer outside the timing
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        for text, title in texts:
            extract_positions(text, title=title)
        best = min(best, time.perf_counter() - start)
    return len(texts) / best


@dataclass
class Overhead:
    pages: int
    elements: float  # mean DOM elements per page
    kilobytes: float  # mean page size
    with_positions: float  # seconds, median of the runs
    without_positions: float
    positions_found: int
    note: str = ""
    with_load: float = 0.0  # the same plus loading into a new warehouse
    without_load: float = 0.0

    @property
    def ratio(self) -> float:
        return self.with_positions / self.without_positions

    @property
    def load_ratio(self) -> float:
        return self.with_load / self.without_load


def backfill_overhead(pages: int = 50, runs: int = 9) -> Overhead:
    """Time the backfill's content path (read + trafilatura + normalise + positions) over synthetic
    HTML news pages, with the real extractor and with it replaced by one returning [], in turns in
    the same process (alternating which goes first); the median of `runs` of each, which one
    lucky or disturbed run does not move."""
    import pipeline.positions
    from pipeline.readers import discover

    gold = [p for name in ("dev", "heldout") for p in load_gold(GOLD_DIR / f"{name}.jsonl")]
    with tempfile.TemporaryDirectory(prefix="articlewatch-bench-") as folder:
        write_html_pages(Path(folder), gold, pages)
        files = discover([folder])
        elements, kilobytes = _page_shape([f.path for f in files])
        prepare, note = _prepare_function()
        prepare(files[:2])  # warm up trafilatura, the gazetteer and the dictionaries
        from pipeline.positions.places import contains

        contains("Ukraine", "Kyiv")  # and the place-in-country table, built on first use
        timings = {"with": [], "without": [], "with+load": [], "without+load": []}
        found = 0
        for run in range(runs):
            for mode in ("with", "without") if run % 2 == 0 else ("without", "with"):  # no order bias
                disabled = mock.patch.object(pipeline.positions, "extract_positions", lambda text, title=None: [])
                with disabled if mode == "without" else contextlib.nullcontext():
                    start = time.perf_counter()
                    articles = prepare(files)
                    prepared = time.perf_counter()
                    _load_into_fresh_warehouse(Path(folder) / f"{mode}-{run}.duckdb", articles)
                    timings[mode].append(prepared - start)
                    timings[mode + "+load"].append(time.perf_counter() - start)
                if mode == "with":
                    found = sum(len(a.positions) for a in articles)
    median = {mode: statistics.median(values) for mode, values in timings.items()}
    return Overhead(len(files), elements, kilobytes, median["with"], median["without"], found, note,
                    median["with+load"], median["without+load"])


def _load_into_fresh_warehouse(db: Path, articles) -> None:
    """The backfill's other half: one load_batch into a new DuckDB file (positions are stored too)."""
    from datetime import datetime

    from warehouse.db import connect
    from warehouse.load import load_batch

    con = connect(db)
    try:
        load_batch(con, articles, [], run_id="bench", seen_at=datetime(2025, 1, 1))
    finally:
        con.close()


def _page_shape(paths: list[Path]) -> tuple[float, float]:
    import lxml.html

    elements = [sum(1 for _ in lxml.html.fromstring(p.read_bytes()).iter()) for p in paths]
    return sum(elements) / len(elements), sum(p.stat().st_size for p in paths) / len(paths) / 1024


def _prepare_function():
    """pipeline.batch.prepare_files; if it cannot run in this tree, the same steps by hand."""
    from pipeline.batch import prepare_files
    from pipeline.extract import to_article
    from pipeline.readers import DEFAULT_MAX_BYTES, read_file

    def by_batch(files):
        articles, failures = prepare_files(files, DEFAULT_MAX_BYTES)
        if failures:
            raise RuntimeError(f"{len(failures)} synthetic pages failed: {failures[0]}")
        return articles

    def by_hand(files):
        return [to_article(doc) for source in files for doc in read_file(source, DEFAULT_MAX_BYTES)]

    try:
        by_batch([])
    except Exception as exc:  # another stage under construction must not stop the bench
        return by_hand, f"(pipeline.batch.prepare_files failed: {type(exc).__name__}: {exc}; timed read_file + to_article)"
    return by_batch, ""


def format_overhead(overhead: Overhead) -> str:
    verdict = "OK" if overhead.ratio - 1 <= MAX_OVERHEAD else f"OVER the {MAX_OVERHEAD:.0%} budget"
    lines = [
        f"backfill content path (pipeline.batch.prepare_files) over {overhead.pages} synthetic HTML pages "
        f"({overhead.elements:,.0f} DOM elements, {overhead.kilobytes:.0f} KB each on average), median of 9 runs each:",
        f"  with positions    {overhead.with_positions:6.2f} s  ({overhead.positions_found} positions, "
        f"{(overhead.with_positions - overhead.without_positions) / overhead.pages * 1000:.1f} ms per page)",
        f"  without positions {overhead.without_positions:6.2f} s  ({overhead.without_positions / overhead.pages * 1000:.1f} ms per page)",
        f"  ratio {overhead.ratio:.3f}: positions add {overhead.ratio - 1:+.1%} ({verdict})",
        "whole backfill work (the same, then one load_batch into a new DuckDB file):",
        f"  with positions    {overhead.with_load:6.2f} s, without {overhead.without_load:6.2f} s: "
        f"ratio {overhead.load_ratio:.3f}, positions add {overhead.load_ratio - 1:+.1%} "
        f"({'OK' if overhead.load_ratio - 1 <= MAX_OVERHEAD else 'OVER the budget'})",
    ]
    if overhead.note:
        lines.append("  " + overhead.note)
    return "\n".join(lines)


def write_html_pages(folder: Path, passages: list[dict], count: int) -> None:
    """`count` news pages shaped like real ones: about 1,700 DOM elements (the median for news
    sites in the HTTP Archive, 2023: https://briangrinstead.com/blog/httparchive-analysis-of-news-homepages/)
    in about 110 KB: a mega-menu, a trending bar, JSON-LD, an app-state script holding the page's
    data (as Next.js-style sites embed), an icon sprite, a cookie banner, an article of 6-10 gold
    passages (450-900 words) with in-article promos, a most-read box, a grid of section teasers, a
    newsletter box and a long footer - so trafilatura has real boilerplate to strip and the
    extractor a full article."""
    import html
    import random

    rng = random.Random(20240601)
    outlets = ["The Daily Ledger", "World Wire", "Morning Courier", "The Evening Post", "Global Dispatch"]
    sections = ["World", "Europe", "Middle East", "Africa", "Americas", "Asia", "UK", "US Politics", "Business",
                "Markets", "Climate", "Science", "Health", "Tech", "Sport", "Culture", "Opinion", "Live"]
    words = re.findall(r"[A-Za-z]{3,}", " ".join(p["text"] for p in passages))

    def teaser(n_words: int) -> str:
        return html.escape(" ".join(rng.choice(words) for _ in range(n_words)).capitalize())

    script = "var _cfg=" + json.dumps({f"slot{i}": {"id": i, "sizes": [[300, 250], [728, 90]], "targeting": teaser(6)} for i in range(60)})
    sprite = "".join(
        f'<symbol id="icon-{k}" viewBox="0 0 24 24"><path d="M{k % 20} {k % 7}h{k % 11}v{k % 13}H{k % 5}z'
        f'M{k % 9} {k % 17}l{k % 3} {k % 4}"/></symbol>'
        for k in range(120)
    )
    for n in range(count):
        chosen = [passages[(n * 7 + k * 13) % len(passages)] for k in range(6 + n % 5)]
        outlet = outlets[n % len(outlets)]
        headline = chosen[0].get("title") or _headline_from(chosen[0]["text"])
        paragraphs = [line for p in chosen for line in p["text"].split("\n") if line.strip()]
        body_parts = []
        for i, line in enumerate(paragraphs):
            body_parts.append(f"<p>{html.escape(line)}</p>")
            if i == 2:
                body_parts.append(f'<aside class="promo"><a href="/story/{n}-promo">Read more: {teaser(8)}</a></aside>')
            if i == 5:
                body_parts.append('<div class="ad-slot" data-slot="mid"><script>googletag.cmd.push(function(){});</script></div>')
        nav = "".join(
            f'<li class="menu-item"><a href="/{s.lower().replace(" ", "-")}">{s}</a><ul class="sub">'
            + "".join(f'<li><a href="/{s.lower().replace(" ", "-")}/{k}">{teaser(2)}</a></li>' for k in range(18))
            + "</ul></li>"
            for s in sections
        )
        grid = "".join(
            f'<div class="card"><a href="/section/{n}-{k}"><picture><source srcset="/c/{k}.webp"><img src="/c/{k}.jpg" alt=""></picture>'
            f'<span class="kicker">{teaser(1)}</span><h4>{teaser(8)}</h4></a><p class="meta"><time>{k + 1}h ago</time></p></div>'
            for k in range(44)
        )
        trending = "".join(f'<li><a href="/trending/{n}-{k}">{teaser(5)}</a></li>' for k in range(8))
        most_read = "".join(
            f'<li><a href="/story/{n}-{k}"><img src="/t/{k}.jpg" alt=""><h3>{teaser(9)}</h3><p>{teaser(20)}</p></a></li>'
            for k in range(12)
        )
        footer = "".join(f'<li><a href="/info/{k}">{teaser(2)}</a></li>' for k in range(90))
        app_state = json.dumps({"props": {"pageProps": {
            "article": {"headline": headline, "body": [{"type": "p", "text": line} for line in paragraphs]},
            "related": [{"id": f"{n}-{k}", "headline": teaser(9), "standfirst": teaser(30), "url": f"/story/{n}-{k}",
                         "image": {"src": f"/img/{k}.jpg", "alt": teaser(6), "width": 1200, "height": 675}}
                        for k in range(40)],
            "navigation": [{"label": s, "children": [{"label": teaser(2), "url": f"/{k}"} for k in range(10)]}
                           for s in sections]}}, "buildId": f"b{n % 7}"})
        json_ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": headline,
                              "datePublished": f"2025-0{1 + n % 9}-1{n % 10}T0{n % 10}:30:00Z",
                              "author": {"@type": "Person", "name": "Staff reporter"},
                              "publisher": {"@type": "Organization", "name": outlet}, "articleSection": sections[n % len(sections)]})
        page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(headline)} | {outlet}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{html.escape(headline)}">
<meta property="og:type" content="article">
<meta name="author" content="Staff reporter">
<meta property="article:published_time" content="2025-0{1 + n % 9}-1{n % 10}T0{n % 10}:30:00Z">
<link rel="canonical" href="https://news{n % 5}.example/world/story-{n}">
<link rel="stylesheet" href="/static/main.{n % 3}.css">
<script type="application/ld+json">{json_ld}</script>
<script>{script}</script>
<script id="__APP_STATE__" type="application/json">{app_state}</script>
<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}} gtag('js', new Date());</script>
<style>body {{ font-family: serif; }} .nav li {{ display: inline; }} .ad-slot {{ min-height: 250px; }}</style>
</head><body>
<svg xmlns="http://www.w3.org/2000/svg" style="display:none">{sprite}</svg>
<div class="cookie-banner">We use cookies and similar technologies to improve your experience, personalise content and ads,
and analyse our traffic. <button>Accept all</button> <button>Reject all</button> <a href="/privacy">Manage preferences</a></div>
<header><div class="logo"><a href="/">{outlet}</a></div>
<nav aria-label="Main"><ul class="nav">{nav}</ul></nav>
<form action="/search"><input name="q" placeholder="Search"><button>Search</button></form>
<div class="trending"><span>Trending:</span><ul>{trending}</ul></div></header>
<main><div class="breadcrumbs"><a href="/">Home</a> &rsaquo; <a href="/world">World</a> &rsaquo; {sections[n % len(sections)]}</div>
<article>
<h1>{html.escape(headline)}</h1>
<div class="byline">By Staff reporter, {outlet} &middot; Updated {n % 12 + 1} hours ago</div>
<figure><img src="/img/{n}.jpg" alt="Rescuers at the scene"><figcaption>Rescuers at the scene. Photo: Agency</figcaption></figure>
{"".join(body_parts)}
<div class="share">Share this article: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a> <a href="#">Email</a></div>
<div class="tags">Topics: <a href="/t/a">{teaser(2)}</a> <a href="/t/b">{teaser(2)}</a> <a href="/t/c">{teaser(2)}</a></div>
</article>
<aside><h2>Most read</h2><ol>{most_read}</ol></aside>
<section class="more"><h2>More from {sections[n % len(sections)]}</h2><div class="grid">{grid}</div></section>
<section class="newsletter"><h3>Sign up for our morning briefing</h3><p>Get the day's top stories in your inbox every morning.</p>
<form><input type="email" placeholder="Email address"><button>Sign up</button></form></section>
</main>
<footer><ul>{footer}</ul>
<p>&copy; 2025 {outlet}. All rights reserved. {teaser(40)}</p></footer>
<script src="/static/app.{n % 4}.js" defer></script>
</body></html>
"""
        (folder / f"page_{n:03d}.html").write_text(page, encoding="utf-8")


def _headline_from(text: str) -> str:
    words = re.sub(r"[\"\u201c\u201d]", "", text.split("\n")[0]).split()[:10]
    return " ".join(words).rstrip(",.;:") or "News"


if __name__ == "__main__":
    sys.exit(main())
