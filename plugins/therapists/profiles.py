"""Reads content/therapists/*.md and makes each therapist's profile."""

import os
from pathlib import Path

from pelican.contents import Content
from pelican.generators import Generator

from page_model import GeneratedPage, write_page

FOLDER = "therapists"


class Therapist(Content):
    default_template = "therapist"
    default_status = "published"
    mandatory_properties = ("title",)

    def __init__(self, content, metadata=None, settings=None, source_path=None, context=None):
        metadata = dict(metadata or {})
        metadata.setdefault("title", metadata.get("name"))
        metadata["slug"] = Path(source_path).stem
        super().__init__(content, metadata, settings, source_path, context)
        self.articles = []

    @property
    def url(self):
        return f"{FOLDER}/{self.slug}/"

    @property
    def save_as(self):
        return f"{FOLDER}/{self.slug}/index.html"

    def link_credentials(self, credentials):
        """Credential codes written out in full, with the board and the license number."""
        numbers = getattr(self, "license_numbers", None) or {}
        self.licenses = [dict(credentials[c], number=numbers.get(c)) for c in self.credentials]
        self.certification_list = [credentials[c] for c in getattr(self, "certifications", None) or []]
        self.job_title = self.licenses[0].get("job_title") if self.licenses else None

    @property
    def credential_codes(self):
        return ", ".join(self.credentials)

    @property
    def display_name(self):
        return f"{self.name}, {self.credential_codes}" if self.credentials else self.name

    @property
    def accepting(self):
        value = getattr(self, "accepting_new_clients", "unknown")
        return {True: "yes", False: "no"}.get(value, value)


def byline(article, therapist):
    codes = getattr(article, "credentials", None) or therapist.credentials
    return f"{therapist.name}, {', '.join(codes)}" if codes else therapist.name


class TherapistsGenerator(Generator):
    """Profiles are generated after articles are read, so each lists its articles."""

    def generate_context(self):
        folder = os.path.join(self.path, FOLDER)
        therapists = {}
        if os.path.isdir(folder):
            for name in sorted(os.listdir(folder)):
                if name.endswith(".md"):
                    t = self.readers.read_file(self.path, os.path.join(FOLDER, name),
                                               content_class=Therapist, context=self.context)
                    t.link_credentials(self.context["credentials"])
                    therapists[t.slug] = t
        for article in self.context.get("articles", []):
            if article.author.slug in therapists:
                therapists[article.author.slug].articles.append(article)
        for article in (self.context.get("articles", []) + self.context.get("drafts", [])
                        + self.context.get("hidden_articles", [])):
            therapist = therapists.get(article.author.slug)
            article.therapist = therapist
            article.byline = byline(article, therapist) if therapist else article.author.name
        dates = [a.date for a in self.context.get("articles", [])]
        for t in therapists.values():
            t.date = max((a.date for a in t.articles), default=max(dates, default=None))
        self.therapists = sorted(therapists.values(), key=lambda t: t.name.split()[-1])
        self.context["therapists"] = self.therapists
        self.context["therapists_by_slug"] = therapists
        self.index = GeneratedPage(
            kind="therapists",
            title="Our therapists",
            summary="The therapists of North Carolina Therapy Professionals: their licenses, "
                    "what they offer, and what they have written.",
            url=f"{FOLDER}/",
            template="therapists",
            date=max(dates, default=None),
        )
        self.context["therapists_page"] = self.index

    def generate_output(self, writer):
        for therapist in self.therapists:
            write_page(self, writer, therapist, therapist=therapist)
        write_page(self, writer, self.index)
