"""Therapist profiles: one page each, an index, and the byline on every article."""

from pelican import signals

from therapists.profiles import TherapistsGenerator


def get_generators(pelican):
    return TherapistsGenerator


def register():
    signals.get_generators.connect(get_generators)
