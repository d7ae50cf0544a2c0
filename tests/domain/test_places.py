"""Where a pin may lie (Vietnam's land, the sea near its coast, Hoàng Sa and Trường Sa) and the ward nearest to it."""
import json
from pathlib import Path

import pytest

from portal.domain import places
from portal.domain.errors import ValidationFailed

OUTSIDE = {
    "Vientiane": (17.97, 102.6), "Bangkok": (13.75, 100.5), "Phnom Penh": (11.56, 104.92),
    "Nanning": (22.82, 108.32), "Savannakhet": (16.55, 104.75), "Pingxiang, across from Lạng Sơn": (22.1, 106.75),
    "Dongxing, across from Móng Cái": (21.55, 107.97), "the open sea east of Quy Nhơn": (14.0, 110.5),
    "Manila": (14.6, 120.98),
}
INSIDE = {
    "Hà Nội": (21.03, 105.85), "Đà Nẵng": (16.0544, 108.2022), "Thành phố Hồ Chí Minh": (10.78, 106.7),
    "Móng Cái, on the Chinese border": (21.5247, 107.9661), "Lào Cai, on the Chinese border": (22.48, 103.97),
    "Hà Tiên, on the Cambodian border": (10.38, 104.49), "Phú Quốc": (10.2, 103.97), "Côn Đảo": (8.69, 106.6),
    "Bạch Long Vĩ": (20.13, 107.73), "a boat 15 km off Đà Nẵng": (16.1, 108.4), "Hoàng Sa": (16.5, 112.0),
    "Trường Sa Lớn": (8.64, 111.92), "Song Tử Tây": (11.43, 114.33),
}


@pytest.mark.parametrize("name", OUTSIDE)
def test_places_in_the_bounding_box_but_not_in_vietnam_are_outside(name):
    assert not places.in_vietnam(*OUTSIDE[name])


@pytest.mark.parametrize("name", INSIDE)
def test_land_coast_islands_and_archipelagos_are_inside(name):
    assert places.in_vietnam(*INSIDE[name])


def test_every_wards_own_point_is_inside():
    wards = json.loads((Path(places.__file__).parent.parent / "data" / "ward_centroids.json").read_text())["wards"]
    assert len(wards) == 3321
    assert [code for code, (lat, lng) in wards.items() if not places.in_vietnam(lat, lng)] == []


def test_coordinates_come_both_or_neither_as_numbers_in_vietnam():
    assert places.checked_coordinates(None, None) == (None, None)
    assert places.checked_coordinates("", " ") == (None, None)
    assert places.checked_coordinates("16,0544", "108.2022") == (16.0544, 108.2022)
    assert places.checked_coordinates(16, 108.2) == (16.0, 108.2)
    for lat, lng, words in [("16.05", None, "cả vĩ độ và kinh độ"), ("abc", "108", "không hợp lệ"),
                            ("nan", "108", "không hợp lệ"), (True, 108, "không hợp lệ"),
                            (17.97, 102.6, "ngoài lãnh thổ")]:
        with pytest.raises(ValidationFailed) as refused:
            places.checked_coordinates(lat, lng)
        assert words in refused.value.message_vi and refused.value.field == "lat"


def test_the_nearest_ward_is_suggested_from_its_point():
    hoa_cuong = places.nearest_ward(16.0458, 108.2125)
    assert hoa_cuong == ("48", "Thành phố Đà Nẵng", "20257", "Phường Hòa Cường")
    assert places.nearest_ward(16.5, 112.0).ward_name == "Đặc khu Hoàng Sa"
    assert places.nearest_ward(8.64, 111.92).ward_name == "Đặc khu Trường Sa"
    assert places.nearest_ward(17.97, 102.6) is None


def test_a_provinces_map_opens_on_its_wards_not_on_a_far_island():
    lat, lng = places.province_center("48")  # Đà Nẵng, whose wards include Đặc khu Hoàng Sa at 112° E
    assert 15.5 < lat < 16.2 and 107.8 < lng < 108.4
    assert places.province_center("99") is None and places.province_center("") is None
