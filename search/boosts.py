"""How much a field counts in the ranking, shared by every page model.

Wagtail's Page gives the title a boost of 2. A summary is the page's own short
description of itself, so it counts more than body text (boost 1) but less than the
title. PostgreSQL turns boosts into tsvector weights; on SQLite the boosted fields are
indexed with the title (search/backends/sqlite.py), whose bm25 weight is the higher.
"""

SUMMARY_BOOST = 1.5


def is_boosted(field):
    return (getattr(field, "boost", None) or 1) > 1
