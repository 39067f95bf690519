"""The layout of generator/: no import cycles (TYPE_CHECKING imports included),
a core that knows nothing of the content kinds, MkDocs only at the edge, each
page address formed in one place, and every kind plugged in the same way: one
package with a kind.py, one line in kinds.py, imported from nowhere else
except by the kinds that use its records."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from generator.kind import Kind
from generator.kinds import KINDS

from conftest import ROOT

PACKAGE = ROOT / "generator"
BY_NAME = {kind.name: kind for kind in KINDS}


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


def test_only_the_plugin_its_page_writer_and_the_runner_import_mkdocs() -> None:
    for name, path in modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        if any(m == "mkdocs" or m.startswith("mkdocs.") for m in names):
            assert name in ("generator.plugin", "generator.mkdocs_run", "generator.theme_pages"), name


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_every_kind_is_described_by_its_package(kind: Kind) -> None:
    folder = PACKAGE / kind.name
    assert (folder / "__init__.py").read_text(encoding="utf-8").startswith('"""'), kind.name
    assert (folder / "kind.py").is_file(), "each kind exports KIND from its kind.py"
    assert (folder / "templates").is_dir() == kind.templates
    if kind.stylesheet:
        assert (folder / "assets" / kind.stylesheet).is_file()
    assert set(kind.needs) | set(kind.uses) <= set(BY_NAME) - {kind.name}
    if kind.internal:
        assert kind.folder and kind.load and kind.keep, "an internal log keeps its figures only"
    for schema in kind.schemas:
        assert schema.file.endswith(".schema.json") and schema.title.startswith("data/")
    # Each block is offered for at least one place page, and no two kinds share a block name.
    for block in kind.blocks:
        assert block.places and block.places <= {"home", "post", "village", "officer"}


def test_kinds_are_listed_once_with_unique_names_folders_and_blocks() -> None:
    packages = sorted(p.parent.name for p in PACKAGE.glob("*/kind.py"))
    assert sorted(BY_NAME) == packages, "every package with a kind.py is in kinds.py, once"
    folders = [kind.folder for kind in KINDS if kind.folder]
    assert len(folders) == len(set(folders))
    blocks = [block.name for kind in KINDS for block in kind.blocks]
    assert len(blocks) == len(set(blocks))


def _package(module: str) -> str | None:
    """The package directly under generator/ that a module belongs to (None for top-level modules)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 2 else None


def test_a_kind_is_imported_only_by_the_list_and_by_kinds_that_use_its_records() -> None:
    """Outside its own folder, a kind is imported by kinds.py and by the kinds
    whose ``needs`` or ``uses`` name it. A shared base that only such kinds
    import (documents/) counts as theirs. The directory's grid is a field of
    the site object itself, so kind.py, which defines it, may type it."""
    edges = graph()
    users = {kind.name: {k.name for k in KINDS if kind.name in k.needs or kind.name in k.uses} for kind in KINDS}
    importers: dict[str, set[str]] = {}
    for module, targets in edges.items():
        for target in targets:
            if (package := _package(target)) is not None:
                importers.setdefault(package, set()).add(module)

    def allowed(module: str, kind: str) -> bool:
        package = _package(module)
        if package == kind or package in users[kind]:
            return True
        if package is not None and package not in BY_NAME and package != "core":
            # A shared base: every file importing it is in a kind that uses ``kind``.
            return all(_package(m) in users[kind] | {package} for m in importers.get(package, ()))
        return False

    for kind in KINDS:
        outside = sorted(m for m in importers.get(kind.name, ()) if not allowed(m, kind.name))
        expected = ["generator.kind", "generator.kinds"] if kind.name == "directory" else ["generator.kinds"]
        assert outside == expected, (kind.name, outside)


def test_the_village_address_is_formed_in_one_function() -> None:
    """/v/<id>/ is printed on QR codes: one definition, which everything else asks for."""
    formed = re.compile(r"""["'`]v/""")
    places = []
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in (".py", ".html", ".js") and formed.search(path.read_text(encoding="utf-8")):
            places.append(path.relative_to(PACKAGE).as_posix())
    assert places == ["directory/urls.py"]
    assert 'return f"v/{village_id}/"' in (PACKAGE / "directory/urls.py").read_text(encoding="utf-8")


def test_the_readme_lists_the_kinds_of_kinds_py() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- kinds -->", 1)[1].split("<!-- /kinds -->", 1)[0]
    rows = [line.split("|")[1:4] for line in table.strip().splitlines()[2:]]
    assert [(package.strip(), title.strip(), summary.strip()) for package, title, summary in rows] == [
        (f"`{kind.name}/`", kind.title, kind.summary) for kind in KINDS
    ]
