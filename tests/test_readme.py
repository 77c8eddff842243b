"""The README and docs/ keep their promises: every command they show runs, every link leads somewhere.

Commands: each ``thucydides ...`` line of a fenced ``sh`` block, and each ``$ thucydides ...`` line of a
``console`` or unmarked block, names subcommands that exist, options that the subcommand's ``--help`` lists,
and choice values the option accepts. ``--help`` runs through click's CliRunner, so no spaCy model is needed. Links: every relative
link and image of README.md and docs/*.md points to a file that exists, and an ``#anchor`` to a heading of it.
The README's Python example runs, and prints what its comments say.
"""

from __future__ import annotations

import contextlib
import io
import re
from functools import cache
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from thucydides.cli import main

from conftest import REPO

PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
FENCE = re.compile(r"^```([\w-]*)[^\n]*\n(.*?)^```", re.M | re.S)
OPTION = re.compile(r"^\[?(--?[A-Za-z][\w-]*)")
CHOICES = re.compile(r"^[a-z0-9][a-z0-9-]*(\|[a-z0-9][a-z0-9-]*)*$")
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def _cut(line: str, *, at_pipe: bool) -> str:
    """``line`` up to a comment (``#`` after a space) or a shell operator, outside quotes and [brackets]."""
    quote, depth = "", 0
    for i, char in enumerate(line):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "[":
            depth += 1
        elif char == "]":
            depth = max(depth - 1, 0)
        elif char == "#" and (i == 0 or line[i - 1].isspace()):
            return line[:i]
        elif depth == 0 and at_pipe and (char in ";>" or (char == "|" and line[i - 1:i + 2].strip() == "|")):
            return line[:i]
        elif depth == 0 and line.startswith("&&", i):
            return line[:i]
    return line


def commands(text: str) -> list[str]:
    """The ``thucydides`` commands of the fenced sh and console blocks of a Markdown text."""
    found = []
    for lang, body in FENCE.findall(text):
        if lang not in ("sh", "console", ""):
            continue
        lang = lang or "console"  # an unmarked block: its "$ " lines are commands
        current: list[str] | None = None
        for raw in body.splitlines():
            if lang == "console":
                if raw.startswith("$ "):
                    current = [raw[2:]]
                    found.append(current)
                elif current and current[-1].rstrip().endswith("\\"):
                    current.append(raw)
                else:
                    current = None
                continue
            stripped = raw.lstrip()
            if re.match(r"(\S+/)?thucydides\s", stripped) or stripped == "thucydides":
                current = [stripped]
                found.append(current)
            elif current is not None and raw[:1].isspace() and stripped:
                current.append(stripped)  # a synopsis continues on indented lines
            else:
                current = None
    out = []
    for lines in found:
        text_ = " ".join(_cut(line, at_pipe=True).rstrip().rstrip("\\") for line in lines)
        text_ = re.sub(r"^(\S*/)?thucydides\b", "thucydides", text_.strip())
        if text_.startswith("thucydides"):
            out.append(text_)
    return out


def resolve(words: list[str]) -> list[tuple[tuple[str, ...], list[str]]]:
    """Each command path the words name (``eval events|modality`` names two), with the words after it."""
    paths: list[tuple[tuple[str, ...], list[str]]] = [((), words)]
    done = []
    while paths:
        path, rest = paths.pop()
        command = _command(path)
        if isinstance(command, click.Group) and rest and not rest[0].startswith("-"):
            names = rest[0].split("|")
            for name in names:
                assert name in command.commands, f"`thucydides {' '.join(path)}` has no subcommand {name!r}"
                paths.append(((*path, name), rest[1:]))
        else:
            done.append((path, rest))
    return done


def _command(path: tuple[str, ...]) -> click.Command:
    command: click.Command = main
    for name in path:
        assert isinstance(command, click.Group)
        command = command.commands[name]
    return command


@cache
def help_text(path: tuple[str, ...]) -> str:
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0, f"thucydides {' '.join(path)} --help: exit {result.exit_code}\n{result.output}"
    return result.output


def _param(command: click.Command, option: str) -> click.Parameter | None:
    return next((p for p in command.params if option in (*p.opts, *p.secondary_opts)), None)


DOCUMENTED = [(page.relative_to(REPO).as_posix(), command)
              for page in PAGES for command in commands(page.read_text("utf-8"))]


def test_the_readme_shows_the_first_session_and_the_main_commands():
    shown = {command.split()[1] for page, command in DOCUMENTED if page == "README.md"}
    assert {"code", "stats", "query", "export", "serve", "stories", "relays"} <= shown


@pytest.mark.parametrize(("page", "command"), DOCUMENTED, ids=[f"{p}:{c[:60]}" for p, c in DOCUMENTED])
def test_documented_command_exists_with_its_options(page, command):
    words = command.split()[1:]
    for path, rest in resolve(words):
        cli_command = _command(path)
        text = help_text(path)
        for i, word in enumerate(rest):
            match = OPTION.match(word)
            if not match:
                continue
            option = match.group(1).split("=")[0]
            assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text), \
                f"{page}: `thucydides {' '.join(path)}` has no option {option} (in: {command})"
            param = _param(cli_command, option)
            value = rest[i + 1].strip("[]") if i + 1 < len(rest) else ""
            if param is not None and isinstance(param.type, click.Choice) and CHOICES.match(value):
                for choice in value.split("|"):
                    assert choice in param.type.choices, \
                        f"{page}: `thucydides {' '.join(path)} {option}` does not accept {choice!r}"


def test_the_command_parser_reads_synopses_and_sessions():
    text = ("```sh\nthucydides code INPUT... [--published DATE | --date-from-filename] [-o FILE]  # a comment --x\n"
            "                 [--workers N]\nmake demo\n```\n"
            "```console\n$ thucydides code a.txt --format jsonl -q \\\n    | jq -r '.quotes[] | .text'\nout --y\n"
            "$ .venv/bin/thucydides eval events|html G --failures > x\n```\n")
    assert commands(text) == [
        "thucydides code INPUT... [--published DATE | --date-from-filename] [-o FILE] [--workers N]",
        "thucydides code a.txt --format jsonl -q",
        "thucydides eval events|html G --failures",
    ]
    assert [path for path, _ in resolve(["eval", "events|html", "G"])] == [("eval", "html"), ("eval", "events")]


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[`*_]|\[([^\]]*)\]\([^)]*\)", lambda m: m.group(1) or "", heading.strip()).lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    text = FENCE.sub("", path.read_text("utf-8"))
    seen: dict[str, int] = {}
    out = set()
    for heading in re.findall(r"^#{1,6}\s+(.+?)\s*#*$", text, re.M):
        slug = _slug(heading)
        out.add(slug if slug not in seen else f"{slug}-{seen[slug]}")
        seen[slug] = seen.get(slug, 0) + 1
    return out


def links(path: Path) -> list[str]:
    text = FENCE.sub("", path.read_text("utf-8"))
    text = re.sub(r"`[^`\n]*`", "", text)
    return LINK.findall(text)


LINKS = [(page, target) for page in PAGES for target in links(page)
         if not re.match(r"[a-z][a-z0-9+.-]*:", target)]


@pytest.mark.parametrize(("page", "target"), LINKS,
                         ids=[f"{p.relative_to(REPO).as_posix()}->{t}" for p, t in LINKS])
def test_relative_link_leads_to_a_file_and_heading(page, target):
    file_part, _, anchor = target.partition("#")
    destination = (page.parent / file_part).resolve() if file_part else page
    where = page.relative_to(REPO).as_posix()
    assert destination.exists(), f"{where}: link to {target}, which does not exist"
    if anchor and destination.suffix == ".md":
        assert anchor in anchors(destination), f"{where}: link to {target}, but no heading has that anchor"


def test_every_docs_page_is_reachable_from_the_readme():
    linked = {(REPO / target.partition("#")[0]).resolve() for target in links(REPO / "README.md")}
    for page in PAGES[1:]:
        reached = page.resolve() in linked or any(
            page.resolve() == (other.parent / t.partition("#")[0]).resolve()
            for other in PAGES[1:] if other.resolve() in linked for t in links(other))
        assert reached, f"{page.relative_to(REPO)} is linked neither from README.md nor from a page it links"


def test_the_readme_python_example_prints_what_it_says(monkeypatch, nlp):
    monkeypatch.setattr("thucydides.pipeline.load_model", lambda *args, **kwargs: nlp)
    blocks = [body for lang, body in FENCE.findall((REPO / "README.md").read_text("utf-8")) if lang == "python"]
    assert len(blocks) == 1
    expected = [line[2:] for line in blocks[0].splitlines() if line.startswith("# ")]
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(blocks[0], "README.md", "exec"), {"__name__": "readme"})  # noqa: S102
    assert printed.getvalue().splitlines() == expected
