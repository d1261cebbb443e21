#!/usr/bin/env python3
"""Print Kazakhstan's days off per the Python `holidays` package, as JSON.

Usage: holidays_dump.py FIRST_YEAR LAST_YEAR

Output: {"version": "...", "first_year": N, "last_year": N,
         "holidays": {"YYYY-MM-DD": "name", ...},
         "weekend_workdays": ["YYYY-MM-DD", ...]}

`holidays` are the package's days off (holidays, observed and substituted
days); `weekend_workdays` are the Saturdays and Sundays it says are worked.
The Rust test reglam-calendar/tests/holidays_crosscheck.rs compares them
with the calendar data day by day.
"""

import json
import sys


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    first, last = int(sys.argv[1]), int(sys.argv[2])
    try:
        import holidays
    except ImportError:
        print(
            "the Python package `holidays` is not installed: "
            "run `pip install -r tests/requirements.txt`",
            file=sys.stderr,
        )
        return 3
    kz = holidays.country_holidays("KZ", years=range(first, last + 1), language="en_US")
    out = {
        "version": holidays.__version__,
        "first_year": first,
        "last_year": last,
        "holidays": {d.isoformat(): name for d, name in sorted(kz.items())},
        "weekend_workdays": sorted(
            d.isoformat() for d in kz.weekend_workdays if first <= d.year <= last
        ),
    }
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
