"""Application deadlines as dates: every year's deadlines of a builder page, each with the
year of the dispatch period it serves, and the next one from a given day."""

import datetime
from dataclasses import dataclass


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
