"""The Jinja2 environment of the pages: templates/ with autoescaping (article text is untrusted)."""

from __future__ import annotations

from urllib.parse import quote

from jinja2 import Environment, PackageLoader, select_autoescape

templates = Environment(loader=PackageLoader("thucydides", "web/templates"), autoescape=select_autoescape(["html"]))
# an id as one path segment: "/" too is escaped, so an id such as "a/../b" is not rewritten by the browser
templates.filters["segment"] = lambda value: quote(str(value), safe="")
