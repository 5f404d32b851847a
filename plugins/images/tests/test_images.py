"""Faces and pictures through the image pipeline, on real builds: a fixture therapist with a
photo, one without, an article with pictures, and the alt-text rule."""

import io
import re

import pytest
from PIL import Image

from tests.sitebuild import JAMES, article, build_site, run_pelican

GPS_IFD = 0x8825


def photo_with_gps(size=(900, 1200), colour=(180, 120, 90)):
    """A JPEG portrait that carries a camera's EXIF, GPS position included."""
    image = Image.new("RGB", size, colour)
    for x in range(0, size[0], 40):  # some detail, so the encoders have something to do
        image.paste((x % 255, 90, 160), (x, 0, x + 20, size[1]))
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    exif[0x0110] = "Model 7"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (35.0, 59.0, 39.0), 3: "W", 4: (78.0, 53.0, 55.0)})
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), quality=90)
    return out.getvalue()


ANA = """\
---
name: Ana Ruiz
credentials: [LMFT]
photo: images/ana-ruiz.jpg
photo_alt: Ana Ruiz, smiling, in front of a bookshelf
summary: Ana Ruiz is a Licensed Marriage and Family Therapist seeing couples and families.
---

Ana works with couples and families.
"""


def fixture_files(body_image="![A bowl mended with gold]({static}/images/bowl.jpg)"):
    return {
        "therapists/ana-ruiz.md": ANA,
        "images/ana-ruiz.jpg": photo_with_gps(),
        "images/bowl.jpg": photo_with_gps((1600, 1000), (40, 80, 70)),
        "images/divider.png": photo_with_gps((800, 40)),
        "articles/mending.md": article(
            "Mending with gold", author="Ana Ruiz", image="images/bowl.jpg", image_alt="A bowl mended with gold",
            body=f"Words first.\n\n{body_image}\n\n![]({{static}}/images/divider.png){{.decorative}}\n\nMore words.\n"),
        "articles/alliance.md": article("On working alliances"),
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("images")
    build = build_site(base, fixture_files(), overrides={"CACHE_PATH": str(base / "cache")})
    assert build.returncode == 0, build.stderr
    return build


def pictures(html):
    return re.findall(r"<picture>.*?</picture>", html, re.S)


def check_picture(build, markup, alt, width=None):
    assert '<source type="image/avif" srcset="/images/' in markup
    assert '<source type="image/webp" srcset="/images/' in markup
    img = re.search(r"<img [^>]*>", markup).group(0)
    assert f'alt="{alt}"' in img
    assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img), img
    if width:
        assert f'width="{width}"' in img and f'height="{width}"' in img, img
    files = re.findall(r"/images/([^\s\"]+\.(?:avif|webp|jpg|png))", markup)
    assert files
    for name in files:
        assert (build.output / "images" / name).is_file(), name
    return img


def test_a_therapist_with_a_photo_shows_it_on_the_profile_the_cards_and_the_byline(site):
    alt = "Ana Ruiz, smiling, in front of a bookshelf"
    profile = [p for p in pictures(site.page("therapists/ana-ruiz/")) if "headshot-profile" in p]
    img = check_picture(site, profile[0], alt, width=192)
    assert 'loading="lazy"' not in img  # the first thing on the profile
    card = [p for p in pictures(site.page("therapists/")) if "headshot-card" in p]
    assert 'loading="lazy"' in check_picture(site, card[0], alt, width=96)
    home = [p for p in pictures(site.page("")) if "headshot-card" in p]
    check_picture(site, home[0], alt, width=96)
    byline = [p for p in pictures(site.page("blog/mending-with-gold/")) if "headshot-byline" in p]
    check_picture(site, byline[0], alt, width=48)
    author_box = [p for p in pictures(site.page("blog/mending-with-gold/")) if "headshot-author" in p]
    check_picture(site, author_box[0], alt, width=96)


def test_a_therapist_without_a_photo_shows_a_monogram_of_their_initials(site):
    html = site.page("therapists/james-mccracken/")
    monogram = re.search(r'<svg class="headshot headshot-profile monogram".*?</svg>', html, re.S)
    assert monogram and ">JM</text>" in monogram.group(0)
    assert 'aria-hidden="true"' in monogram.group(0)  # the name is beside it
    assert "photo" not in JAMES and "headshot-profile" not in "".join(pictures(html))
    cards = site.page("therapists/")
    assert ">JM</text>" in cards and ">AR</text>" not in cards


def test_article_pictures_go_through_the_pipeline_in_widths_that_fit(site):
    html = site.page("blog/mending-with-gold/")
    lead = re.search(r'<div class="lead-image">(.*?)</div>', html, re.S).group(1)
    img = check_picture(site, lead, "A bowl mended with gold")
    assert 'width="1472" height="920"' in img and 'loading="lazy"' not in img and 'fetchpriority="high"' in img
    body = html[html.index('class="prose"'):]
    figure = check_picture(site, pictures(body)[0], "A bowl mended with gold")
    assert 'loading="lazy"' in figure
    widths = re.findall(r"-(\d+)\.avif (\d+)w", pictures(body)[0])
    assert [int(w) for w, _ in widths] == [480, 736, 1104, 1472]
    decorative = check_picture(site, pictures(body)[1], "")
    assert 'class="decorative"' in decorative
    assert "{static}" not in html and "images/bowl.jpg" not in html  # never the raw upload
    assert not (site.output / "images" / "bowl.jpg").exists()


def test_no_file_keeps_the_cameras_metadata(site):
    made = sorted((site.output / "images").iterdir())
    assert {p.suffix for p in made} >= {".avif", ".webp", ".jpg"}
    for path in made:
        with Image.open(path) as image:
            exif = image.getexif()
            assert not exif and not exif.get_ifd(GPS_IFD), path.name
            assert "exif" not in image.info and "xmp" not in image.info, path.name
            assert b"CameraMaker" not in path.read_bytes()


def test_a_warm_build_encodes_nothing_again_and_writes_the_same_files(site, tmp_path):
    cache = site.output.parent / "cache" / "images"
    before = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    again = run_pelican(site.content, tmp_path / "output", overrides={"CACHE_PATH": str(site.output.parent / "cache")})
    assert again.returncode == 0, again.stderr
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == before
    assert sorted(p.name for p in (tmp_path / "output" / "images").iterdir()) == \
        sorted(p.name for p in (site.output / "images").iterdir())


@pytest.mark.parametrize("body_image, shown", [
    ("![]({static}/images/bowl.jpg)", "images/bowl.jpg"),
    ('<img src="{static}/images/bowl.jpg">', "images/bowl.jpg"),
    ('<img src="{static}/images/bowl.jpg" alt="   ">', "images/bowl.jpg"),
])
def test_an_image_without_alt_text_stops_the_build_naming_the_file_and_the_image(tmp_path, body_image, shown):
    build = build_site(tmp_path, fixture_files(body_image), overrides={"CACHE_PATH": str(tmp_path / "cache")})
    assert build.returncode != 0
    line = next(line for line in build.stderr.splitlines() if "alt text" in line)
    assert "content/articles/mending.md:" in line and "body" in line and shown in line, line
    assert "{.decorative}" in line  # how to mark an ornament
    assert not (tmp_path / "output" / "blog").exists()


def test_a_photo_without_alt_text_stops_the_build_naming_the_field(tmp_path):
    files = fixture_files()
    files["therapists/ana-ruiz.md"] = ANA.replace("photo_alt: Ana Ruiz, smiling, in front of a bookshelf\n", "")
    build = build_site(tmp_path, files, overrides={"CACHE_PATH": str(tmp_path / "cache")})
    assert build.returncode != 0
    assert "content/therapists/ana-ruiz.md:4: photo_alt: required when photo is given" in build.stderr


def test_a_picture_named_as_front_matter_names_it_goes_through_the_pipeline_too(tmp_path):
    build = build_site(tmp_path, fixture_files("![A bowl mended with gold](images/bowl.jpg)"),
                       overrides={"CACHE_PATH": str(tmp_path / "cache")})
    assert build.returncode == 0, build.stderr
    body = build.page("blog/mending-with-gold/").split('class="prose"', 1)[1]
    check_picture(build, pictures(body)[0], "A bowl mended with gold")
    assert 'src="images/bowl.jpg"' not in body


def test_a_picture_that_is_not_in_the_content_folder_stops_the_build(tmp_path):
    build = build_site(tmp_path, fixture_files("![A bowl mended with gold](images/lost.jpg)"),
                       overrides={"CACHE_PATH": str(tmp_path / "cache")})
    assert build.returncode != 0
    assert re.search(r"content/articles/mending\.md:\d+: body: the image 'images/lost\.jpg' is not in the content "
                     r"folder", build.stderr), build.stderr
