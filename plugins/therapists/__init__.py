"""Therapist profiles: one page each, an index, and the byline on every article."""

from pelican import signals

from therapists.finder import finder_attributes, finder_choices
from therapists.profiles import TherapistsGenerator


def get_generators(pelican):
    return TherapistsGenerator


def add_filters(generator):
    generator.env.filters["finder_attributes"] = finder_attributes
    generator.env.filters["finder_choices"] = finder_choices


def register():
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(add_filters)
