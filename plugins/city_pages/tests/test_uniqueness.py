"""The uniqueness measure on small pages where the answer is known."""

from city_pages.uniqueness import report_lines, sentences, unique_shares


def page(*paragraphs):
    return "<header>Menu.</header><main>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</main><footer>x</footer>"


def test_sentences_come_from_main_with_own_names_masked_and_headings_left_out():
    html = "<main><h2>About Cary</h2><p>Cary is in Wake County. It has parks.</p><li>Apex, 5 miles</li></main>"
    assert sentences(html, ["Cary", "Wake"]) == ["place is in place county.", "it has parks.", "apex, 5 miles"]


def test_identical_template_sentences_count_as_shared():
    pages = {
        "a": sentences(page("Welcome to Alpha. We see clients online.", "Alpha has 10 parks."), ["Alpha"]),
        "b": sentences(page("Welcome to Beta. We see clients online.", "Beta has 3 lakes."), ["Beta"]),
        "c": sentences(page("Welcome to Gamma. We see clients online.", "Gamma has a river. It is old."), ["Gamma"]),
    }
    shares = unique_shares(pages)
    assert shares == {"a": 1 / 3, "b": 1 / 3, "c": 2 / 4}


def test_report_sorts_least_unique_first_and_flags_only_pages_without_local_words():
    lines, needing = report_lines({"a": 0.2, "b": 0.9, "c": 0.1}, {"c": True}, 0.5)
    assert [l.split()[1] for l in lines[1:-1]] == ["c", "a", "b"]
    assert "needs local words" in lines[2] and "needs local words" not in lines[1]
    assert needing == 1
