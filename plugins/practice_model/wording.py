"""How the site words lists and counts, in one place: the plugins call these, and the
templates use them as filters (join_and, counties, long_date)."""


def join_and(items, word="and"):
    """'a', 'a and b', 'a, b and c'."""
    items = [str(i) for i in items]
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def counties(names):
    """'Orange County', 'Orange and Wake counties', 'Chatham, Orange and Wake counties'."""
    names = [getattr(n, "name", n) for n in names]
    return f"{names[0]} County" if len(names) == 1 else f"{join_and(names)} counties"


def long_date(date):
    """'December 1, 2026'."""
    return date.strftime("%B %-d, %Y") if date else ""


FILTERS = {"join_and": join_and, "counties": counties, "long_date": long_date}
