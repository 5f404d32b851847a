"""Unit tests of the JSON-LD graph, from the real model: no Pelican run."""

import pytest
from practice_model.build import load
from structured_data.graph import build_graph
from structured_data.head import Head

from tests.html_read import all_refs
from tests.sitebuild import CONTENT

pytestmark = pytest.mark.unit
SITE = "https://example.org"


@pytest.fixture(scope="module")
def ctx():
    build = load(str(CONTENT), {})
    assert build.problems == []
    return {"SITEURL": SITE, "SITENAME": "NCTP", "DEFAULT_LANG": "en", "practice": build.model}


def head(kind, url, subject=None, crumbs=()):
    return Head(kind=kind, title="T", document_title="T", description="D", url=url, canonical=f"{SITE}/{url}",
                og_type="website", breadcrumbs=list(crumbs), subject=subject)


def by_id(graph):
    return {node["@id"]: node for node in graph["@graph"]}


def test_every_reference_in_a_graph_resolves_inside_it(ctx):
    therapist = ctx["practice"].therapist("james-mccracken")
    graph = build_graph(head("profile", therapist.url, therapist, [("Home", ""), ("T", therapist.url)]), ctx)
    nodes = by_id(graph)

    assert set(all_refs(graph["@graph"])) <= set(nodes)
    person = nodes[f"{SITE}/therapists/james-mccracken/#person"]
    assert {c["recognizedBy"]["name"] for c in person["hasCredential"]} == {
        "North Carolina Social Work Certification and Licensure Board",
        "International Centre for Excellence in Emotionally Focused Therapy (ICEEFT)",
        "Doherty Relationship Institute"}


def test_the_practice_is_no_clinic_without_a_street_address(ctx):
    org = by_id(build_graph(head("home", ""), ctx))[f"{SITE}/#organization"]
    assert org["@type"] == "Organization" and "address" not in org and "telephone" not in org
    assert org["name"] == "North Carolina Therapy Professionals, PLLC"
