"""Extract stage (placeholder until the extraction work lands): title = first short line, body = the rest."""
from __future__ import annotations

from .model import Article, SourceDocument


def extract(doc: SourceDocument) -> Article:
    lines = [line.strip() for line in doc.text.splitlines()]
    lines = [line for line in lines if line]
    title = lines[0] if lines and len(lines[0]) < 150 and len(lines) > 1 else None
    body_lines = lines[1:] if title else lines
    return Article(path=doc.path, body="\n\n".join(body_lines), title=title)
