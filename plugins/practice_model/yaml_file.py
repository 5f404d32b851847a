"""Reads a YAML data file as a mapping, remembering the line of every key, so that
a problem deep in the file is reported at its line."""

import yaml
from content_contract.problems import problem

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Lines(dict):
    """{("resources", 2, "channels"): line}: the line where each key path starts (1-based)."""

    def of(self, *keys):
        # The nearest known parent's line when the exact key is absent (e.g. a missing field).
        while keys and keys not in self:
            keys = keys[:-1]
        return self.get(keys, 0)


def _walk(node, prefix, lines):
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            path = (*prefix, key.value)
            lines[path] = key.start_mark.line + 1
            _walk(value, path, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*prefix, index)] = item.start_mark.line + 1
            _walk(item, (*prefix, index), lines)


def read_mapping(path, found, required=()):
    """(data, lines) for a YAML file that must hold a mapping with the `required` keys;
    each problem (unreadable, empty, wrong shape, key missing) is added to `found`."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        found.append(problem(path, "file", "missing: every data file in content/data/ is needed"))
        return {}, Lines()
    except UnicodeDecodeError:
        found.append(problem(path, "file", "not UTF-8 text; save it as UTF-8"))
        return {}, Lines()
    try:
        loader = _Loader(text)  # composed once (in C where libyaml is there), then built from that
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        found.append(problem(path, "file", f"not valid YAML: {getattr(err, 'problem', None) or err}",
                             mark.line + 1 if mark else 0))
        return {}, Lines()
    if data is None:
        found.append(problem(path, "file", "the file is empty; it must hold "
                             + (", ".join(f"'{k}'" for k in required) or "its fields")))
        return {}, Lines()
    if not isinstance(data, dict):
        found.append(problem(path, "file", f"expected 'field: value' lines at the top, got a "
                             f"{'list' if isinstance(data, list) else type(data).__name__}", 1))
        return {}, Lines()
    lines = Lines()
    _walk(node, (), lines)
    for key in required:
        if key not in data:
            found.append(problem(path, key, "missing"))
    return data, lines
