"""A deterministic corpus that looks like the practice's writing, for benchmarks.

`write_corpus(folder, n, seed)` writes two content folders from the same articles:
`ours/` (YAML front matter the contract accepts, with fixture therapists, tags and
series, plus the real data files and pages) and `vanilla/` (Pelican's own Markdown
metadata, for vanilla Pelican with its default theme). Fixture therapists exist
only here, never in the site's content.
"""

import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

THERAPISTS = {
    "ada-fixture": ("Ada Fixture", ["LCSW"]),
    "ben-fixture": ("Ben Fixture", ["LMFT"]),
    "cleo-fixture": ("Cleo Fixture", ["LCMHC"]),
    "dev-fixture": ("Dev Fixture", ["LP"]),
}
TAGS = ["anxiety", "couples", "grief", "parenting", "trauma", "depression", "adolescents", "families",
        "self-compassion", "sleep", "work stress", "EMDR", "EFT", "attachment"]
WORDS = ("therapy client therapist relationship alliance rupture repair feeling emotion trust safety "
         "session couple family partner child parent grief loss anxiety worry fear anger sadness joy "
         "healing change growth pattern habit body breath attention memory story meaning value goal "
         "week moment conversation silence question answer boundary need hope courage practice").split()
OPENERS = ["It's common to", "Many people", "A client once said that they", "We often", "Sometimes we",
           "In our work, we", "Research suggests that people", "When a couple", "Parents who",
           "Your therapist can"]
VERBS = ["notice", "avoid", "name", "carry", "repair", "explore", "share", "feel", "question", "hold"]


def sentence(rng):
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 16)))
    text = f"{rng.choice(OPENERS)} {rng.choice(VERBS)} the {words}"
    flourish = rng.random()
    if flourish < 0.15:
        text += " -- and that's where the work begins"
    elif flourish < 0.25:
        text += "... or so it seems"
    elif flourish < 0.35:
        text = f'"{text}," one person told us'
    elif flourish < 0.42:
        text += " — a client's own words"
    return text + rng.choice([".", ".", ".", "?"])


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def body(rng):
    target, words, parts = rng.randint(900, 1400), 0, []
    section = 0
    while words < target:
        if words == 0 or rng.random() < 0.2:
            section += 1
            parts.append(f"## Part {section}: {rng.choice(WORDS).title()} and {rng.choice(WORDS)}")
        kind = rng.random()
        if kind < 0.12:
            items = [f"- {sentence(rng)}" for _ in range(rng.randint(3, 5))]
            parts.append("\n".join(items))
        elif kind < 0.2:
            parts.append("> " + sentence(rng))
        else:
            parts.append(paragraph(rng))
        words = sum(len(p.split()) for p in parts)
    return "\n\n".join(parts) + "\n"


def articles(n, seed):
    rng = random.Random(seed)
    slugs = list(THERAPISTS)
    out = []
    for i in range(n):
        slug = slugs[i % len(slugs)]
        name, codes = THERAPISTS[slug]
        meta = {
            "title": f"Article {i + 1}: on {rng.choice(WORDS)} and {rng.choice(WORDS)}",
            "date": f"20{16 + i % 10:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "author": name,
            "summary": f"What we have learned about {rng.choice(WORDS)} and {rng.choice(WORDS)} in therapy, "
                       f"in article {i + 1}.",
            "tags": rng.sample(TAGS, 3),
        }
        if i % 10 < 3:
            meta["series"] = f"Series {i // 10 + 1}"
            meta["series_index"] = i % 10 + 1
        out.append((f"article-{i + 1:05d}", meta, body(rng)))
    return out


def yaml_front_matter(meta):
    lines = ["---"]
    for key, value in meta.items():
        if isinstance(value, list):
            lines.append(f"{key}: [{', '.join(value)}]")
        elif key in ("title", "summary", "series"):
            lines.append(f'{key}: "{value}"')
        else:
            lines.append(f"{key}: {value}")
    return "\n".join(lines + ["---", ""])


def pelican_metadata(meta):
    lines = [f"Title: {meta['title']}", f"Date: {meta['date']}", f"Author: {meta['author']}",
             f"Tags: {', '.join(meta['tags'])}", f"Summary: {meta['summary']}"]
    return "\n".join(lines) + "\n\n"


def write_corpus(folder, n, seed=7):
    folder = Path(folder)
    if folder.exists():
        shutil.rmtree(folder)
    ours, vanilla = folder / "ours", folder / "vanilla"
    (ours / "articles").mkdir(parents=True)
    (vanilla / "articles").mkdir(parents=True)
    for sub in ("data", "pages", "cities", "services"):
        shutil.copytree(ROOT / "content" / sub, ours / sub)
    shutil.copytree(ROOT / "content" / "extra", ours / "extra")
    (ours / "therapists").mkdir()
    for slug, (name, codes) in THERAPISTS.items():
        (ours / "therapists" / f"{slug}.md").write_text(
            f"---\nname: {name}\ncredentials: [{', '.join(codes)}]\nonline: true\n"
            f"summary: {name} is a fixture therapist who exists only in the benchmark corpus.\n---\n\nA bio.\n")
    # The practice's pages link to its real article.
    shutil.copy(ROOT / "content" / "articles" / "what-makes-good-therapy.md", ours / "articles")
    (ours / "therapists" / "james-mccracken.md").write_text(
        (ROOT / "content" / "therapists" / "james-mccracken.md").read_text())
    hugo = folder / "hugo"
    write_hugo_site(hugo)
    for name, meta, text in articles(n, seed):
        (ours / "articles" / f"{name}.md").write_text(yaml_front_matter(meta) + "\n" + text)
        (vanilla / "articles" / f"{name}.md").write_text(pelican_metadata(meta) + text)
        hugo_meta = {k: v for k, v in meta.items() if k in ("title", "date", "tags", "summary")}
        (hugo / "content" / "posts" / f"{name}.md").write_text(yaml_front_matter(hugo_meta) + "\n" + text)
    return ours, vanilla


# The yardstick: Hugo with a minimal theme of its own (no theme component to download):
# a page per article, the list of posts, tag pages, RSS and the sitemap, as Hugo does by default.
HUGO_LAYOUTS = {
    "_default/baseof.html": "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}"
                            "</title></head><body><main>{{ block \"main\" . }}{{ end }}</main></body></html>\n",
    "_default/single.html": "{{ define \"main\" }}<article><h1>{{ .Title }}</h1><p>{{ .Date.Format \"January 2, 2006\" }}"
                            "</p>{{ .Content }}<p>{{ range .Params.tags }}<a href=\"{{ \"/tags/\" | relURL }}{{ . | "
                            "urlize }}/\">{{ . }}</a> {{ end }}</p></article>{{ end }}\n",
    "_default/list.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ "
                          ".RelPermalink }}\">{{ .Title }}</a> {{ .Summary }}</li>{{ end }}</ul>{{ end }}\n",
    "index.html": "{{ define \"main\" }}<ul>{{ range first 10 .Site.RegularPages }}<li><a href=\"{{ .RelPermalink }}\">"
                  "{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n",
}


def write_hugo_site(folder):
    (folder / "content" / "posts").mkdir(parents=True)
    (folder / "hugo.toml").write_text('baseURL = "http://127.0.0.1/"\ntitle = "Hugo yardstick"\n'
                                      '[markup.goldmark.renderer]\nunsafe = true\n')
    for name, text in HUGO_LAYOUTS.items():
        path = folder / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
