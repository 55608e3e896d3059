"""The rule registry (issue 15): every rule name has one entry, the order of
the pattern functions is complete, and docs/rules.md matches the registry."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

import quoteattr
from quoteattr import dialogue, registry  # noqa: F401  (dialogue registers the speaker rules)
from quoteattr.registry import ORDER, STAGES, Rule, Stage

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.issue(15)


def _gen_tool():
    spec = importlib.util.spec_from_file_location("gen_rules_doc", ROOT / "tools" / "gen_rules_doc.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


class TestRegistry:
    """Names, stages, order and confidences."""

    def test_registry_every_rule_registered(self) -> None:
        """Every member of Rule has an entry with an example (the engines are imported)."""
        _gen_tool()  # imports every module that registers rules
        missing = [r.value for r in Rule if r not in {s.rule for s in registry.specs()}]
        assert [] == missing
        assert all(s.example for s in registry.specs())

    @pytest.mark.parametrize("stage", list(ORDER))
    def test_registry_order_resolves_to_functions(self, stage: Stage) -> None:
        """Each rule in ORDER has a registered function of that stage, and every
        registered function of a stage is in its order."""
        funcs = registry.functions(stage)
        assert len(ORDER[stage]) == len(funcs)
        with_funcs = {s.rule for s in registry.specs() if s.func is not None and s.stage is stage}
        assert set(ORDER[stage]) == with_funcs

    def test_registry_stages_of_rule_engine_have_an_order(self) -> None:
        """The stages the rule engine runs all have an order."""
        assert all(stage in ORDER for stage in STAGES)

    def test_registry_declare_twice_raises(self) -> None:
        """A name registered twice is an error."""
        with pytest.raises(ValueError, match="registered twice"):
            registry.declare(Rule.SPLIT_QUOTE, Stage.REGION, example="x")

    @pytest.mark.parametrize(
        ("text", "rule", "confidence"),
        [
            # a named speaker adds 0.05 to the base confidence, a pronoun nothing
            ('"The ferry is late again," Mara Lind told the crew.', Rule.QUOTE_SPEAKER_CUE, 0.95),
            ('"The ferry is late again," she told the crew.', Rule.QUOTE_SPEAKER_CUE, 0.9),
            ('"Keep the lights on." — Harbour master Ole Brun', Rule.QUOTE_DASH_SPEAKER, 0.7),
            ("The guild has agreed to strike in March.", Rule.CUE_TO_INFINITIVE, 0.25),
        ],
    )
    def test_registry_confidence_comes_from_the_registry(self, text: str, rule: Rule, confidence: float) -> None:
        """The quote's rule string is the Rule's value and its confidence the
        registered base plus the speaker bonus."""
        q = quoteattr.extract(text, min_confidence=0).quotes[0]
        assert rule.value == q.rule
        assert type(q.rule) is str
        assert confidence == q.confidence
        assert registry.confidence(rule) <= confidence + 0.2

    def test_registry_rule_string_in_json_is_plain(self) -> None:
        """to_dict keeps the plain rule name."""
        d = quoteattr.extract('"We sail at noon," said Captain Ida Holm.').to_dict()
        assert '"rule": "quote-cue-speaker"' in json.dumps(d)


class TestRulesDoc:
    """docs/rules.md is generated from the registry."""

    def test_registry_docs_table_matches(self) -> None:
        """The committed table equals the generated one (run tools/gen_rules_doc.py)."""
        gen = _gen_tool()
        page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
        assert gen.render(page) == page

    def test_registry_docs_table_notices_a_change(self) -> None:
        """A row edited by hand makes the check fail."""
        gen = _gen_tool()
        page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
        row = next(line for line in page.splitlines() if line.startswith("| `call-for` | cue |"))
        edited = page.replace(row, row.replace("| 0.5 |", "| 0.6 |"))
        assert edited != page
        assert gen.render(edited) != edited


def test_registry_no_rule_names_compared_as_strings() -> None:
    """Code compares Rule members, never bare rule-name strings."""
    names = "|".join(re.escape(r.value) for r in Rule)
    bad = re.compile(r"""rule\s*(?:==|!=|in)\s*[\(\[{]?\s*["'](?:""" + names + r""")["']""")
    hits = [p.name for p in (ROOT / "quoteattr").glob("*.py") if bad.search(p.read_text(encoding="utf-8"))]
    assert [] == hits
