"""A page for each therapist of the model, the therapists index, and each article's byline."""

import os
from dataclasses import dataclass

import practice_model
from content_contract.check import slug_rules, slugify
from page_model import GeneratedPage, write_page
from pelican.contents import Content
from pelican.generators import Generator

NEEDS = ("therapists",)  # what this plugin reads from the practice model


class Profile(Content):
    """A profile's own words (the Markdown body of content/therapists/<slug>.md); the facts
    about the therapist come from the model."""

    default_template = "therapist"
    default_status = "published"
    mandatory_properties = ("title",)

    def __init__(self, content, metadata=None, settings=None, source_path=None, context=None):
        metadata = dict(metadata or {})
        metadata.setdefault("title", metadata.get("name"))
        metadata["slug"] = os.path.splitext(os.path.basename(source_path))[0]
        super().__init__(content, metadata, settings, source_path, context)


@dataclass(frozen=True)
class Review:
    """"Reviewed by Name, LCSW, on date": shown beside the byline and given in the JSON-LD, both or neither."""
    therapist: object
    date: object


def review_of(text, practice, rules):
    reviewer, date = getattr(text, "reviewed_by", None), getattr(text, "last_reviewed", None)
    therapist = practice.therapist(slugify(str(reviewer), rules)) if reviewer else None
    return Review(therapist, date) if therapist is not None and date is not None else None


def byline(article, therapist):
    """'Name, LCSW': the article's own credential codes where it gives them, else the licenses."""
    codes = getattr(article, "credentials", None) or [c.code for c in therapist.licenses]
    return f"{therapist.name}, {', '.join(codes)}" if codes else therapist.name


class TherapistsGenerator(Generator):
    """Profiles are generated after articles are read, so each lists its articles."""

    def generate_context(self):
        practice = practice_model.model_of(self, needs=NEEDS)
        articles = self.context.get("articles", [])
        self.profiles = []
        for therapist in practice.therapists:
            profile = self.readers.read_file(self.path, os.path.relpath(therapist.source_path, self.path),
                                             content_class=Profile, context=self.context)
            profile.therapist = therapist
            profile.articles = [a for a in articles if a.author.slug == therapist.slug]
            self.profiles.append(profile)
        by_slug = {p.therapist.slug: p for p in self.profiles}
        for article in articles + self.context.get("drafts", []) + self.context.get("hidden_articles", []):
            profile = by_slug.get(article.author.slug)
            article.therapist = profile.therapist if profile else None
            article.author_profile = profile
            article.byline = byline(article, profile.therapist) if profile else article.author.name
        rules = slug_rules(self.settings)
        for text in articles + self.context.get("pages", []) + self.context.get("hidden_pages", []):
            text.review = review_of(text, practice, rules)
        newest = max((a.date for a in articles), default=None)
        for profile in self.profiles:
            profile.date = max((a.date for a in profile.articles), default=newest)
        self.index = GeneratedPage(
            kind="therapists",
            title="Our therapists",
            summary=f"The therapists of {practice.short_name}: their licenses, "
                    "what they offer, and what they have written.",
            url=practice.therapists[0].url_prefix if practice.therapists else "therapists/",
            template="therapists",
            date=newest,
        )

    def generate_output(self, writer):
        for profile in self.profiles:
            write_page(self, writer, GeneratedPage(
                kind="profile", title=profile.therapist.display_name, summary=profile.therapist.summary,
                url=profile.therapist.url, template="therapist", date=profile.date,
                data={"therapist": profile.therapist}), shows=profile.articles, therapist=profile.therapist,
                profile=profile)
        write_page(self, writer, self.index, shows=())  # the therapists' cards: no article
