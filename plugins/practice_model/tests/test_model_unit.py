"""Unit tests of the model and its loaders: no Pelican run, the real data files."""

import dataclasses

import pytest
from content_contract.check import Known, check_sources, read_sources
from practice_model.build import load
from practice_model.data_files import load_data_files, read_table
from practice_model.wording import counties, join_and
from practice_model.yaml_file import read_mapping

from tests.sitebuild import CONTENT

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def practice():
    build = load(str(CONTENT), {"SLUG_REGEX_SUBSTITUTIONS": [(r"[^\w\s-]", ""), (r"[-\s]+", "-")]})
    assert build.problems == []
    return build.model


def test_the_real_data_makes_one_whole_model(practice):
    assert len(practice.counties) == 100 and len(practice.cities) == 96
    assert practice.office_city.name == "Durham" == practice.home_offices.city
    assert [t.slug for t in practice.therapists] == ["james-mccracken"]
    assert practice.therapist("james-mccracken").display_name == "James McCracken, LCSW"
    assert practice.crisis.emergency.id == "emergency" and practice.crisis.lifeline.id == "lifeline"


def test_the_model_cannot_be_changed(practice):
    with pytest.raises(dataclasses.FrozenInstanceError):
        practice.name = "Another practice"
    with pytest.raises(TypeError):
        practice.counties["Durham"] = None


def test_one_display_rule_per_county(practice):
    rules = {name: c.crisis_help for name, c in practice.counties.items()}
    assert sum(r == "line" for r in rules.values()) == 52
    assert rules["Durham"] == "plan" and practice.counties["Durham"].plan.url.startswith("https://")
    assert rules["Lee"] == "none" and rules["Buncombe"] == "line"
    assert all(c.verified == (c.crisis_help == "line") for c in practice.counties.values())


def test_every_credential_names_who_grants_it(practice):
    assert all(c.granted_by and c.granted_by.name for c in practice.credentials.values())
    assert practice.credentials["EFT-SUPERVISOR"].granted_by.key == "iceeft"
    assert practice.credentials["LCSW"].board.key == "ncswclb"


def test_a_csv_field_may_hold_a_quoted_newline_and_extra_values_are_an_error(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('# a note\nname,note\nOne,"first line\nsecond line"\n# another note\nTwo,plain,extra\nThree,x\n',
                    encoding="utf-8")
    found = []
    header, rows = read_table(path, found)
    assert header == ["name", "note"]
    assert rows == [(3, {"name": "One", "note": "first line\nsecond line"}), (7, {"name": "Three", "note": "x"})]
    assert [str(p) for p in found] == [f"{path}:6: columns: 1 value(s) more than the header's 2 columns"]


@pytest.mark.parametrize("text, message", [
    ("", "the file is empty"),
    ("- a\n- b\n", "expected 'field: value' lines at the top, got a list"),
    ("a: [1\n", "not valid YAML"),
])
def test_a_yaml_data_file_of_the_wrong_shape_is_one_problem(tmp_path, text, message):
    path = tmp_path / "crisis.yaml"
    path.write_text(text, encoding="utf-8")
    found = []
    assert read_mapping(path, found, required=("resources",)) == ({}, {})
    assert len(found) == 1 and message in found[0].message and found[0].path.endswith("crisis.yaml")


def test_an_empty_crisis_file_stops_the_build(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    for f in (CONTENT / "data").iterdir():
        (data / f.name).write_bytes(b"" if f.name == "crisis.yaml" else f.read_bytes())
    _, problems = load_data_files(tmp_path)
    assert [p.field for p in problems if p.path.endswith("crisis.yaml")] == ["file"]
    assert any(p.path.endswith("counties.csv") and p.field == "lme_mco" for p in problems)


def test_wording():
    assert join_and([]) == "" and join_and(["a"]) == "a" and join_and(["a", "b", "c"]) == "a, b and c"
    assert counties(["Wake"]) == "Wake County" and counties(["Orange", "Wake"]) == "Orange and Wake counties"


def test_the_contract_checks_parsed_sources_without_a_build(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text("---\ntitle: Hi\ndate: 2026-01-01\n---\nText\n", encoding="utf-8")
    problems = check_sources(read_sources(tmp_path), {}, Known(credentials={}, cities=frozenset()))
    assert [(p.field, p.line) for p in problems] == [("author", 0), ("summary", 0), ("title", 2)]
