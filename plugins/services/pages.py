"""The service pages and the list of services, from the model and each service's own words."""

import logging
import os

import practice_model
from content_contract.problems import shown_path
from page_model import GeneratedPage, write_page
from pelican.contents import Content
from pelican.generators import Generator
from pelican.log import console

NEEDS = ("services", "unoffered_services")
INDEX_URL = "services/"
logger = logging.getLogger(__name__)


class ServiceText(Content):
    """A service's own words: the body of content/services/<slug>.md (possibly empty)."""

    default_template = "service"
    default_status = "published"
    mandatory_properties = ("title",)

    def __init__(self, content, metadata=None, settings=None, source_path=None, context=None):
        metadata = dict(metadata or {})
        metadata["slug"] = os.path.splitext(os.path.basename(source_path))[0]
        super().__init__(content, metadata, settings, source_path, context)


def articles_on(service, articles):
    return [a for a in articles if any(tag.slug in service.topics for tag in getattr(a, "tags", []) or [])]


class ServicesGenerator(Generator):
    def generate_context(self):
        practice = practice_model.model_of(self, needs=NEEDS)
        articles = self.context.get("articles", [])
        if logger.isEnabledFor(logging.WARNING):  # silenced by -q, like every note
            for slug, path in practice.unoffered_services:
                console.print(f"{shown_path(path)}: no therapist's profile names the service '{slug}', "
                              "so it has no page (add it to a profile's services)", soft_wrap=True)
        newest = max((a.date for a in articles), default=None)  # a date from the content, never the clock
        self.pages = []
        for service in practice.services:
            text = self.readers.read_file(self.path, os.path.relpath(service.source_path, self.path),
                                          content_class=ServiceText, context=self.context)
            on_topic = articles_on(service, articles)
            self.pages.append((GeneratedPage(
                kind="service", title=service.title, summary=service.summary, url=service.url, template="service",
                date=max((a.date for a in on_topic), default=newest), breadcrumbs=[("Services", INDEX_URL)],
                data={"service": service}), text, on_topic))
        self.index = GeneratedPage(
            kind="services", title="Services",
            summary=f"What the therapists of {practice.short_name} offer, and who offers each service.",
            url=INDEX_URL, template="services", date=newest)

    def generate_output(self, writer):
        for page, text, on_topic in self.pages:
            write_page(self, writer, page, shows=on_topic, service=page.service, text=text, service_articles=on_topic)
        write_page(self, writer, self.index, shows=())  # the services and who offers them: no article
