"""A strict HTML tree for the rendering tests (unit and browser).

Builds a tree from a page and raises on any end tag that does not close the
open element, so a test that parses a page also checks it is well nested.
"""

from __future__ import annotations

from html.parser import HTMLParser

__all__ = ["Node", "StrictTree", "parse"]

VOID = {"meta", "br", "hr", "img", "link", "input", "wbr"}


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None]) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Node | str] = []

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.iter()

    def find_all(self, cls: str) -> list[Node]:
        return [n for n in self.iter() if cls in n.classes]

    def text(self, skip: str | None = None) -> str:
        """The text content, leaving out elements of class *skip*."""
        out = []
        for c in self.children:
            if isinstance(c, str):
                out.append(c)
            elif skip is None or skip not in c.classes:
                out.append(c.text(skip))
        return "".join(out)


class StrictTree(HTMLParser):
    """A tree builder that raises on any end tag not closing the open element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        assert tag == self.stack[-1].tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(page: str) -> Node:
    tree = StrictTree()
    tree.feed(page)
    tree.close()
    assert [tree.root] == tree.stack, f"unclosed elements: {[n.tag for n in tree.stack[1:]]}"
    return tree.root
