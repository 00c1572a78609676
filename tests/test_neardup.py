"""Near-duplicate rules on hand-written wire copy: variants are caught, same-event reports are not."""

import random

import pytest

from pipeline.neardup import DedupConfig, band_hashes, best_match, shingles, similarity
from pipeline.normalise import normalise_text

from conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
CONFIG = DedupConfig()
WIRE = normalise_text((FIXTURES / "wire_strike.txt").read_text())
OTHER = normalise_text((FIXTURES / "other_strike.txt").read_text())
BOILERPLATE = ("Sign up for our morning newsletter to get the day's top stories. "
               "Follow us on social media. Copyright 2025 Example Media Group. All rights reserved.")


def paragraphs(text):
    return text.split("\n")


def typos(text, rate=0.03, seed=1):
    rng = random.Random(seed)
    words = text.split(" ")
    for i, word in enumerate(words):
        if len(word) > 3 and rng.random() < rate:
            j = rng.randrange(len(word) - 1)
            words[i] = word[:j] + word[j + 1] + word[j] + word[j + 2:]
    return " ".join(words)


VARIANTS = {
    "boilerplate added": lambda t: "Breaking news\n" + t + "\n" + BOILERPLATE,
    "new headline and dateline": lambda t: "Deadly strike on Ternopil\n" + t.replace("KYIV (Wire) - ", ""),
    "last two paragraphs cut": lambda t: "\n".join(paragraphs(t)[:-2]),
    "paragraph added": lambda t: t + "\nOur correspondent adds that air raid sirens sounded again across the "
                                     "region on Thursday morning, sending residents back into shelters.",
    "paragraphs reordered": lambda t: "\n".join(reversed(paragraphs(t))),
    "typos": typos,
    "single quotes": lambda t: t.replace('"', "'"),
    "first half only": lambda t: "\n".join(paragraphs(t)[:4]),
}


@pytest.mark.parametrize("name", VARIANTS)
def test_variants_of_a_wire_story_are_near_duplicates(name):
    copy = VARIANTS[name](WIRE)
    assert copy != WIRE
    match = best_match(copy, [("other", OTHER), ("wire", WIRE)], CONFIG)
    assert match is not None and match[0] == "wire", similarity(shingles(copy, 4), shingles(WIRE, 4))
    shared_bands = sum(a == b for a, b in zip(band_hashes(copy, CONFIG), band_hashes(WIRE, CONFIG)))
    assert shared_bands >= 1  # LSH would have proposed it as a candidate


def test_two_reports_of_the_same_event_sharing_a_quote_are_not_duplicates():
    found = similarity(shingles(WIRE, 4), shingles(OTHER, 4))
    assert 0 < found.jaccard < CONFIG.jaccard and found.containment < CONFIG.containment
    assert best_match(OTHER, [("wire", WIRE)], CONFIG) is None


def test_a_short_brief_sharing_one_sentence_is_not_a_copy():
    brief = 'Ternopil: "The enemy deliberately targeted homes where families were sleeping," the governor said.'
    assert best_match(brief, [("wire", WIRE)], CONFIG) is None


def test_shingles_ignore_sentence_order_and_case():
    assert shingles("One two three four five. Six seven eight nine ten.", 4) == \
        shingles("SIX seven eight nine ten. One two three four five.", 4)


def test_config_round_trips_through_a_dict():
    custom = DedupConfig(shingle_size=5, jaccard=0.6)
    assert DedupConfig.from_dict(custom.as_dict()) == custom
    assert custom.signature_settings() != CONFIG.signature_settings()
