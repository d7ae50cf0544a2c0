"""Valid, varied POST /api/v1/petitions bodies for the benchmark and the profile: texts from the labelled corpus
(web, hotline and dialogue phrasings, some informal), half with the sender's category and half left to the
classifier, places across every province, some with a title, a reporter, an e-mail (which queues a notice)."""
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from portal.domain.places import provinces, wards_of  # noqa: E402
from portal.text.corpus import build_corpus  # noqa: E402

NAMES = ("Nguyễn Văn An", "Trần Thị Bích", "Lê Hoàng Minh", "Phạm Thu Hà", "Võ Đức Thắng", "Huỳnh Ngọc Lan",
         "Đặng Quốc Bảo", "Bùi Thị Hồng")
STREETS = ("kiệt 42 Lê Duẩn", "số 15 Trần Phú", "tổ 7 khu phố 3", "thôn Phú Sơn", "hẻm 120 Nguyễn Trãi",
           "ngã ba chợ Cồn", "đường Hùng Vương nối dài", "khu tái định cư Hòa Minh")


def petition_bodies(count: int, rng: random.Random) -> list[dict]:
    corpus = [row for row in build_corpus() if len(row[0]) >= 40]  # a few corpus rows are bare topics
    places = [(province, ward) for province, _ in provinces() for ward, _ in wards_of(province)[:12]]
    bodies = []
    for index in range(count):
        text, category, *_ = rng.choice(corpus)
        province, ward = rng.choice(places)
        body = {"content": text, "location": {"province_code": province, "ward_code": ward,
                                              "address": rng.choice(STREETS)}}
        if index % 2 == 0:
            body["category"] = category
        if index % 3 == 0:
            body["title"] = text.split(",")[0][:120]
        if index % 4 == 1:
            body["reporter"] = {"name": rng.choice(NAMES), "phone": f"09{rng.randrange(10**8):08d}"}
        if index % 8 == 5:
            body.setdefault("reporter", {})["email"] = f"nguoidan{rng.randrange(10**6)}@example.vn"
        if index % 5 == 4:
            body["public"] = False
        if index % 6 == 2:
            body["channel"] = "hotline"  # needs the operator key the benchmark uses
        bodies.append(body)
    return bodies
