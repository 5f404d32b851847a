"""Straight-line distances between places (anything with .lat and .lon)."""

import math

EARTH_RADIUS_MILES = 3958.8


def miles_between(a, b):
    """Great-circle distance in miles between two places."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(math.sqrt(h))


def nearest(place, others, count):
    """The `count` closest of `others` to `place`, with their distances, closest first."""
    ranked = sorted(((miles_between(place, o), o.name, o) for o in others if o is not place),
                    key=lambda t: (t[0], t[1]))
    return [(o, d) for d, _, o in ranked[:count]]


_COMPASS = ["north", "northeast", "east", "southeast", "south", "southwest", "west", "northwest"]


def direction(origin, target):
    """Compass direction (8 points) from origin to target: 'east', 'southwest' …"""
    lat1, lat2 = math.radians(origin.lat), math.radians(target.lat)
    dlon = math.radians(target.lon - origin.lon)
    x = math.sin(dlon) * math.cos(lat2)
    y = math.cos(lat1) * math.sin(lat2) - math.sin(lat1) * math.cos(lat2) * math.cos(dlon)
    bearing = (math.degrees(math.atan2(x, y)) + 360) % 360
    return _COMPASS[int((bearing + 22.5) // 45) % 8]
