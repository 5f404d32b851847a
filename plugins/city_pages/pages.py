"""Builds the hub, area and city pages from the data files."""

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from pelican.contents import Content
from pelican.generators import Generator

from city_pages.geo import direction, miles_between, nearest
from city_pages.uniqueness import report_lines, sentences, unique_shares
from page_model import GeneratedPage, write_page

POPULATION_VINTAGE = "US Census Bureau, American Community Survey 2019–2023 5-year estimate"
NOTES_FOLDER = "cities"


@dataclass(frozen=True)
class CitySettings:
    url: str
    in_person_radius_miles: float
    nearby_count: int
    latest_articles: int
    uniqueness_threshold: float
    report_path: str


def read_settings(settings):
    """Every city-page setting with its default, in one place."""
    return CitySettings(
        url=settings.get("CITY_PAGES_URL", "therapy/"),
        in_person_radius_miles=float(settings.get("CITY_PAGES_IN_PERSON_RADIUS_MILES", 60)),
        nearby_count=int(settings.get("CITY_PAGES_NEARBY", 5)),
        latest_articles=int(settings.get("CITY_PAGES_LATEST_ARTICLES", 3)),
        uniqueness_threshold=float(settings.get("CITY_PAGES_UNIQUENESS_THRESHOLD", 0.5)),
        report_path=settings.get("CITY_PAGES_REPORT", "reports/city-report.txt"),
    )


class CityNote(Content):
    """The practice's own words about a city (content/cities/<slug>.md)."""

    default_status = "published"


def counties_phrase(names):
    """'Orange County', 'Orange and Wake counties', 'Chatham, Orange and Wake counties'."""
    if len(names) == 1:
        return f"{names[0]} County"
    return f"{', '.join(names[:-1])} and {names[-1]} counties"


def _newest(articles):
    return max((a.date for a in articles), default=None)


def build_pages(site_data, therapists, articles, notes, conf):
    """The hub, area and city pages (GeneratedPage objects), from data alone."""
    practice = site_data["practice"]
    all_cities = [c for c in site_data["cities"] if c["published"]]
    by_slug = {c["slug"]: c for c in site_data["cities"]}
    office_city = by_slug.get((practice.get("home_offices") or {}).get("city_slug"))
    areas = site_data["areas"]
    counties = site_data["counties"]
    latest = articles[: conf.latest_articles]
    updated = _newest(articles)
    hub_url = conf.url
    online = [t for t in therapists if getattr(t, "online", None) is True]
    in_person = [t for t in therapists if getattr(t, "in_person", None) is True]

    def area_url(area):
        return f"{hub_url}areas/{area['slug']}/"

    by_population = sorted(all_cities, key=lambda c: -c["population"])
    rank = {c["slug"]: i for i, c in enumerate(by_population, 1)}
    city_pages = []
    for city in all_cities:
        area = areas.get(city["area_code"])
        miles = miles_between(city, office_city) if office_city else None
        is_office_city = office_city is not None and city["slug"] == office_city["slug"]
        near_offices = miles is not None and miles <= conf.in_person_radius_miles
        crumbs = [("Therapy across North Carolina", hub_url)]
        if area:
            crumbs.append((f"{area['name']} area", area_url(area)))
        area_cities = sorted((c for c in all_cities if c["area_code"] == city["area_code"] and c is not city),
                             key=lambda c: -c["population"]) if area else []
        note = notes.get(city["slug"])
        page = GeneratedPage(
            kind="city",
            title=f"Therapy in {city['name']}, NC",
            summary=(f"How people in {city['name']} ({city['county']} County) can see one of our therapists: "
                     + (f"in person at our offices here, or online." if is_office_city else
                        f"online, or in person in {office_city['name']}, {round(miles)} miles away.")),
            url=f"{hub_url}{city['slug']}/",
            template="city",
            date=updated,
            breadcrumbs=crumbs,
            data={
                "city": city,
                "county": counties.get(city["county"]),
                "partly_in": counties_phrase([c for c in city["all_counties"] if c != city["county"]])
                if len(city["all_counties"]) > 1 else None,
                "area": area,
                "area_url": area_url(area) if area else None,
                "area_cities": area_cities,
                "office_city": office_city,
                "is_office_city": is_office_city,
                "miles_to_offices": round(miles) if miles is not None else None,
                "offices_direction": direction(city, office_city) if office_city and not is_office_city else None,
                "population_rank": rank[city["slug"]],
                "ranked_places": len(all_cities),
                "near_offices": near_offices,
                "nearby": [(c, round(d)) for c, d in nearest(city, all_cities, conf.nearby_count)],
                "online_therapists": online,
                "in_person_therapists": in_person if near_offices else [],
                "local_words": note.content if note else None,
                "latest_articles": latest,
                "population_vintage": POPULATION_VINTAGE,
            },
        )
        city_pages.append(page)
    pages_by_slug = {p.city["slug"]: p for p in city_pages}
    for page in city_pages:
        page.data["nearby_pages"] = [(pages_by_slug[c["slug"]], d) for c, d in page.nearby]
        page.data["area_pages"] = [pages_by_slug[c["slug"]] for c in page.area_cities]

    area_pages = []
    for code, area in sorted(areas.items(), key=lambda kv: (kv[1]["kind"], -(kv[1]["population"] or 0))):
        members = [p for p in city_pages if p.city["area_code"] == code]
        if not members:
            continue
        members.sort(key=lambda p: -p.city["population"])
        area_pages.append(GeneratedPage(
            kind="area",
            title=f"Therapy in the {area['name']} area",
            summary=(f"Our city pages for the {area['title']} {area['kind']} area: "
                     f"{', '.join(p.city['name'] for p in members[:4])}{' and more' if len(members) > 4 else ''}."),
            url=area_url(area),
            template="area",
            date=updated,
            breadcrumbs=[("Therapy across North Carolina", hub_url)],
            data={
                "area": area,
                "city_pages": members,
                "counties": [counties[c] for c in area["counties"] if c in counties],
                "office_city": office_city,
            },
        ))
    no_area = sorted((p for p in city_pages if p.area is None), key=lambda p: p.city["name"])
    hub = GeneratedPage(
        kind="hub",
        title="Therapy across North Carolina",
        summary=f"Online therapy anywhere in North Carolina, and in person at our {office_city['name']} offices: "
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
        notes = {}
        folder = os.path.join(self.path, NOTES_FOLDER)
        if os.path.isdir(folder):
            for name in sorted(os.listdir(folder)):
                if name.endswith(".md"):
                    note = self.readers.read_file(self.path, os.path.join(NOTES_FOLDER, name),
                                                  content_class=CityNote, context=self.context)
                    notes[note.city] = note
        self.hub, self.area_pages, self.city_pages = build_pages(
            self.context["site_data"], self.context.get("therapists", []),
            self.context.get("articles", []), notes, self.conf)

    def generate_output(self, writer):
        for page in [self.hub, *self.area_pages, *self.city_pages]:
            write_page(self, writer, page)
        self.write_uniqueness_report()

    def write_uniqueness_report(self):
        texts, local = {}, {}
        for page in self.city_pages:
            city = page.city
            names = [city["name"], city["county"], *city["all_counties"]]
            if page.area:
                names += [page.area["name"], page.area["title"], *page.area["name"].split("-")]
            html_text = Path(self.output_path, page.save_as).read_text(encoding="utf-8")
            texts[city["slug"]] = sentences(html_text, names)
            local[city["slug"]] = bool(page.local_words)
        lines, needing = report_lines(unique_shares(texts), local, self.conf.uniqueness_threshold)
        report = Path(self.conf.report_path)
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"city pages: {len(self.city_pages)} written; {needing} under the uniqueness threshold "
              f"without local words (see {report})", file=sys.stderr)
