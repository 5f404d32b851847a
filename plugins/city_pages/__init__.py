"""A page for each North Carolina city in content/data/cities.csv, an area page for
each metro or micro area, and a hub; each tells a reader there only what is true."""

from pelican import signals

from city_pages.pages import CityPagesGenerator


def get_generators(pelican):
    if pelican.settings.get("CITY_PAGES", True):
        return CityPagesGenerator
    return None


def register():
    signals.get_generators.connect(get_generators)
