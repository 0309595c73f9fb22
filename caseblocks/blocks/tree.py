"""Rich text as a typed tree, for front-ends that render their own components.

The tree is read from the stored rich text and holds only what the whitelist of
``sanitise`` lets through as HTML: paragraphs, headings, lists, links, bold and
italic text and line breaks. Elements ``sanitise`` drops are dropped with their
content; other elements give their text. Links are resolved by the link
handlers the HTML uses (``cms.api.rich_text`` registers them), so a link to a
page a visitor may not read has no ``href`` and no ``page`` here either.
"""

from bs4 import BeautifulSoup, NavigableString, Tag

from wagtail.rich_text import features
from wagtail.rich_text.rewriters import extract_attrs
from wagtail.whitelist import check_url

from .sanitise import DROPPED_ELEMENTS

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
MARKS = {"b": "bold", "strong": "bold", "i": "italic", "em": "italic"}
BLOCKS = {"p", "ul", "ol", *HEADINGS}


def resolve_links(soup):
    """``{id(tag): (href, page id)}`` of the stored links, resolved in bulk."""
    by_type = {}
    for tag in soup.find_all("a"):
        by_type.setdefault(tag.get("linktype"), []).append(tag)
    resolved = {}
    handlers = features.get_link_types()
    for linktype, tags in by_type.items():
        if linktype is None:
            for tag in tags:
                href = check_url(str(tag.get("href", ""))) or None
                resolved[id(tag)] = (href, None)
            continue
        handler = handlers.get(linktype)
        attrs = [{key: str(value) for key, value in tag.attrs.items()} for tag in tags]
        if hasattr(handler, "resolve_many"):  # page links: the page and its path
            for tag, target in zip(tags, handler.resolve_many(attrs), strict=True):
                href = check_url(target[1]) if target else None
                resolved[id(tag)] = (href, target[0] if href else None)
            continue
        opening = handler.expand_db_attributes_many(attrs) if handler else []
        opening = opening or ["<a>"] * len(tags)
        for tag, html in zip(tags, opening, strict=True):
            href = extract_attrs(html[2:-1]).get("href") if html[:2] == "<a" else None
            resolved[id(tag)] = (check_url(href) if href else None, None)
    return resolved


class TreeBuilder:
    def __init__(self, source):
        self.soup = BeautifulSoup(source or "", "html.parser")
        self.links = resolve_links(self.soup)

    def build(self):
        return self.blocks(self.soup.children)

    def blocks(self, nodes):
        """Block nodes; loose inline content is gathered into paragraphs."""
        out, loose = [], []

        def flush():
            children = self.trim(loose)
            if children:
                out.append({"type": "paragraph", "children": children})
            loose.clear()

        for node in nodes:
            if isinstance(node, Tag) and node.name in DROPPED_ELEMENTS:
                continue
            if isinstance(node, Tag) and node.name in BLOCKS:
                flush()
                out.append(self.block(node))
            elif self.is_wrapper(node):
                flush()  # an unknown element (a div) around blocks: its blocks
                out.extend(self.blocks(node.children))
            else:
                loose.extend(self.inline(node, ()))
        flush()
        return out

    @staticmethod
    def is_wrapper(node):
        inline = node.name in MARKS or node.name in ("a", "br")
        return isinstance(node, Tag) and not inline and node.find(BLOCKS) is not None

    def block(self, tag):
        if tag.name in HEADINGS:
            return {
                "type": "heading",
                "level": HEADINGS[tag.name],
                "children": self.inlines(tag),
            }
        if tag.name in ("ul", "ol"):
            items = [
                self.list_item(child) for child in tag.find_all("li", recursive=False)
            ]
            return {"type": "list", "ordered": tag.name == "ol", "children": items}
        return {"type": "paragraph", "children": self.inlines(tag)}

    def list_item(self, tag):
        children = []
        loose = []
        for node in tag.children:
            if isinstance(node, Tag) and node.name in ("ul", "ol"):
                children.extend(self.trim(loose))
                loose = []
                children.append(self.block(node))
            else:
                loose.extend(self.inline(node, ()))
        children.extend(self.trim(loose))
        return {"type": "list_item", "children": children}

    def inlines(self, tag, marks=()):
        return self.trim(
            [item for node in tag.children for item in self.inline(node, marks)]
        )

    def inline(self, node, marks):
        if isinstance(node, NavigableString):
            if type(node) is not NavigableString:  # comments, CDATA, doctypes
                return []
            text = str(node)
            return (
                [{"type": "text", "text": text, "marks": list(marks)}] if text else []
            )
        if not isinstance(node, Tag) or node.name in DROPPED_ELEMENTS:
            return []
        if node.name == "br":
            return [{"type": "line_break"}]
        if node.name in MARKS:
            mark = MARKS[node.name]
            marks = marks if mark in marks else (*marks, mark)
            return [
                item for child in node.children for item in self.inline(child, marks)
            ]
        if node.name == "a":
            href, page = self.links.get(id(node), (None, None))
            children = [
                item for child in node.children for item in self.inline(child, marks)
            ]
            return [{"type": "link", "href": href, "page": page, "children": children}]
        return [item for child in node.children for item in self.inline(child, marks)]

    @staticmethod
    def trim(items):
        """Nothing when ``items`` are only whitespace (the source's line breaks)."""
        if all(item["type"] == "text" and not item["text"].strip() for item in items):
            return []
        return items


# The key of the API's context that asks for trees instead of HTML.
FORMAT_KEY = "rich_text_format"


def wants_tree(context):
    return bool(context) and context.get(FORMAT_KEY) == "tree"


def rich_text_tree(source):
    """The typed tree of stored rich text ``source``."""
    return TreeBuilder(source).build()
