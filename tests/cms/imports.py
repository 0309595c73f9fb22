"""The project's import graph, read from the source with ``ast``.

Every import counts, those inside functions too: an import put off until a call
still ties the two modules together, and only hides the loop until then.
"""

import ast
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("cms", "caseblocks", "search")


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def modules():
    """Module name → source path, migrations left out."""
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" not in path.parts:
                found[module_name(path)] = path
    return found


def imported_names(name, path):
    """The absolute names each import statement of a module reaches."""
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                source = ".".join([*base, node.module] if node.module else base)
            else:
                source = node.module
            # ``from package import module`` reaches the module, not the package.
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                yield submodule if submodule in modules() else source


@cache
def graph():
    """Module → the project modules it imports."""
    known = modules()
    edges = {}
    for name, path in known.items():
        targets = set()
        for imported in imported_names(name, path):
            while imported and imported not in known:
                imported = imported.rpartition(".")[0]
            if imported and imported != name:
                targets.add(imported)
        edges[name] = targets
    return edges


def cycles(edges):
    """The strongly connected parts of ``edges`` with more than one node (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in edges.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            part = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                part.add(member)
                if member == node:
                    break
            if len(part) > 1:
                found.append(sorted(part))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def collapsed(edges, group):
    """``edges`` with every module mapped to ``group(module)``; None drops it."""
    merged = {}
    for source, targets in edges.items():
        source_group = group(source)
        if source_group is None:
            continue
        merged.setdefault(source_group, set()).update(
            g for g in map(group, targets) if g is not None and g != source_group
        )
    return merged
