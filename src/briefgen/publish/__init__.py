"""Publish stage: the ArticleDigests of a folder become one Briefing, then HTML, JSON and PDF.

`assemble` decides what depends on all the articles together (key points, which article explains
a term first, the back glossary) and hands a `Briefing` to `render`, which fills the theme's
Jinja2 templates and has WeasyPrint print them.
"""
