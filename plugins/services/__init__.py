"""Services: a page for each service some therapist offers (content/services/<slug>.md), and
/services/ listing them. A service's body is the practice's own words, or absent; the rest of
its page comes from the model: who offers it, how, the articles on its topics, and how to
start. A service no profile names gets no page, and the build says so."""

from pelican import signals

from services.pages import ServicesGenerator


def get_generators(pelican):
    return ServicesGenerator


def register():
    signals.get_generators.connect(get_generators)
