"""Redaction: what must go, and what must stay."""
import pytest

from portal.text.redact import redact

REMOVED = [
    ("Gọi tôi số 0905 123 456 nhé", "0905 123 456", "[số điện thoại]"),
    ("SĐT 0905.123.456", "0905.123.456", "[số điện thoại]"),
    ("liên hệ +84 905 123 456", "+84 905 123 456", "[số điện thoại]"),
    ("điện thoại 84905123456", "84905123456", "[số điện thoại]"),
    ("bàn (0236) 3821 123", "(0236) 3821 123", "[số điện thoại]"),
    ("máy bàn 024 3825 1234", "024 3825 1234", "[số điện thoại]"),
    ("CCCD 048090001234 cấp năm 2021", "048090001234", "[số CCCD/CMND]"),
    ("CMND số 201234567", "201234567", "[số CCCD/CMND]"),
    ("thư an.nguyen@gmail.com", "an.nguyen@gmail.com", "[thư điện tử]"),
    ("xe biển số 43A-123.45 đỗ trước nhà", "43A-123.45", "[biển số xe]"),
    ("xe 51F1-234.56 chạy quá tốc độ", "51F1-234.56", "[biển số xe]"),
    ("nhà số 45 bị ngập", "45", "[số nhà]"),
    ("trước nhà 12/3 Lê Lợi có ổ gà", "12/3", "[số nhà]"),
    ("Tôi là Nguyễn Văn An, sống ở đây", "Nguyễn Văn An", "[họ tên]"),
    ("Bà Trần Thị Lan phản ánh", "Trần Thị Lan", "[họ tên]"),
    ("anh Hùng nhà bên cạnh xây lấn", "Hùng", "[họ tên]"),
]

KEPT = [
    "Thông báo số 495/TB-UBND ngày 12/3/2026",
    "Chủ tịch UBND phường Trần Văn Bình đã chỉ đạo",
    "Sở Xây dựng đã kiểm tra",
    "ngày 15/11/2026 lúc 9 giờ",
    "số tiền 2.500.000 đồng",
    "đường Nguyễn Văn Linh bị ngập",
    "Quyết định số 1001/QĐ-BNV",
]


@pytest.mark.parametrize("text, secret, placeholder", REMOVED)
def test_personal_data_is_replaced(text, secret, placeholder):
    result = redact(text)
    assert secret not in result and placeholder in result, result


@pytest.mark.parametrize("text", KEPT)
def test_public_facts_stay(text):
    assert redact(text) == text


def test_redact_cli_reads_and_writes_one_line_each(runner):
    result = runner.invoke(args=["redact"], input="Gọi 0905123456\nSở Y tế trả lời\n")
    assert result.output.splitlines() == ["Gọi [số điện thoại]", "Sở Y tế trả lời"]
