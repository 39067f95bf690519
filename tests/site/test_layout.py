"""The layout of generator/: no import cycles (TYPE_CHECKING imports included),
a core that knows nothing of the content kinds, MkDocs only at the edge, and
each page address formed in one place."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "generator"
KINDS = ("directory", "find", "reports", "notices", "visits", "feeds", "law", "events", "hubs")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """Every generator module ``name`` imports, wherever the import statement stands."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in known else target)
    return {m for m in found if m in known and m != name}


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports_of(name, path, known) for name, path in known.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1 or v in edges[v]:
                out.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def test_the_graph_reader_sees_imports_of_every_form() -> None:
    edges = graph()
    assert "generator.core.problems" in edges["generator.core.yamlio"]  # from .problems import …
    assert "generator.directory.urls" in edges["generator.directory.pages"]  # from . import urls
    assert "generator.site" in edges["generator.mkdocs_run"]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles() -> None:
    assert cycles(graph()) == []


def test_core_knows_nothing_of_the_content_kinds() -> None:
    for name, targets in graph().items():
        if name.startswith("generator.core"):
            assert all(t.startswith("generator.core") for t in targets), (name, targets)


def test_only_the_plugin_and_the_runner_import_mkdocs() -> None:
    for name, path in modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        if any(m == "mkdocs" or m.startswith("mkdocs.") for m in names):
            assert name in ("generator.plugin", "generator.mkdocs_run"), name


def test_every_kind_has_its_package() -> None:
    for kind in KINDS:
        assert (PACKAGE / kind / "__init__.py").read_text(encoding="utf-8").startswith('"""'), kind


def test_the_village_address_is_formed_in_one_function() -> None:
    """/v/<id>/ is printed on QR codes: one definition, which everything else asks for."""
    formed = re.compile(r"""["'`]v/""")
    places = []
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in (".py", ".html", ".js") and formed.search(path.read_text(encoding="utf-8")):
            places.append(path.relative_to(PACKAGE).as_posix())
    assert places == ["directory/urls.py"]
    assert 'return f"v/{village_id}/"' in (PACKAGE / "directory/urls.py").read_text(encoding="utf-8")
