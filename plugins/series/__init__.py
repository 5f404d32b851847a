"""Series navigation ("Part 2 of 3"), a page per series, and previous/next links by date.

Only published articles take part: drafts and hidden articles are never linked.
"""

from pelican import signals

from series.navigation import SeriesGenerator


def get_generators(pelican):
    return SeriesGenerator


def register():
    signals.get_generators.connect(get_generators)
