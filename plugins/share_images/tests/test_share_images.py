"""Every page's og:image: a file of the site, 1200x630, drawn from the page's title."""

import re

from PIL import Image

from plugins.images.tests.test_images import fixture_files
from tests.sitebuild import build_site

OG_IMAGE = re.compile(r'<meta property="og:image" content="([^"]+)">')


def test_every_page_of_the_real_site_has_a_share_image_of_1200_by_630(real_site):
    pages = real_site.html_pages()
    seen = {}
    for rel, html in pages.items():
        found = OG_IMAGE.findall(html)
        assert len(found) == 1, rel
        path = real_site.output / found[0].lstrip("/")
        assert path.is_file(), f"{rel}: {found[0]}"
        if path not in seen:
            with Image.open(path) as image:
                seen[path] = image.size
        assert seen[path] == (1200, 630), rel
        assert f'<meta name="twitter:image" content="{found[0]}">' in html
    assert len(pages) > 140
    # one image per title: the article and the crisis page are not shared with the same picture
    assert OG_IMAGE.findall(real_site.page("crisis-help/")) != OG_IMAGE.findall(
        real_site.page("blog/what-makes-good-therapy/"))


def test_an_article_that_names_its_own_picture_is_shared_with_it(tmp_path):
    build = build_site(tmp_path, fixture_files(), overrides={"CACHE_PATH": str(tmp_path / "cache")})
    assert build.returncode == 0, build.stderr
    html = build.page("blog/mending-with-gold/")
    url = OG_IMAGE.search(html).group(1)
    assert url.startswith("/images/bowl-") and url.endswith("-1200.jpg"), url
    assert '<meta property="og:image:alt" content="A bowl mended with gold">' in html
    with Image.open(build.output / url.lstrip("/")) as image:
        assert image.size == (1200, 630)
    other = OG_IMAGE.search(build.page("blog/on-working-alliances/")).group(1)
    assert other.startswith("/share/")
