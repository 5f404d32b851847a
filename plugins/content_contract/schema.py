"""The front-matter contract: every field an author may write, declared once.

The checks (check.py), the writer's guide (docs/writing.md, kept in step by a test)
and `make new-article` all read this file.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    kind: str  # text, date, list, int, bool, choice, slug, mapping, links, therapist
    doc: str
    required: bool = False
    example: object = None
    choices: tuple = ()
    min_len: int | None = None
    max_len: int | None = None
    minimum: int | None = None
    item_choices: str | None = None  # "credentials", "licenses", "certifications"


STATUS = ("published", "draft", "hidden")
# Who a therapist sees, in the words the therapist finder filters by.
POPULATIONS = ("children", "teens", "adults", "couples", "families", "groups")

SUMMARY = Field(
    "text",
    "One or two sentences for search results and link previews (plain text).",
    required=True,
    min_len=50,
    max_len=160,
    example="Good therapy rests less on the model than on the relationship.",
)

ARTICLE = {
    "title": Field("text", "The article's title.", required=True, min_len=3, max_len=110,
                   example="What Makes “Good Therapy”?"),
    "date": Field("date", "When it is published (YYYY-MM-DD, optionally a time); a date in the future "
                  "waits for its day.", required=True, example="2026-11-26"),
    "modified": Field("date", "When it last changed in substance.", example="2026-12-02"),
    "author": Field("therapist", "The therapist who wrote it: their name or profile slug.",
                    required=True, example="James McCracken"),
    "credentials": Field("list", "Credential codes shown in the byline; the author's profile must hold each. "
                         "Leave it out to show the author's licenses.", item_choices="credentials",
                         example=["LCSW"]),
    "summary": SUMMARY,
    "tags": Field("list", "Topics, as a list.", example=["couples", "anxiety"]),
    "series": Field("text", "The series this article belongs to.", max_len=80,
                    example="Understanding EMDR"),
    "series_index": Field("int", "Its place in the series, from 1; needs `series`.", minimum=1, example=2),
    "status": Field("choice", "`published` (default), `draft` (built only for preview) or `hidden`.",
                    choices=STATUS, example="draft"),
    "slug": Field("slug", "The last part of the URL; made from the title when left out.",
                  example="what-makes-good-therapy"),
    "image": Field("text", "A picture at the top of the article: a file in the content folder.",
                   example="images/kintsugi.jpg"),
    "image_alt": Field("text", "What the picture shows, for people who cannot see it; required with `image`.",
                       max_len=250, example="A bowl mended with gold"),
    "last_reviewed": Field("date", "When a clinician last reviewed the article; with `reviewed_by`, not before "
                           "`date` nor in the future.", example="2026-12-01"),
    "reviewed_by": Field("therapist", "The therapist who reviewed it (name or profile slug); with "
                         "`last_reviewed`. Shown beside the byline.", example="James McCracken"),
    "clinical": Field("bool", "The article gives clinical information: it should be reviewed by a clinician "
                      "(`reviewed_by`, `last_reviewed`) at least once a year; `make report` lists it otherwise.",
                      example=True),
}

PAGE = {
    "title": Field("text", "The page's title.", required=True, min_len=3, max_len=110,
                   example="Getting started"),
    "summary": SUMMARY,
    "slug": Field("slug", "The URL of the page (/<slug>/); made from the title when left out.",
                  example="getting-started"),
    "status": Field("choice", "`published` (default), `draft` or `hidden` (built, but in no list).",
                    choices=STATUS, example="hidden"),
    "template": Field("slug", "The theme template that shows the page, for pages built from data.",
                      example="crisis"),
    "save_as": Field("text", "Where the file is written, for special pages such as 404.html.",
                     example="404.html"),
    "url": Field("text", "The URL of a page written with `save_as`.", example="404.html"),
    "date": Field("date", "When the page was first published.", example="2026-11-26"),
    "modified": Field("date", "When it last changed in substance.", example="2026-12-02"),
    "last_reviewed": Field("date", "When a clinician last reviewed the page.", example="2026-12-01"),
    "reviewed_by": Field("therapist", "The therapist who reviewed it.", example="James McCracken"),
}

THERAPIST = {
    "name": Field("text", "Full name, as in the byline.", required=True, max_len=80,
                  example="James McCracken"),
    "pronouns": Field("text", "Pronouns.", max_len=20, example="he/him"),
    "credentials": Field("list", "License codes from content/data/credentials.yaml.", required=True,
                         item_choices="licenses", example=["LCSW"]),
    "license_numbers": Field("mapping", "License number for each credential code, where the therapist "
                             "gives it.", item_choices="licenses", example={"LCSW": "C000000"}),
    "certifications": Field("list", "Certification codes from content/data/credentials.yaml.",
                            item_choices="certifications", example=["EFT-SUPERVISOR"]),
    "role": Field("text", "Role in the practice.", max_len=80, example="Clinical Director"),
    "specialties": Field("list", "What they help with most.", example=["couples in crisis"]),
    "modalities": Field("list", "Therapy models they practise.", example=["Emotionally Focused Therapy (EFT)"]),
    "populations": Field("list", f"Who they see: {', '.join(POPULATIONS)}.", item_choices="populations",
                         example=["adults", "couples"]),
    "services": Field("list", "The services they offer: file names in content/services/ (without .md).",
                      item_choices="services", example=["discernment-counseling"]),
    "formats": Field("list", "Session formats.", example=["individual", "couples", "family"]),
    "in_person": Field("bool", "Sees clients in person at the Durham offices.", example=True),
    "online": Field("bool", "Sees clients online anywhere in North Carolina.", example=True),
    "languages": Field("list", "Languages they offer therapy in.", example=["English", "Spanish"]),
    "accepting_new_clients": Field("choice", "`yes`, `no` or `unknown` (default).",
                                   choices=("yes", "no", "unknown"), example="unknown"),
    "photo": Field("text", "Portrait: a file in the content folder.", example="images/james.jpg"),
    "photo_alt": Field("text", "What the portrait shows; required with `photo`.", max_len=250,
                       example="James McCracken smiling in his office"),
    "profiles": Field("links", "Other public profiles, each with `name` and `url`.",
                      example=[{"name": "Psychology Today", "url": "https://example.org/profile"}]),
    "summary": SUMMARY,
}

SERVICE = {
    "title": Field("text", "The service's name.", required=True, min_len=3, max_len=80,
                   example="Discernment Counseling"),
    "summary": SUMMARY,
    "topics": Field("list", "Article topics (tags) listed on the service's page; its title is always one.",
                    example=["discernment counseling", "couples"]),
    "status": Field("choice", "`published` (default) or `draft` (not built).", choices=("published", "draft"),
                    example="draft"),
}

CITY_NOTE = {
    "city": Field("slug", "The city's slug in content/data/cities.csv.", required=True,
                  example="durham-nc"),
}

COLLECTIONS = {
    "articles": ARTICLE,
    "pages": PAGE,
    "therapists": THERAPIST,
    "services": SERVICE,
    "cities": CITY_NOTE,
}
