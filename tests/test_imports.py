"""Imports point down: the layering of DESIGN.md's architecture, enforced.

Every ``import`` and ``from … import`` in ``src/argmap`` is read from the source
(including the lazy imports inside functions), resolved to a module name, and
checked against the rules below, so that a new feature cannot quietly add a
wrong-way arrow or a loop hidden behind ``importlib``.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "argmap"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_package(name: str) -> bool:
    return (SRC.parent / name.replace(".", "/") / "__init__.py").is_file()


def _imports(path: Path) -> list[tuple[str, list[str], int]]:
    """``(module, names, line)`` for every import in *path*, relative ones resolved."""
    me = _module_name(path)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(alias.name, [], node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            out.append((target, [alias.name for alias in node.names], node.lineno))
    return out


def _targets(path: Path) -> set[str]:
    """The argmap modules *path* imports (``from pkg import sub`` counts as ``pkg.sub``)."""
    found = set()
    for target, names, _ in _imports(path):
        if not target.startswith("argmap"):
            continue
        subs = [f"{target}.{n}" for n in names if _is_package(target) and
                ((SRC.parent / f"{target}.{n}".replace(".", "/")).with_suffix(".py").is_file()
                 or _is_package(f"{target}.{n}"))]
        found.update(subs or [target])
        if subs and len(subs) < len(names):
            found.add(target)
    return found


MODULES = {_module_name(p): p for p in sorted(SRC.rglob("*.py"))}


def _violations(prefix: str, allowed: tuple[str, ...]) -> list[str]:
    bad = []
    for name, path in MODULES.items():
        if name == prefix or name.startswith(prefix + "."):
            for target in sorted(_targets(path)):
                if not any(target == a or target.startswith(a + ".") for a in allowed + (prefix,)):
                    bad.append(f"{name} imports {target}")
    return bad


def test_semantics_sees_only_the_framework_type_errors_and_vocabulary():
    """(and the progress hooks, a leaf module that imports nothing of argmap)"""
    allowed = ("argmap.af", "argmap.errors", "argmap.vocabulary", "argmap.progress")
    assert _violations("argmap.semantics", allowed) == []


def test_the_bottom_floor_imports_nothing_above_it():
    for low in ("argmap.errors", "argmap.vocabulary", "argmap._files", "argmap.af", "argmap.progress",
                "argmap._substrings", "argmap._jsondump"):
        assert _violations(low, ("argmap.errors", "argmap.vocabulary")) == [], low
    # provenance may use the fuzzy finder for its hints; neither reaches above the model
    assert _violations("argmap.provenance", ("argmap.errors", "argmap.model", "argmap._files", "argmap.quoting",
                                             "argmap._substrings")) == []
    assert _violations("argmap.quoting", ("argmap.errors", "argmap.model", "argmap._files",
                                          "argmap._substrings")) == []


def test_no_format_module_imports_its_registry():
    bad = []
    for name, path in MODULES.items():
        if name.startswith("argmap.formats.") and path.name != "__init__.py":
            for target, names, line in _imports(path):
                registry_names = [n for n in names if not (
                    (SRC / "formats" / f"{n}.py").is_file() or (SRC / "formats" / n / "__init__.py").is_file())]
                if target == "argmap.formats" and registry_names:
                    bad.append(f"{name}:{line} imports {registry_names} from the registry")
    assert bad == []


def test_nothing_outside_the_cli_imports_it():
    """Only ``python -m argmap`` (``argmap.__main__``) starts the CLI from outside."""
    bad = [f"{name} imports {t}" for name, path in MODULES.items()
           if not name.startswith("argmap.cli") and name != "argmap.__main__"
           for t in _targets(path) if t == "argmap.cli" or t.startswith("argmap.cli.")]
    assert bad == []


def _dynamic_imports(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__"):
                return True
    return False


def test_dynamic_imports_only_in_the_registry_and_the_lazy_package_face():
    """``importlib.import_module`` hides edges from a reader; only the two facades may use it,
    and the modules they load never import them back (checked above)."""
    users = {name for name, path in MODULES.items() if _dynamic_imports(path)}
    assert users <= {"argmap", "argmap.formats"}


def test_render_is_handed_its_data():
    """render draws what it is given: no evaluation, no framework, no format registry."""
    assert _violations("argmap.render", ("argmap.errors", "argmap.vocabulary", "argmap.model", "argmap._files",
                                         "argmap.provenance", "argmap.queries")) == []


def test_the_import_graph_has_no_cycle_between_packages():
    """Between the top-level pieces (module or package), the graph of imports is acyclic."""
    def piece(name: str) -> str:
        parts = name.split(".")
        return ".".join(parts[:2]) if len(parts) > 1 else name

    edges: dict[str, set[str]] = {}
    for name, path in MODULES.items():
        for target in _targets(path):
            a, b = piece(name), piece(target)
            if a != b and a != "argmap" and b != "argmap":
                edges.setdefault(a, set()).add(b)
    seen: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        seen[node] = 1
        for nxt in sorted(edges.get(node, ())):
            assert seen.get(nxt) != 1, " -> ".join(stack + [node, nxt])
            if nxt not in seen:
                visit(nxt, stack + [node])
        seen[node] = 2

    for node in sorted(edges):
        if node not in seen:
            visit(node, [])


def test_evaluation_stands_on_the_framework_and_the_semantics():
    """The evaluation compiles maps and asks the semantics; it neither reads files nor draws."""
    allowed = ("argmap.errors", "argmap.vocabulary", "argmap.model", "argmap.af", "argmap.framework",
               "argmap.semantics", "argmap.queries")
    assert _violations("argmap.evaluation", allowed) == []
