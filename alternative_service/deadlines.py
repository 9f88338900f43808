"""Application deadlines as dates: every year's deadlines of a builder page, each with the
year of the dispatch period it serves, and the next one from a given day."""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.utils import timezone

# Whose "today" decides whether a deadline day has passed: the commissariat's, not the
# server's. Russia spans eleven zones; Moscow time is where most commissariats are, and
# the page tells readers to hand the application in well before the last day.
COUNTRY_TIME_ZONES = {"RU": "Europe/Moscow", "BY": "Europe/Minsk"}


def today_in(country_code):
    """Today's date where the country's authorities are (the server's date elsewhere)."""
    zone = COUNTRY_TIME_ZONES.get(country_code)
    now = timezone.now()
    return now.astimezone(ZoneInfo(zone)).date() if zone else timezone.localdate(now)


@dataclass(frozen=True)
class Deadline:
    date: datetime.date
    label: str
    dispatch_period: str
    dispatch_year: int
    source: str
    block_id: str

    @property
    def dispatch(self):
        """E.g. "October–December 2027"."""
        return f"{self.dispatch_period} {self.dispatch_year}"


def occurrences(page, start, end):
    """The deadlines of `page` from `start` to `end` (both included), earliest first."""
    found = []
    for block in page.deadlines:
        if block.block_type != "deadline":
            continue
        value = block.value
        for year in range(start.year, end.year + 1):
            day = datetime.date(year, int(value["month"]), value["day"])
            if start <= day <= end:
                found.append(
                    Deadline(
                        date=day,
                        label=value["label"],
                        dispatch_period=value["dispatch_period"],
                        dispatch_year=year + int(value["dispatch_year"] or 0),
                        source=value["source"],
                        block_id=block.id or "",
                    )
                )
    return sorted(found, key=lambda deadline: (deadline.date, deadline.label))


def next_deadline(page, today):
    """The first deadline on or after `today` (a deadline day is still in time), or None when
    the page gives no deadlines."""
    upcoming = occurrences(page, today, today + datetime.timedelta(days=366))
    return upcoming[0] if upcoming else None
