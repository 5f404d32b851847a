"""The front-matter contract, through the whole Pelican pipeline."""

from tests.sitebuild import article, build_site, make_content, run_module, run_pelican

BROKEN = {
    "articles/no-title.md": "---\ndate: 2026-01-05\nauthor: James McCracken\n"
                            "summary: A summary that is long enough for a search result snippet, surely.\n---\nText\n",
    "articles/typo.md": article("Typo in a field", author=None).replace('author: null\n', 'athor: "James McCracken"\n'),
    "articles/tags-string.md": article("Tags as text", tags="anxiety, couples"),
    "articles/impossible-date.md": article("Impossible date", date="2026-02-30"),
    "articles/unparseable-date.md": article("Unparseable date", date="next tuesday"),
    "articles/unknown-author.md": article("Unknown author", author="Jame McCracken"),
    "articles/unknown-credential.md": article("Unknown credential", credentials=["LSCW"]),
    "articles/not-held.md": article("Not held", credentials=["LMFT"]),
    "articles/part-a.md": article("Part A", series="Couples", series_index=1),
    "articles/part-b.md": article("Part B", series="Couples", series_index=1),
    "articles/index-alone.md": article("Index alone", series_index=2),
    "articles/no-alt.md": article("No alt", image="images/bowl.jpg"),
    "articles/same-1.md": article("Same title"),
    "articles/same-2.md": article("Same title", date="2026-02-01"),
    "articles/latin1.md": article("Caf\u00e9 latin").encode("latin-1"),
    "articles/empty.md": "",
    "articles/bad-yaml.md": "---\ntitle: [unclosed\ndate: 2026-01-05\n---\nText\n",
}


def expected(content):
    a = f"{content}/articles"
    return [
        f"{a}/no-title.md: title: required field is missing (e.g. title: What Makes “Good Therapy”?)",
        f"{a}/typo.md:4: athor: unknown field (did you mean 'author'?)",
        f"{a}/typo.md: author: required field is missing (e.g. author: James McCracken)",
        f"{a}/tags-string.md:6: tags: expected a list, e.g. [couples, anxiety]; got text 'anxiety, couples'",
        f"{a}/impossible-date.md:3: date: '2026-02-30' is not a real date (expected YYYY-MM-DD, optionally with a time)",
        f"{a}/unparseable-date.md:3: date: 'next tuesday' is not a real date (expected YYYY-MM-DD, optionally with a time)",
        f"{a}/unknown-author.md:4: author: unknown therapist 'Jame McCracken' (known: james-mccracken)",
        f"{a}/not-held.md:6: credentials: 'LMFT' is not held by James McCracken (their profile lists: EFT-SUPERVISOR, LCSW)",
        f"{a}/part-b.md:7: series_index: 1 in series 'Couples' is also claimed by {a}/part-a.md",
        f"{a}/index-alone.md:6: series_index: given without series: add the series name or remove it",
        f"{a}/no-alt.md:6: image_alt: required when image is given: describe the picture",
        f"{a}/same-2.md: slug: writes 'blog/same-title/index.html', which {a}/same-1.md writes too",
        f"{a}/latin1.md: file: not UTF-8 text (byte 0xe9 at position 15); save it as UTF-8",
        f"{a}/empty.md: file: the file is empty (expected front matter between '---' lines, then the text)",
        f"{a}/bad-yaml.md:3: front matter: not valid YAML: did not find expected ',' or ']'",
    ]


def test_every_broken_file_is_named_with_its_field_in_one_run(tmp_path):
    build = build_site(tmp_path, BROKEN)
    assert build.returncode != 0
    lines = build.stderr.splitlines()
    for line in expected(build.content):
        assert line in lines, f"missing: {line}\n--- stderr ---\n{build.stderr}"
    unknown = [x for x in lines if x.startswith(f"{build.content}/articles/unknown-credential.md:6: credentials: ")]
    assert unknown == [f"{build.content}/articles/unknown-credential.md:6: credentials: unknown credential 'LSCW' "
                       "(known: DISCERNMENT-COUNSELOR, EFT-PRACTITIONER, EFT-SUPERVISOR, LCAS, LCMHC, LCMHCA, "
                       "LCMHCS, LCSW, LCSWA, LMFT, LMFTA, LP, LPA)"]
    assert "Traceback" not in build.stderr
    assert not (build.output / "index.html").exists(), "nothing is built when content is broken"


def test_each_problem_alone_fails_the_build(tmp_path):
    for i, (name, text) in enumerate(sorted(BROKEN.items())[:4]):
        build = build_site(tmp_path / str(i), {name: text})
        assert build.returncode == 1, name
        assert f"{build.content}/{name}" in build.stderr


def test_valid_content_builds_and_make_check_passes(tmp_path):
    content = make_content(tmp_path, {"articles/fine.md": article("Fine", tags=["couples"])})
    build = run_pelican(content, tmp_path / "out")
    assert build.returncode == 0, build.stderr
    check = run_module("practice_model", "check", content)
    assert check.returncode == 0, check.stderr


def test_make_check_lists_problems_without_rendering(tmp_path):
    content = make_content(tmp_path, {"articles/bad.md": article("Bad", author="Nobody Known")})
    check = run_module("practice_model", "check", content)
    assert check.returncode == 1
    assert f"{content}/articles/bad.md:4: author: unknown therapist 'Nobody Known' (known: james-mccracken)" \
        in check.stderr.splitlines()


def test_new_article_writes_a_draft_that_builds(tmp_path):
    content = make_content(tmp_path)
    made = run_module("content_contract", "new-article", "--title", "Starting couples therapy",
                      "--author", "james-mccracken", content)
    assert made.returncode == 0, made.stderr
    text = (content / "articles" / "starting-couples-therapy.md").read_text()
    assert "status: draft" in text and "author: James McCracken" in text
    build = run_pelican(content, tmp_path / "out")
    assert build.returncode == 0, build.stderr
    assert (tmp_path / "out" / "drafts" / "starting-couples-therapy" / "index.html").exists()
    assert not (tmp_path / "out" / "blog" / "starting-couples-therapy").exists()
