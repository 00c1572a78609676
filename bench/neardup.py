"""Near-duplicate benchmark: precision/recall on a labelled set, throughput, and add-one latency at scale.

    uv run python -m bench.neardup                  # full run (100,000-article warehouse)
    uv run python -m bench.neardup --background 10000 --events 60   # quick

The labelled set (bench/newsgen.py): per event, several independent reports by different outlets
(same facts, names and quote: the hard negatives) and variants of each report (the positives).
Everything is loaded through the real warehouse path (load_batch on a DuckDB file, in shuffled
order, in separate batches), and the clusters the warehouse forms (article_stories) are scored
pairwise against the truth.
"""

import argparse
import itertools
import os
import random
import statistics
import tempfile
import time
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from bench.newsgen import OUTLETS, VARIANTS, make_events, variant, write_brief, write_report
from pipeline.documents import Article
from pipeline.identity import text_sha256
from pipeline.neardup import DedupConfig, band_hashes
from pipeline.normalise import normalise_text
from warehouse.db import connect
from warehouse.dedup import save_config
from warehouse.load import load_batch

SEEN = datetime(2025, 11, 20, 8, 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=150, help="events in the labelled set")
    parser.add_argument("--reports", type=int, default=3, help="independent reports per event")
    parser.add_argument("--variants", type=int, default=2, help="variants per report")
    parser.add_argument("--background", type=int, default=100_000, help="articles in the scale warehouse")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    items = labelled_set(args.events, args.reports, args.variants, rng)
    print(f"labelled set: {len(items)} articles from {args.events} events "
          f"({args.reports} independent reports and one brief each, {args.variants} variants per report)\n")

    print("settings sweep (pairwise precision / recall over the whole set):")
    print(f"{'shingle':>7} {'bands':>5} {'shared':>6} {'jaccard':>7} {'contain':>7} | {'precision':>9} {'recall':>7} "
          f"{'hard-neg merged':>15} {'articles/s':>10}")
    default = DedupConfig()
    sweep = [default, replace(default, shingle_size=3), replace(default, shingle_size=5),
             replace(default, jaccard=0.4), replace(default, jaccard=0.6), replace(default, jaccard=0.7),
             replace(default, containment=0.75), replace(default, containment=0.95),
             replace(default, bands=42, min_shared_bands=1), replace(default, min_shared_bands=1),
             replace(default, min_shared_bands=2)]
    evaluate(items[:50], default, random.Random(args.seed))  # warm-up: imports, caches
    results = {}
    for config in sweep:
        score = evaluate(items, config, random.Random(args.seed))
        results[config] = score
        mark = "  <- default" if config == default else ""
        print(f"{config.shingle_size:>7} {config.bands:>5} {config.min_shared_bands:>6} {config.jaccard:>7.2f} "
              f"{config.containment:>7.2f} | "
              f"{score['precision']:>9.4f} {score['recall']:>7.4f} {score['hard_negative_merged']:>15.4f} "
              f"{score['articles_per_s']:>10.0f}{mark}")
    print("\nrecall by variant (default settings):")
    for how, value in sorted(results[default]["by_variant"].items()):
        print(f"  {how:<15} {value:.3f}")

    if args.background:
        print()
        scale(args.background, rng)


def labelled_set(events: int, reports: int, variants: int, rng: random.Random) -> list[dict]:
    items = []
    for event in make_events(events, rng):
        outlets = rng.sample(OUTLETS, reports + 1)
        brief = write_brief(event, outlets.pop(), rng, f"e{event.id}brief")
        items.append({"id": brief.id, "story": brief.id, "event": event.id, "how": "brief", "text": brief.text,
                      "outlet": brief.outlet})
        for r, outlet in enumerate(outlets):
            report = write_report(event, outlet, rng, f"e{event.id}r{r}")
            items.append({"id": report.id, "story": report.id, "event": event.id, "how": "original",
                          "text": report.text, "outlet": outlet})
            for v, how in enumerate(rng.sample(VARIANTS, variants)):
                items.append({"id": f"{report.id}v{v}", "story": report.id, "event": event.id, "how": how,
                              "text": variant(report, how, rng, event), "outlet": rng.choice(OUTLETS)})
    return items


def evaluate(items: list[dict], config: DedupConfig, rng: random.Random, batch: int = 100) -> dict:
    """Load `items` in shuffled order through load_batch; score the warehouse's copy groups."""
    order = list(items)
    rng.shuffle(order)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "eval.duckdb"
        con = connect(db)
        save_config(con, config)
        started = time.perf_counter()
        for start in range(0, len(order), batch):
            chunk = [to_article(item, config) for item in order[start:start + batch]]
            load_batch(con, chunk, [], run_id=f"run-{start}", seen_at=SEEN + timedelta(minutes=start))
        elapsed = time.perf_counter() - started
        story_of = dict(con.execute("""SELECT a.identity, s.story_id FROM articles a
                                       JOIN article_stories s USING (article_id)""").fetchall())
        con.close()
    predicted = {item["id"]: story_of[f"https://bench.example/{item['id']}"] for item in items}
    truth = {item["id"]: item["story"] for item in items}
    true_pairs, predicted_pairs, hard_pairs, hard_merged = 0, 0, 0, 0
    both = 0
    for a, b in itertools.combinations(items, 2):
        same_truth = truth[a["id"]] == truth[b["id"]]
        same_predicted = predicted[a["id"]] == predicted[b["id"]]
        true_pairs += same_truth
        predicted_pairs += same_predicted
        both += same_truth and same_predicted
        if a["event"] == b["event"] and not same_truth:
            hard_pairs += 1
            hard_merged += same_predicted
    by_variant: dict[str, list[bool]] = {}
    original_story = {item["story"]: predicted[item["id"]] for item in items if item["how"] == "original"}
    for item in items:
        if item["how"] not in ("original", "brief"):
            by_variant.setdefault(item["how"], []).append(predicted[item["id"]] == original_story[item["story"]])
    return {
        "precision": both / predicted_pairs if predicted_pairs else 1.0,
        "recall": both / true_pairs if true_pairs else 1.0,
        "hard_negative_merged": hard_merged / hard_pairs if hard_pairs else 0.0,
        "articles_per_s": len(items) / elapsed,
        "by_variant": {how: sum(v) / len(v) for how, v in by_variant.items()},
    }


def to_article(item: dict, config: DedupConfig) -> Article:
    text = normalise_text(item["text"])
    return Article(source="bench", item=item["id"], identity=f"https://bench.example/{item['id']}",
                   canonical_url=None, order_key=item["id"], outlet=item["outlet"], title=None, author=None,
                   published_at=None, text=text, original_text=None, text_sha256=text_sha256(text),
                   extractor_version="bench", raw_sha256=None, positions=[], positions_version="bench",
                   band_hashes=band_hashes(text, config), band_settings=config.signature_settings())


def scale(background: int, rng: random.Random) -> None:
    """Time adding one article (connect, dedup lookup, load, close) to a warehouse of `background`."""
    config = DedupConfig()
    events = make_events(max(1, background // 3), rng)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "scale.duckdb"
        checkpoints = sorted({min(background, 10_000), background})
        loaded, started = 0, time.perf_counter()
        for checkpoint in checkpoints:
            while loaded < checkpoint:
                size = min(2000, checkpoint - loaded)
                chunk = []
                for n in range(loaded, loaded + size):
                    event = events[n % len(events)]
                    report = write_report(event, OUTLETS[n % len(OUTLETS)], rng, f"bg{n}")
                    chunk.append(to_article({"id": report.id, "text": report.text, "outlet": report.outlet}, config))
                con = connect(db)
                load_batch(con, chunk, [], run_id=f"bg-{loaded}", seen_at=SEEN)
                con.close()
                loaded += size
            build = time.perf_counter() - started
            timings, rss = add_one_timings(db, config, rng, 30)
            print(f"warehouse of {loaded:,} articles (built at {loaded / build:,.0f} articles/s, "
                  f"{os.path.getsize(db) / 1e6:,.0f} MB), adding one article, median of 30 "
                  f"(p95): open {_ms(timings['open'])}, dedup lookup + load {_ms(timings['load'])}, "
                  f"close with checkpoint {_ms(timings['close'])}, total {_ms(timings['total'])}; "
                  f"RSS {rss[0]:.0f} -> {rss[1]:.0f} MB over the 30 adds")


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values):.1f} ms ({sorted(values)[int(len(values) * 0.95) - 1]:.1f})"


def add_one_timings(db: Path, config: DedupConfig, rng: random.Random, count: int):
    events = make_events(count, rng)
    rss_before = _rss_mb()
    timings = {"open": [], "load": [], "close": [], "total": []}
    for n, event in enumerate(events):
        report = write_report(event, "Herald", rng, f"new{n}-{rng.random()}")
        article = to_article({"id": report.id, "text": report.text, "outlet": "Herald"}, config)
        t0 = time.perf_counter()
        con = connect(db)
        t1 = time.perf_counter()
        load_batch(con, [article], [], run_id=f"one-{n}", seen_at=SEEN + timedelta(days=1))
        t2 = time.perf_counter()
        con.close()
        t3 = time.perf_counter()
        for name, value in (("open", t1 - t0), ("load", t2 - t1), ("close", t3 - t2), ("total", t3 - t0)):
            timings[name].append(value * 1000)
    return timings, (rss_before, _rss_mb())


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


if __name__ == "__main__":
    main()
