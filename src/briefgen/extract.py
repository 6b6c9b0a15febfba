"""Extract stage: recover the article (body, title, date, author, source, url) from a document."""
from __future__ import annotations

from .boilerplate import split_page
from .model import Article, SourceDocument


def extract(doc: SourceDocument) -> Article:
    parts = split_page(doc.text)
    return Article(path=doc.path, body="\n\n".join(parts.body))
