"""No import loops: between the delivery API and the page models, and inside search."""

from tests.cms.imports import collapsed, cycles, graph


def layer(module):
    for package in ("cms.api", "cms.models"):
        if module == package or module.startswith(f"{package}."):
            return package
    return None


def test_the_graph_reads_imports_made_inside_functions():
    edges = graph()
    # Target records import the placements only when one changes.
    assert "caseblocks.actions.placement" in edges["caseblocks.models.targets"]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_page_models_never_import_the_delivery_api():
    edges = collapsed(graph(), layer)
    assert edges["cms.api"] == {"cms.models"}  # the API reads the models...
    assert edges["cms.models"] == set()  # ...and the models know nothing of it


def test_search_has_no_import_loop():
    inside = {
        module: {target for target in targets if target.startswith("search.")}
        for module, targets in graph().items()
        if module.startswith("search.") or module == "search"
    }
    assert cycles(inside) == []
