"""A page for each North Carolina city in content/data/cities.csv, an area page for
each metro or micro area, and a hub; each tells a reader there only what is true."""

from pelican import signals

from city_pages.pages import CityPagesGenerator, read_settings


def get_generators(pelican):
    if read_settings(pelican.settings).city_pages:
        return CityPagesGenerator
    return None


def register():
    signals.get_generators.connect(get_generators)
