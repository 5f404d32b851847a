"""docs/writing.md and the schema describe the same fields, so neither can drift."""

import re

from content_contract.schema import COLLECTIONS

from tests.sitebuild import ROOT

SECTIONS = {"articles": "Articles", "pages": "Pages", "therapists": "Therapist profiles", "services": "Services",
            "cities": "City notes"}


def guide_tables():
    text = (ROOT / "docs" / "writing.md").read_text(encoding="utf-8")
    tables = {}
    for collection, heading in SECTIONS.items():
        section = text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
        rows = re.findall(r"^\| `([a-z_]+)` \| ([^|]+) \|", section, re.MULTILINE)
        tables[collection] = {name: required.strip() for name, required in rows}
    return tables


def test_every_schema_field_is_in_the_guide_and_no_other():
    tables = guide_tables()
    for collection, schema in COLLECTIONS.items():
        assert list(tables[collection]) == list(schema), collection


def test_the_guide_says_which_fields_are_required():
    tables = guide_tables()
    for collection, schema in COLLECTIONS.items():
        for name, spec in schema.items():
            assert (tables[collection][name] == "yes") == spec.required, f"{collection}.{name}"
