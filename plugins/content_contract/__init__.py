"""The front-matter contract (a library, not a plugin): the schema every content file
is checked against (schema.py), the one front-matter parser (front_matter.py) and the
checks (check.py). `practice_model` runs the checks first thing in every build."""
