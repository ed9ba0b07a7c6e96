"""Which part of the world a country or city is in, from the IANA time zone database (the
tzdata package where it is installed, else the system's zoneinfo): wrong places are offered
from the answer's own continent, so "Warsaw" is not set against "Kathmandu"."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

SYSTEM = Path("/usr/share/zoneinfo")
# The time zones' "Australia" and "Pacific" are one part of the world: Fiji is set against
# Australia, not Chad.
OCEANIA = {"Australia": "Oceania", "Pacific": "Oceania"}
# Countries whose time zones are named after an ocean: the continent they belong with, so that
# Iceland is set against Norway, not India.
OCEAN_ZONES = {
    "BM": "America",
    "CV": "Africa",
    "FK": "America",
    "FO": "Europe",
    "IS": "Europe",
    "SH": "Africa",
    "SJ": "Europe",
    "KM": "Africa",
    "MG": "Africa",
    "MU": "Africa",
    "MV": "Asia",
    "RE": "Africa",
    "SC": "Africa",
    "YT": "Africa",
}


def _read(name: str) -> str:
    try:
        return resources.files("tzdata").joinpath("zoneinfo", name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        pass
    try:
        return (SYSTEM / name).read_text(encoding="utf-8")
    except OSError:
        return ""


@functools.cache
def _regions() -> dict[str, str]:
    """Map country names and time-zone city names (case-folded) to their continent."""
    codes = {}
    for line in _read("iso3166.tab").splitlines():
        if line and not line.startswith("#") and "\t" in line:
            code, name = line.split("\t", 1)
            codes[code] = name.split(" (")[0].strip()
    found: dict[str, str] = {}
    for line in _read("zone.tab").splitlines():
        parts = line.split("\t")
        if line.startswith("#") or len(parts) < 3 or "/" not in parts[2]:
            continue
        continent, city = parts[2].split("/", 1)[0], parts[2].rsplit("/", 1)[1]
        continent = OCEAN_ZONES.get(parts[0]) or OCEANIA.get(continent, continent)
        if parts[0] in codes:
            found.setdefault(codes[parts[0]].casefold(), continent)
        found.setdefault(city.replace("_", " ").casefold(), continent)
    return found


def region_of(place: str) -> str | None:
    """Return the continent ("Europe", "Asia", "America", ...) of a country or city."""
    return _regions().get(place.casefold())


@functools.cache
def _cities() -> dict[str, tuple[str, ...]]:
    """Map country names (case-folded) to the cities their time zones are named after."""
    codes = {}
    for line in _read("iso3166.tab").splitlines():
        if line and not line.startswith("#") and "\t" in line:
            code, name = line.split("\t", 1)
            codes[code] = name.split(" (")[0].strip().casefold()
    found: dict[str, list[str]] = {}
    for line in _read("zone.tab").splitlines():
        parts = line.split("\t")
        if line.startswith("#") or len(parts) < 3 or parts[0] not in codes:
            continue
        city = parts[2].rsplit("/", 1)[1].replace("_", " ")
        found.setdefault(codes[parts[0]], []).append(city)
    return {country: tuple(cities) for country, cities in found.items()}


def cities_in(country: str) -> tuple[str, ...]:
    """Return the cities of a country that its time zones are named after ("Brazil": Sao
    Paulo, Manaus, Belem, ...); few or none for a country of one time zone."""
    return _cities().get(country.casefold(), ())
