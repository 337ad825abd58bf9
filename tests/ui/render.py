"""Render a component tree without a browser or a page: every nested component, every control."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import flet as ft
from flet.components.component import Component, Renderer


def _children(control: ft.BaseControl) -> list[ft.BaseControl]:
    out: list[ft.BaseControl] = []
    for f in () if isinstance(control, Component) else dataclasses.fields(control):
        if f.name in ("parent", "page", "_parent", "_b"):
            continue
        value = getattr(control, f.name, None)
        if isinstance(value, ft.BaseControl):
            out.append(value)
        elif isinstance(value, list | tuple):
            out += [v for v in value if isinstance(v, ft.BaseControl)]
    body = getattr(control, "_b", None) if isinstance(control, Component) else None
    if isinstance(body, ft.BaseControl):
        out.append(body)
    elif isinstance(body, list):
        out += [b for b in body if isinstance(b, ft.BaseControl)]
    return out


def walk(node: ft.BaseControl, skip=lambda c: False) -> Iterator[ft.BaseControl]:
    """Every control below `node`, depth first, each component rendered; `skip` prunes a subtree."""
    if skip(node):
        return
    if isinstance(node, Component):
        node.before_update()
    yield node
    for child in _children(node):
        yield from walk(child, skip)


def render(fn, *args, **kwargs) -> ft.BaseControl:
    """The component `fn(*args, **kwargs)` as it would be mounted (render it with `walk`)."""
    with Renderer().with_context():
        return fn(*args, **kwargs)


def is_component(fn):
    """A `skip` that prunes the subtree a given component renders."""
    impl = getattr(fn, "__component_impl__", fn)
    return lambda c: isinstance(c, Component) and getattr(c.fn, "__wrapped__", c.fn) is impl


def texts(controls) -> list[str]:
    """What the person reads: Text values, and a button's text when it is a plain string."""
    out = []
    for c in controls:
        if isinstance(c, ft.Text) and isinstance(c.value, str):
            out.append(c.value)
        elif isinstance(c, ft.Text) and c.spans:
            out.append("".join(s.text or "" for s in c.spans))
        elif isinstance(c, ft.Button | ft.OutlinedButton | ft.TextButton) and isinstance(c.content, str):
            out.append(c.content)
    return out
