"""Provinces and wards as they stand since 1 July 2025 (two tiers), from vietnam-provinces."""
from functools import lru_cache

from vietnam_provinces import Province, Ward


@lru_cache(maxsize=1)
def provinces() -> list[tuple[str, str]]:
    """(code, name) of the 34 provinces, sorted by name."""
    return sorted(((str(p.code.value), p.name) for p in Province.iter_all()), key=lambda item: item[1])


@lru_cache(maxsize=64)
def wards_of(province_code: str) -> list[tuple[str, str]]:
    """(code, name) of the wards and communes of a province; empty for an unknown province."""
    if not province_code or not province_code.isdigit():
        return []
    try:
        province = Province.from_code(int(province_code))
    except (ValueError, KeyError):
        return []
    return sorted(((str(w.code.value), w.name) for w in Ward.iter_by_province(province.code)),
                  key=lambda item: item[1])


@lru_cache(maxsize=1)
def _province_names() -> dict[str, str]:
    return dict(provinces())


@lru_cache(maxsize=64)
def _ward_names(province_code: str) -> dict[str, str]:
    return dict(wards_of(province_code))


def province_name(code: str | None) -> str:
    return _province_names().get(code or "", "")


def ward_name(province_code: str | None, ward_code: str | None) -> str:
    return _ward_names(province_code or "").get(ward_code or "", "")


@lru_cache(maxsize=512)
def ward_name_anywhere(ward_code: str | None) -> str:
    """A ward's name from its code alone (ward codes are unique in the country); '' for an unknown code."""
    if not ward_code or not ward_code.isdigit():
        return ""
    try:
        return Ward.from_code(int(ward_code)).name
    except (ValueError, KeyError):
        return ""


def is_valid_location(province_code: str | None, ward_code: str | None) -> bool:
    """A ward must belong to the province given; either may be left out entirely."""
    if not province_code:
        return not ward_code
    if province_code not in _province_names():
        return False
    return not ward_code or ward_code in _ward_names(province_code)
