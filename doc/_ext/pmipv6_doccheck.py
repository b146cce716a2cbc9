"""Sphinx extension: checks of the pmipv6 documentation that docutils does not make.

A simple table whose rows shifted by a column still parses: the cells just land in the
wrong columns and the last one stays empty. This extension warns (an error under
``sphinx-build -W``) for

* a table row with an empty cell, or with another number of cells than the header;
* a path outside the repository (``/shared/``, ``/work/``, ``../shared``) in the text.
"""

import re

from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger(__name__)

OUTSIDE = re.compile(r"(?<![\w.])(?:\.\./shared/|/shared/|/work/)")


def _check_tables(app, doctree, docname):
    for table in doctree.traverse(nodes.table):
        for tgroup in table.traverse(nodes.tgroup):
            ncols = int(tgroup.get("cols", 0))
            for row in tgroup.traverse(nodes.row):
                entries = [e for e in row.children if isinstance(e, nodes.entry)]
                spanned = sum(int(e.get("morecols", 0)) for e in entries)
                if len(entries) + spanned != ncols:
                    logger.warning(
                        "table row with %d cells in a %d-column table: %r",
                        len(entries) + spanned,
                        ncols,
                        row.astext()[:80],
                        location=row,
                    )
                for e in entries:
                    if not e.astext().strip():
                        logger.warning(
                            "table row with an empty cell (did the row shift a column?): %r",
                            " | ".join(x.astext() for x in entries)[:120],
                            location=row,
                        )
                        break
    for text in doctree.traverse(nodes.Text):
        m = OUTSIDE.search(str(text))
        if m:
            logger.warning(
                "the documentation points outside the repository: %r",
                str(text)[max(0, m.start() - 20) : m.end() + 30],
                location=text.parent,
            )


def setup(app):
    app.connect("doctree-resolved", _check_tables)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
