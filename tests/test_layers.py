"""The import layers, read from the source (imports inside functions count:
they run too). Lower layers never import higher ones, so no import cycle
crosses them at run time."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# The layers that read files, talk to processes or print.
IO_LAYER = ("linter.cli", "linter.launch", "linter.terminal", "linter.command", "linter.runner", "linter.sources", "linter.discovery",
            "linter.watch", "linter.watcher", "linter.watch_output", "linter.service", "linter.backends",
            "linter.formats", "linter.progress")


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node except those under ``if TYPE_CHECKING:`` (never run)."""
    nodes: list[ast.AST] = []
    todo = [tree]
    while todo:
        node = todo.pop()
        nodes.append(node)
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            todo.extend(node.orelse)
            continue
        todo.extend(ast.iter_child_nodes(node))
    return nodes


def _imports() -> dict[str, set[str]]:
    """module -> the linter/checks modules it imports at run time, anywhere
    in its code (``from package import module`` counts as the module)."""
    paths = {_module(p): p for package in ("linter", "checks") for p in sorted((ROOT / package).rglob("*.py"))}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        found: set[str] = set()
        for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                subs = {f"{node.module}.{a.name}" for a in node.names} & set(paths)
                found.update(subs or {node.module})
        graph[name] = {m for m in found if m.split(".")[0] in ("linter", "checks")}
    return graph


def _under(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def test_engine_and_checks_import_no_io_layer() -> None:
    graph = _imports()
    core = ("linter.engine", "linter.check", "linter.draft", "linter.models", "linter.score", "linter.textutil")
    pure = [m for m in graph if m.startswith("checks") or m in core]
    offending = {m: sorted(i for i in graph[m] if _under(i, IO_LAYER)) for m in pure}
    assert {m: i for m, i in offending.items() if i} == {}


def test_the_run_settings_import_no_io_layer() -> None:
    # check, watch and the language server build them; none of their layers is below
    assert sorted(i for i in _imports()["linter.settings"] if _under(i, IO_LAYER)) == []


def test_grammar_imports_nothing_above_it() -> None:
    graph = _imports()
    above = {m: sorted(i for i in deps if not _under(i, ("linter.grammar",)))
             for m, deps in graph.items() if m.startswith("linter.grammar")}
    assert {m: i for m, i in above.items() if i} == {}


def test_the_service_is_above_the_command_and_nothing_below_imports_it() -> None:
    graph = _imports()
    users = sorted(m for m, deps in graph.items()
                   if any(_under(d, ("linter.service",)) for d in deps) and not m.startswith("linter.service"))
    assert users == ["linter.backends", "linter.cli", "linter.launch"]
    assert not any(_under(d, ("linter.service", "linter.cli")) for d in graph["linter.command"])


def test_no_import_cycle_between_modules() -> None:
    graph = _imports()
    known = set(graph)
    edges = {m: {d if d in known else d.rsplit(".", 1)[0] for d in deps} & known - {m} for m, deps in graph.items()}
    # Tarjan's strongly connected components, iteratively.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        top = stack.pop()
                        on_stack.discard(top)
                        component.append(top)
                        if top == node:
                            break
                    if len(component) > 1:
                        cycles.append(sorted(component))
            elif child not in index:
                index[child] = low[child] = counter
                counter += 1
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(edges[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    assert cycles == []
