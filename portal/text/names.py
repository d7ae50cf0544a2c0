"""Vietnamese personal names as cues for redaction: surnames, and the syllables that make middle and given
names. They let a name be found where capital letters cannot tell it (text in CAPITALS, typed without
diacritics or all in lower case): "NGUYỄN VĂN BÌNH", "toi ten la tran van hung"."""
from portal.text.normalize import strip_accents

SURNAMES = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Vương Trịnh Trương Lâm "
    "Phùng Mai Tô Hà Tạ Châu Lương Lưu Quách Cao Đinh Thái Văn Kiều Triệu Tăng Lục Mạc Hứa Chu Từ Tôn Thân "
    "Âu Khúc Ông Quan Lại Nông Viên Giang Diệp Cù Kim Khổng Hàn Đàm La Mạnh Bạch Thạch Doãn Lò Lục Ninh Nghiêm "
    "Phí Sầm Tiêu Ưng Văn Đồng Bế Hầu Lã Vi Yên Trang Tống Lạc Long"
).split()

# Middle and given names (one syllable each), the common ones.
NAME_SYLLABLES = (
    "Văn Thị Hữu Đức Minh Ngọc Thanh Quốc Xuân Thu Hồng Kim Bảo Gia Công Đình Quang Trọng Thế Tuấn Anh Hoài "
    "An Ân Bình Bích Cường Chi Châu Chinh Cúc Dũng Dung Duy Duyên Đạt Đào Điệp Định Đông Giang Hà Hải Hạnh Hào "
    "Hằng Hân Hậu Hiền Hiển Hiếu Hiệp Hòa Hoa Hoàn Hoàng Hội Huệ Hùng Hưng Hương Hường Huy Huyền Khang Khánh "
    "Khoa Khôi Kiên Kiệt Lam Lan Lâm Liên Liễu Linh Loan Lộc Lợi Long Luân Lực Ly Lý Mai Mạnh My Mỹ Nam Nga "
    "Nghĩa Ngân Nhân Nhi Nhung Như Oanh Phát Phong Phú Phúc Phụng Phương Phượng Quân Quý Quyên Quỳnh Sang Sáng "
    "Sơn Tài Tâm Tân Thái Thắm Thắng Thành Thảo Thoa Thông Thuận Thủy Thúy Thư Thương Tiến Tiên Toàn Trang "
    "Trâm Trí Trinh Trung Truyền Tú Tùng Tường Tuyết Uyên Vân Việt Vinh Vũ Vy Yến Ánh Ngân Nguyệt Hạ Đăng "
    "Khải Lượng Nhàn Tám Tư Sáu Bảy Chín Mười Năm Ba Hai Tèo Tý Tín Tuyền Vỹ Hòa Hiên Khương Cầm Diệu Như "
    "Phước Thiện Hạnh Thịnh Chung Thu Hà Sương Điền Kha Luyến Mến Tươi Thơ Đào Quế Nhật Trường Tấn Phi "
    "Sỹ Sĩ Toản Tráng Thạnh Thiên Thọ Thơm Thục Thường Tịnh Trà Triết Trúc Tuân Tuệ Tuyến Út Vĩnh Xuyến Ngà "
    "Nguyên Nhất Ninh Phấn Quang Quảng Quyết Sâm Sen Sinh Tăng Thạc Thăng Thao Thuần Tiệp Trân Triệu Trọng "
    "Hưởng Khiêm Kỳ Lài Lành Lệ Liêm Lĩnh Lụa Lương Mận Mẫn Mùi Nết Ánh Bằng Cảnh Chánh Chiến Chính Cương "
    "Diễm Diệp Doanh Dương Đan Đắc Gấm Hào Hảo Hòe Huân Khuê Kiều Lãm Mơ Nghi Nhạn Nhu Nhuận Phùng Quy Sa Soạn "
    "Thoại Thuấn Thùy Trinh Trực Tuyên Vạn Vỹ Ri Páo Sình Chư Ksor Niê Rơ Đạo Quyền Thìn Sửu Dần Mão Tỵ Ngọ "
    "Dậu Tuất Hợi Khiết Nhượng Sướng Lãnh Mậu Nguyện Thuyết Tâm Đề Chương Ngạn Khởi Nhẫn Khang Phát Bửu"
).split()


def _folded(words) -> frozenset[str]:
    return frozenset(strip_accents(w).lower() for w in words)


SURNAME_SET = frozenset(w.lower() for w in SURNAMES)
SURNAME_FOLDED = _folded(SURNAMES)
SYLLABLE_SET = frozenset(w.lower() for w in NAME_SYLLABLES) | SURNAME_SET
# Numbers used as given names ("Ba", "Tám") read as ordinary words once their diacritics are gone.
_COMMON_WORDS_UNACCENTED = frozenset("ba tu sau bay chin muoi".split())
SYLLABLE_FOLDED = (_folded(NAME_SYLLABLES) | SURNAME_FOLDED) - _COMMON_WORDS_UNACCENTED
