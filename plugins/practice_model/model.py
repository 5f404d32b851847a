"""The one model of the practice: plain immutable objects, built once per build from
content/data/ and the therapist profiles (build.py), checked as they are made.

Every plugin and template reads the practice from here: templates as `practice`,
plugins with `practice_model.of(generator)`. Nothing here knows about Pelican.
"""

import datetime
from dataclasses import dataclass, field
from types import MappingProxyType


def frozen_mapping(items):
    return MappingProxyType(dict(items))


@dataclass(frozen=True)
class Channel:
    """One way to reach a crisis resource: a call, a text or a chat."""

    kind: str  # call, text, chat
    label: str
    href: str
    number: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class CrisisResource:
    id: str
    name: str
    summary: str
    scope: str
    source: str
    checked: datetime.date | None
    channels: tuple
    notice: bool = False  # shown in the notice at the top of every page
    lang: str | None = None
    line: int = 0


@dataclass(frozen=True)
class Plan:
    """A public behavioral-health plan (LME/MCO)."""

    name: str
    url: str | None
    member_services: str = ""  # never shown: it is not a crisis line
    checked: datetime.date | None = None
    line: int = 0


@dataclass(frozen=True)
class Crisis:
    resources: tuple
    emergency: CrisisResource | None
    lifeline: CrisisResource | None
    plans: MappingProxyType

    @property
    def notice(self):
        return tuple(r for r in self.resources if r.notice)


@dataclass(frozen=True)
class County:
    name: str
    fips: str
    plan: Plan
    crisis_line: str
    crisis_href: str
    verified: bool
    # The one display rule: 'line' (the plan and its verified 24/7 line), 'plan' (the
    # plan's name and site, no number) or 'none' (no plan named).
    crisis_help: str
    checked: datetime.date | None
    source: str
    to_verify: str
    note: str
    line: int = 0


@dataclass(frozen=True)
class Area:
    """A metropolitan or micropolitan statistical area."""

    code: str
    title: str
    name: str
    slug: str
    kind: str
    counties: tuple
    other_state_counties: tuple
    population: int | None


@dataclass(frozen=True)
class City:
    slug: str
    name: str
    place_type: str
    county: str
    all_counties: tuple
    population: int | None
    lat: float | None
    lon: float | None
    area_code: str | None
    published: bool
    line: int = 0

    @property
    def kind_words(self):
        """'city', 'town', or 'census-designated place' (the Census Bureau's CDP)."""
        return "census-designated place" if self.place_type == "CDP" else self.place_type


@dataclass(frozen=True)
class Grantor:
    """Who grants a credential: an NC licensing board, or a certification's issuer."""

    key: str
    name: str
    url: str | None = None


@dataclass(frozen=True)
class Credential:
    code: str
    name: str
    kind: str  # license, certification
    granted_by: Grantor | None
    job_title: str | None = None

    @property
    def board(self):
        return self.granted_by if self.kind == "license" else None


@dataclass(frozen=True)
class HeldCredential:
    """A credential as one therapist holds it, with the license number where given."""

    credential: Credential
    number: str | None = None

    code = property(lambda self: self.credential.code)
    name = property(lambda self: self.credential.name)
    kind = property(lambda self: self.credential.kind)
    granted_by = property(lambda self: self.credential.granted_by)
    board = property(lambda self: self.credential.board)
    job_title = property(lambda self: self.credential.job_title)


@dataclass(frozen=True)
class Link:
    name: str
    url: str


ACCEPTING = {"yes": "Accepting new clients", "no": "Not accepting new clients at the moment"}


@dataclass(frozen=True)
class Therapist:
    slug: str
    name: str
    summary: str
    source_path: str
    licenses: tuple = ()
    certifications: tuple = ()
    pronouns: str | None = None
    role: str | None = None
    specialties: tuple = ()
    modalities: tuple = ()
    populations: tuple = ()
    formats: tuple = ()
    languages: tuple = ()
    in_person: bool | None = None
    online: bool | None = None
    accepting: str = "unknown"  # yes, no, unknown
    photo: str | None = None
    photo_alt: str | None = None
    profiles: tuple = ()
    services: tuple = ()  # slugs of the services the profile names (content/services/)
    where: str | None = None  # how they see clients, e.g. "In person in Durham; online anywhere in North Carolina"
    url_prefix: str = "therapists/"

    @property
    def url(self):
        return f"{self.url_prefix}{self.slug}/"

    @property
    def credential_codes(self):
        return ", ".join(c.code for c in self.licenses)

    @property
    def display_name(self):
        return f"{self.name}, {self.credential_codes}" if self.licenses else self.name

    @property
    def first_name(self):
        return self.name.split()[0]

    @property
    def job_title(self):
        return self.licenses[0].job_title if self.licenses else None

    @property
    def accepting_text(self):
        return ACCEPTING.get(self.accepting, f"Ask us whether {self.first_name} has openings")

    def holds(self, code):
        return any(c.code == code for c in self.licenses + self.certifications)


@dataclass(frozen=True)
class Service:
    """A service the practice offers (content/services/<slug>.md): its own words are the file's
    body; who offers it, and how, come from the profiles that name it."""

    slug: str
    title: str
    summary: str
    source_path: str
    therapists: tuple = ()  # the Therapists whose profiles name it
    topics: tuple = ()  # article tags (their slugs) shown on its page
    where: str | None = None  # how its therapists see clients, e.g. "In person in Durham; online anywhere …"
    url_prefix: str = "services/"

    @property
    def url(self):
        return f"{self.url_prefix}{self.slug}/"

    @property
    def formats(self):
        return tuple(dict.fromkeys(f for t in self.therapists for f in t.formats))

    @property
    def populations(self):
        return tuple(dict.fromkeys(p for t in self.therapists for p in t.populations))


@dataclass(frozen=True)
class PrivacyNotice:
    """The HIPAA Notice of Privacy Practices, once practice.yaml names it: a page or a PDF."""

    path: str  # in content/
    url: str


@dataclass(frozen=True)
class Office:
    city_slug: str | None
    city: str | None  # the name, from the city's row in cities.csv
    street_address: str | None = None
    postal_code: str | None = None


@dataclass(frozen=True)
class Contact:
    phone: str | None = None
    phone_href: str | None = None
    email: str | None = None
    booking_url: str | None = None


@dataclass(frozen=True)
class Fee:
    service: str
    fee: str


@dataclass(frozen=True)
class Fees:
    session_fees: tuple | None = None
    insurance_panels: tuple | None = None
    sliding_scale: object = None


@dataclass(frozen=True)
class GoodFaithEstimate:
    info_url: str | None = None
    info_label: str | None = None
    phone: str | None = None
    phone_href: str | None = None
    checked: datetime.date | None = None


@dataclass(frozen=True)
class Practice:
    """The practice as the site shows it. Templates read it as `practice`."""

    name: str
    short_name: str
    tagline: str
    home_offices: Office
    contact: Contact
    fees: Fees
    good_faith_estimate: GoodFaithEstimate
    crisis: Crisis
    credentials: MappingProxyType
    counties: MappingProxyType
    areas: MappingProxyType
    cities: tuple
    therapists: tuple = ()
    services: tuple = ()  # the services some therapist offers, by title
    unoffered_services: tuple = ()  # (slug, file) of services no profile names: they get no page
    privacy_notice: PrivacyNotice | None = None
    in_person: bool | None = None
    online: bool | None = None
    formats: tuple = ()
    models: tuple = ()
    professions: tuple = ()
    _therapists_by_slug: MappingProxyType = field(default_factory=lambda: frozen_mapping({}), repr=False,
                                                  compare=False)

    def therapist(self, slug):
        """The therapist with this profile slug, or None."""
        return self._therapists_by_slug.get(slug)

    def services_of(self, therapist):
        """The services a therapist offers, in the order of the list of services."""
        return tuple(s for s in self.services if therapist in s.therapists)

    @property
    def office_city(self):
        return next((c for c in self.cities if c.slug == self.home_offices.city_slug), None)

    @property
    def published_cities(self):
        return tuple(c for c in self.cities if c.published)
