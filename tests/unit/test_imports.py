"""No import cycle inside quoteattr, lazy (function-level) and TYPE_CHECKING imports included (issue 15)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import quoteattr

PACKAGE_DIR = Path(quoteattr.__file__).resolve().parent


def import_graph(folder: Path, package: str) -> dict[str, set[str]]:
    """Module -> the modules of *package* it imports anywhere in its source.

    Every ``import`` and ``from ... import`` counts, at the top, inside a
    function or under ``if TYPE_CHECKING``. ``from . import x`` points to the
    submodule ``x`` when there is one. Imports of the package itself
    (``from . import __version__``) are left out: Python initialises a
    package before any of its submodules, so every module depends on it
    anyway, and what the package imports when it loads is checked by
    ``test_api_import_is_lazy``.
    """
    modules: dict[str, tuple[Path, bool]] = {}
    for path in folder.rglob("*.py"):
        parts = [package, *path.relative_to(folder).with_suffix("").parts]
        is_pkg = parts[-1] == "__init__"
        modules[".".join(parts[:-1] if is_pkg else parts)] = (path, is_pkg)
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, (path, is_pkg) in modules.items():
        here = name if is_pkg else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = here.split(".")[: len(here.split(".")) - node.level + 1]
                    base = ".".join([*up, *([node.module] if node.module else [])])
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
            else:
                continue
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target not in (name, package):
                    graph[name].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(found)


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
        ({"a": {"b"}, "b": {"a"}, "c": {"d"}, "d": {"c"}}, [["a", "b"], ["c", "d"]]),
    ],
)
def test_imports_cycles_finds_cycles(graph: dict[str, set[str]], expected: list[list[str]]) -> None:
    """The cycle finder reports every cycle of a hand-made graph, and none in an acyclic one."""
    assert expected == cycles(graph)


def test_imports_graph_sees_lazy_and_type_checking_imports(tmp_path: Path) -> None:
    """A cycle closed only by a function-level import, or only under TYPE_CHECKING, is still a cycle."""
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("from .a import f\n__version__ = '1'\n")
    (pkg / "a.py").write_text("from . import __version__\nfrom .sub import b\n\ndef f():\n    return b\n")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "sub" / "b.py").write_text("def g():\n    from ..a import f\n    return f\n")
    (pkg / "c.py").write_text("TYPE_CHECKING = False\nif TYPE_CHECKING:\n    from .d import x\n")
    (pkg / "d.py").write_text("import pkg.c\n")
    graph = import_graph(pkg, "pkg")
    assert {"pkg.sub.b"} == graph["pkg.a"]  # the package itself is left out
    assert [["pkg.a", "pkg.sub.b"], ["pkg.c", "pkg.d"]] == cycles(graph)


@pytest.mark.issue(15)
def test_imports_quoteattr_has_no_cycle() -> None:
    """No module of quoteattr imports, even lazily, a module that imports it back."""
    graph = import_graph(PACKAGE_DIR, "quoteattr")
    assert len(graph) > 40  # every module was read
    assert [] == cycles(graph)


def test_imports_model_is_below_render() -> None:
    """quoteattr.model does not import quoteattr.render (render registers Result.to_html instead)."""
    graph = import_graph(PACKAGE_DIR, "quoteattr")
    assert "quoteattr.model" in graph["quoteattr.render"]
    assert "quoteattr.render" not in graph["quoteattr.model"]


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("old", "new", "names"),
    [
        (
            "quoteattr.adapters.conllu",
            "quoteattr.adapters.conllu_document",
            ["ConlluDocument", "ConlluWord", "GoldAttribution", "GoldMention", "NER_LABELS"],
        ),
        ("quoteattr.adapters.conllu", "quoteattr.adapters.conllu_stanza", ["to_stanza_document"]),
        ("quoteattr.corpora", "quoteattr.labelled", ["LabelledDocument", "LabelledQuote"]),
        ("quoteattr.corpora", "quoteattr.brat", ["gold_kind", "read_brat"]),
        ("quoteattr.model", "quoteattr.spans", ["Span", "span_with_text"]),
        (
            "quoteattr.render",
            "quoteattr.render_section",
            ["PALETTE", "UNATTRIBUTED_COLOUR", "UNATTRIBUTED_LABEL", "entity_colour", "speaker_label"],
        ),
    ],
)
def test_imports_split_names_stay_importable(old: str, new: str, names: list[str]) -> None:
    """A name that moved out of a split module is still importable from it, as the same object."""
    import importlib

    before, after = importlib.import_module(old), importlib.import_module(new)
    assert [getattr(after, n) for n in names] == [getattr(before, n) for n in names]
    assert all(getattr(after, n) is getattr(before, n) for n in names)
