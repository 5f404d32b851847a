"""Unit tests of the geography: distances, directions, nearest places."""

from types import SimpleNamespace as Place

import pytest
from city_pages.geo import direction, miles_between, nearest

pytestmark = pytest.mark.unit

DURHAM = Place(name="Durham", lat=35.977928, lon=-78.898109)
RALEIGH = Place(name="Raleigh", lat=35.831868, lon=-78.641042)
ASHEVILLE = Place(name="Asheville", lat=35.570972, lon=-82.5618)


def test_distances_are_great_circle_miles():
    assert miles_between(DURHAM, DURHAM) == 0
    assert 17.5 < miles_between(DURHAM, RALEIGH) < 18.5
    assert miles_between(DURHAM, ASHEVILLE) == pytest.approx(miles_between(ASHEVILLE, DURHAM))
    assert 205 < miles_between(DURHAM, ASHEVILLE) < 210


def test_directions_point_the_right_way():
    assert direction(RALEIGH, DURHAM) == "northwest"
    assert direction(DURHAM, RALEIGH) == "southeast"
    assert direction(ASHEVILLE, DURHAM) == "east"


def test_nearest_leaves_the_place_itself_out_and_sorts_by_distance():
    found = nearest(DURHAM, [DURHAM, ASHEVILLE, RALEIGH], 2)
    assert [p.name for p, _ in found] == ["Raleigh", "Asheville"]
