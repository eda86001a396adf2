"""Tiny line-based markup for the sample protocol texts in content/.

Why: the four seed protocols are long. Keeping their text in plain files that
read almost exactly like the seeds (instead of Python string literals) makes
it easy to diff them against the seeds line by line, and lets the DOCX
builders (python-docx) and the PDF builders (reportlab) share one parser.

One line is one block. Blank lines only separate blocks; a block that follows
the previous one without a blank line is "tight" (no paragraph spacing), which
is how name lists and bullet lists are written.

    % comment                 ignored
    # / ## / ### / #### text  heading, level 1..4
    - text, "  - text"        bullet, level = leading spaces / 2
    1. text                   numbered item (Word auto-numbering in DOCX)
    "  a) text"               lower-letter item (Word auto-numbering in DOCX)
    "  text"                  paragraph indented to list level 1 (a list
                              item's second paragraph)
    + text                    continues the previous paragraph after a forced
                              page break (no paragraph spacing)
    @pagebreak                forced page break (where the seed shows one)
    @name args ... @end       raw block (kv, toc, table): the builder decides
    text<TAB>text             tab row (two aligned columns)
    text ending in two spaces joins the next line with a hard line break

Inline: **bold**, *italic*, [text](url), <url>, {ins:text}, {del:text},
{field:INSTRUCTION|cached result}.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

CONTENT_DIR = Path(__file__).resolve().parent / "content"


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None
    ins: bool = False
    dele: bool = False
    field: str | None = None  # field instruction; text is the cached result


@dataclass
class Block:
    kind: str  # h, p, bullet, num, alpha, tabrow, pagebreak, raw
    level: int = 0
    runs: list[Run] = field(default_factory=list)
    tight: bool = False
    cont: bool = False
    name: str = ""  # raw blocks: directive name
    args: str = ""  # raw blocks: rest of the directive line
    lines: list[str] = field(default_factory=list)  # raw blocks / tab rows

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs if not r.dele)


_INLINE = re.compile(
    r"\*\*(?P<b>.+?)\*\*"
    r"|(?<![\w*])\*(?P<i>[^*\s][^*]*?)\*(?![\w*])"
    r"|\[(?P<lt>[^\]]+)\]\((?P<lu>[^)]*)\)"
    r"|<(?P<u>https?://[^>]+)>"
    r"|\{ins:(?P<ins>[^}]*)\}"
    r"|\{del:(?P<del>[^}]*)\}"
    r"|\{field:(?P<fi>[^|}]*)\|(?P<fr>[^}]*)\}"
)


def inline(text: str, bold: bool = False, italic: bool = False) -> list[Run]:
    """Split one line of markup into styled runs."""
    runs: list[Run] = []
    pos = 0
    for m in _INLINE.finditer(text):
        if m.start() > pos:
            runs.append(Run(text[pos:m.start()], bold, italic))
        if m.group("b") is not None:
            runs.extend(inline(m.group("b"), True, italic))
        elif m.group("i") is not None:
            runs.extend(inline(m.group("i"), bold, True))
        elif m.group("lt") is not None:
            runs.append(Run(m.group("lt"), bold, italic, link=m.group("lu")))
        elif m.group("u") is not None:
            runs.append(Run(m.group("u"), bold, italic, link=m.group("u")))
        elif m.group("ins") is not None:
            runs.append(Run(m.group("ins"), bold, italic, ins=True))
        elif m.group("del") is not None:
            runs.append(Run(m.group("del"), bold, italic, dele=True))
        else:
            runs.append(Run(m.group("fr"), bold, italic, field=m.group("fi")))
        pos = m.end()
    if pos < len(text):
        runs.append(Run(text[pos:], bold, italic))
    return runs


def strip_inline(text: str) -> str:
    """Plain text of a markup line (what a reader of the document sees)."""
    return "".join(r.text for r in inline(text) if not r.dele)


_BULLET = re.compile(r"^( *)- (.*)$")
_NUM = re.compile(r"^(\d+)\. (.*)$")
_ALPHA = re.compile(r"^( *)[a-z]\) (.*)$")
_HEAD = re.compile(r"^(#{1,4}) (.*)$")


def parse(text: str) -> list[Block]:
    blocks: list[Block] = []
    lines = text.split("\n")
    i = 0
    prev_blank = True
    while i < len(lines):
        line = lines[i]
        i += 1
        if line.startswith("%"):
            continue
        if not line.strip():
            prev_blank = True
            continue
        tight = not prev_blank
        prev_blank = False
        if line.startswith("@"):
            name, _, args = line[1:].partition(" ")
            if name == "pagebreak":
                blocks.append(Block("pagebreak", tight=True))
                # what follows is tight only if written right below the break
                prev_blank = not (i < len(lines) and lines[i].strip())
                continue
            raw: list[str] = []
            while i < len(lines) and lines[i] != "@end":
                raw.append(lines[i])
                i += 1
            i += 1  # skip @end
            blocks.append(Block("raw", name=name, args=args.strip(), lines=raw, tight=tight))
            continue
        # hard line breaks: "text  " + next line
        while line.endswith("  ") and i < len(lines) and lines[i].strip():
            line = line.rstrip() + "\n" + lines[i]
            i += 1
        if m := _HEAD.match(line):
            blocks.append(Block("h", len(m.group(1)), inline(m.group(2)), tight))
        elif m := _BULLET.match(line):
            blocks.append(Block("bullet", len(m.group(1)) // 2, inline(m.group(2)), tight))
        elif m := _ALPHA.match(line):
            blocks.append(Block("alpha", len(m.group(1)) // 2, inline(m.group(2)), tight))
        elif m := _NUM.match(line):
            blocks.append(Block("num", 0, inline(m.group(2)), tight))
        elif line.startswith("+"):
            blocks.append(Block("p", 0, inline(line[1:]), True, cont=True))
        elif "\t" in line:
            blocks.append(Block("tabrow", 0, [], tight, lines=line.split("\t")))
        elif line.startswith("  "):
            blocks.append(Block("p", 1, inline(line.strip()), tight))
        else:
            blocks.append(Block("p", 0, inline(line), tight))
    return blocks


def load(name: str) -> list[Block]:
    return parse((CONTENT_DIR / name).read_text(encoding="utf-8"))
