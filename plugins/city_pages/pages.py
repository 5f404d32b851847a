"""Builds the hub, area and city pages from the practice model."""

import logging
import os
from pathlib import Path

import plugin_settings
import practice_model
from page_model import GeneratedPage, write_page
from pelican.contents import Content
from pelican.generators import Generator
from plugin_settings import Setting, positive, share
from practice_model.wording import counties as counties_phrase
from practice_model.wording import join_and

from city_pages.geo import direction, miles_between, nearest
from city_pages.uniqueness import report_lines, sentences, unique_shares

logger = logging.getLogger(__name__)
POPULATION_VINTAGE = "US Census Bureau, American Community Survey 2019–2023 5-year estimate"
NOTES_FOLDER = "cities"
NEEDS = ("cities", "areas", "counties", "therapists", "home_offices")  # read from the practice model

SETTINGS = {
    "CITY_PAGES": Setting(True, bool, "Write the city, area and hub pages."),
    "CITY_PAGES_URL": Setting("therapy/", str, "Where the hub lives; city pages go under it.",
                              lambda v: None if v.endswith("/") and not v.startswith("/") else
                              "expected a folder like 'therapy/'"),
    "CITY_PAGES_IN_PERSON_RADIUS_MILES": Setting(60, (int, float), "How far from the offices a city page lists "
                                                 "the therapists who see clients in person.", positive),
    "CITY_PAGES_NEARBY": Setting(5, int, "How many nearby cities a page links.", positive),
    "CITY_PAGES_LATEST_ARTICLES": Setting(3, int, "How many of the latest articles a page lists.", positive),
    "CITY_PAGES_UNIQUENESS_THRESHOLD": Setting(0.5, (int, float), "Pages whose share of their own sentences is "
                                               "under this need local words.", share),
    "CITY_PAGES_REPORT": Setting("reports/city-report.txt", str, "Where the uniqueness report is written "
                                 "(empty: no report, as in the live preview)."),
}


def read_settings(settings):
    return plugin_settings.read(settings, "CITY_PAGES_", SETTINGS)


class CityNote(Content):
    """The practice's own words about a city (content/cities/<slug>.md)."""

    default_status = "published"


def _newest(articles):
    return max((a.date for a in articles), default=None)


def who_sees_clients(therapists, near_offices, office_city):
    """[(therapist, 'online and in person in Durham')] for one city, from the model."""
    out = []
    for t in therapists:
        ways = (["online"] if t.online is True else []) + (
            [f"in person in {office_city.name}"] if near_offices and t.in_person is True else [])
        if ways:
            out.append((t, join_and(ways)))
    return out


def build_pages(practice, articles, notes, conf):
    """The hub, area and city pages (GeneratedPage objects), from the model alone."""
    all_cities = list(practice.published_cities)
    office_city = practice.office_city
    areas, counties = practice.areas, practice.counties
    latest = articles[: conf.latest_articles]
    updated = _newest(articles)
    hub_url = conf.url

    def area_url(area):
        return f"{hub_url}areas/{area.slug}/"

    rank = {c.slug: i for i, c in enumerate(sorted(all_cities, key=lambda c: -c.population), 1)}
    city_pages = []
    for city in all_cities:
        area = areas.get(city.area_code)
        miles = miles_between(city, office_city)
        is_office_city = city.slug == office_city.slug
        near_offices = miles <= conf.in_person_radius_miles
        crumbs = [("Therapy across North Carolina", hub_url)]
        if area:
            crumbs.append((f"{area.name} area", area_url(area)))
        area_cities = sorted((c for c in all_cities if c.area_code == city.area_code and c is not city),
                             key=lambda c: -c.population) if area else []
        note = notes.get(city.slug)
        others = [c for c in city.all_counties if c != city.county]
        page = GeneratedPage(
            kind="city",
            title=f"Therapy in {city.name}, NC",
            summary=(f"How people in {city.name} ({city.county} County) can see one of our therapists: "
                     + ("in person at our offices here, or online." if is_office_city else
                        f"online, or in person in {office_city.name}, {round(miles)} miles away.")),
            url=f"{hub_url}{city.slug}/",
            template="city",
            date=updated,
            breadcrumbs=crumbs,
            data={
                "city": city,
                "county": counties.get(city.county),
                "partly_in": counties_phrase(others) if others else None,
                "area": area,
                "area_url": area_url(area) if area else None,
                "area_cities": area_cities,
                "office_city": office_city,
                "is_office_city": is_office_city,
                "miles_to_offices": round(miles),
                "offices_direction": None if is_office_city else direction(city, office_city),
                "population_rank": rank[city.slug],
                "ranked_places": len(all_cities),
                "near_offices": near_offices,
                "nearby": [(c, round(d)) for c, d in nearest(city, all_cities, conf.nearby)],
                "therapists": who_sees_clients(practice.therapists, near_offices, office_city),
                "local_words": note.content if note else None,
                "latest_articles": latest,
                "population_vintage": POPULATION_VINTAGE,
            },
        )
        city_pages.append(page)
    pages_by_slug = {p.city.slug: p for p in city_pages}
    for page in city_pages:
        page.data["nearby_pages"] = [(pages_by_slug[c.slug], d) for c, d in page.nearby]
        page.data["area_pages"] = [pages_by_slug[c.slug] for c in page.area_cities]

    area_pages = []
    for code, area in sorted(areas.items(), key=lambda kv: (kv[1].kind, -(kv[1].population or 0))):
        members = sorted((p for p in city_pages if p.city.area_code == code), key=lambda p: -p.city.population)
        if not members:
            continue
        area_counties = [counties[c] for c in area.counties if c in counties]
        area_pages.append(GeneratedPage(
            kind="area",
            title=f"Therapy in the {area.name} area",
            summary=(f"Our city pages for the {area.title} {area.kind} area: "
                     f"{', '.join(p.city.name for p in members[:4])}{' and more' if len(members) > 4 else ''}."),
            url=area_url(area),
            template="area",
            date=updated,
            breadcrumbs=[("Therapy across North Carolina", hub_url)],
            data={
                "area": area,
                "city_pages": members,
                "counties": area_counties,
                "counties_phrase": counties_phrase(area_counties),
                "office_city": office_city,
            },
        ))
    no_area = sorted((p for p in city_pages if p.area is None), key=lambda p: p.city.name)
    hub = GeneratedPage(
        kind="hub",
        title="Therapy across North Carolina",
        summary=f"Online therapy anywhere in North Carolina, and in person at our {office_city.name} offices: "
                "find what applies where you live.",
        url=hub_url,
        template="cities",
        date=updated,
        data={"area_pages": area_pages, "no_area": no_area, "city_count": len(city_pages),
              "office_city": office_city},
    )
    return hub, area_pages, city_pages


class CityPagesGenerator(Generator):
    def generate_context(self):
        self.conf = read_settings(self.settings)
        practice = practice_model.model_of(self, needs=NEEDS)
        notes = {}
        folder = os.path.join(self.path, NOTES_FOLDER)
        if os.path.isdir(folder):
            for name in sorted(os.listdir(folder)):
                if name.endswith(".md"):
                    note = self.readers.read_file(self.path, os.path.join(NOTES_FOLDER, name),
                                                  content_class=CityNote, context=self.context)
                    notes[note.city] = note
        self.hub, self.area_pages, self.city_pages = build_pages(
            practice, self.context.get("articles", []), notes, self.conf)

    def generate_output(self, writer):
        # The hub and area pages show no article; a city page shows the latest few.
        for page in [self.hub, *self.area_pages, *self.city_pages]:
            write_page(self, writer, page, shows=page.data.get("latest_articles", []))
        if self.conf.report:
            self.write_uniqueness_report()

    def write_uniqueness_report(self):
        texts, local = {}, {}
        for page in self.city_pages:
            city = page.city
            names = [city.name, city.county, *city.all_counties]
            if page.area:
                names += [page.area.name, page.area.title, *page.area.name.split("-")]
            # The page as this build wrote it, or (unchanged) where it already is in the output.
            written = Path(self.output_path, page.save_as)
            html_text = (written if written.exists() else Path(self.settings["OUTPUT_PATH"], page.save_as)
                         ).read_text(encoding="utf-8")
            texts[city.slug] = sentences(html_text, names)
            local[city.slug] = bool(page.local_words)
        lines, needing = report_lines(unique_shares(texts), local, self.conf.uniqueness_threshold)
        report = Path(self.conf.report)
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text("\n".join(lines) + "\n", encoding="utf-8")
        logger.info("city pages: %d written; %d under the uniqueness threshold without local words (see %s)",
                    len(self.city_pages), needing, report)
