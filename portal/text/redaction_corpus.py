"""The labelled redaction corpus, written by us: petitions as they arrive on the web form, in hotline
operators' notes, in dialogue minutes and through the API, and agencies' official answers, each with its
personal-data spans typed (name, phone, id, email, plate, address, other). Templates are filled with varied
names and numbers from a fixed seed, some texts lose their diacritics or are written in CAPITALS; the
hand-written part is portal/text/data/redaction_handwritten.txt. `python -m portal.text.redaction_corpus`
rewrites portal/text/data/redaction_corpus.jsonl.

Markup, in templates and in the hand-written file: {{kind:text}} is a labelled span; {slot} is filled by
the generator (a personal-data slot is labelled, a public one such as {official} or {doc} is not)."""
import json
import random
import re
from pathlib import Path

from portal.text.normalize import strip_accents

DATA = Path(__file__).resolve().parent / "data"
CORPUS_PATH = DATA / "redaction_corpus.jsonl"
HANDWRITTEN_PATH = DATA / "redaction_handwritten.txt"
KINDS = ("name", "phone", "id", "email", "plate", "address", "other")
SEED = 14

# Deliberately wider than the detector's own lists (portal/text/names.py): rarer given names too.
SURNAMES = ["Nguyễn"] * 8 + ["Trần"] * 4 + ["Lê"] * 3 + "Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Trịnh Trương Lâm Phùng Mai Tô Hà Lương Cao Đinh Thái Kiều Triệu Châu Tạ Lưu Quách Mạc Hứa Nông Lò Thạch".split()
MIDDLE = ["Văn"] * 5 + ["Thị"] * 5 + "Hữu Đức Minh Ngọc Thanh Quốc Xuân Thu Hồng Kim Bảo Công Đình Quang Trọng Thế Hoài Anh Mỹ Diệu Tấn".split()
GIVEN = ("An Bình Cường Dũng Dung Duy Đạt Giang Hà Hải Hạnh Hằng Hiền Hiếu Hòa Hoa Huệ Hùng Hưng Hương Huy Khánh "
         "Khoa Kiên Lan Liên Linh Loan Lộc Long Mai Minh Nam Nga Nghĩa Ngân Nhung Oanh Phong Phúc Phương Quân Quỳnh "
         "Sơn Tâm Thành Thảo Thắng Thủy Thúy Tiến Toàn Trang Trinh Trung Tuấn Tùng Tuyết Vân Việt Vinh Yến Hậu "
         "Lực Thoa Nhàn Tám Tèo Khải Sáng Thiện Phước Luyến Kha Điền").split()
HONORIFICS = ["ông", "bà", "anh", "chị", "cô", "chú", "bác", "cụ", "em"]
STREETS = ["Lê Lợi", "Trần Hưng Đạo", "Nguyễn Huệ", "Hai Bà Trưng", "Lý Thường Kiệt", "Nguyễn Trãi", "Phan Chu Trinh",
           "Quang Trung", "Lê Duẩn", "Nguyễn Văn Linh", "Hoàng Diệu", "Trần Phú", "Ngô Quyền", "Bạch Đằng",
           "Nguyễn Thị Minh Khai", "Võ Văn Kiệt", "Hùng Vương", "Điện Biên Phủ", "Tôn Đức Thắng", "Hà Huy Tập",
           "Nguyễn Chí Thanh", "Lê Văn Hiến", "Ông Ích Khiêm", "Phạm Văn Đồng", "Huỳnh Thúc Kháng"]
WARDS = ["Hòa Cường", "Hải Châu", "Thanh Khê", "Trần Hưng Đạo", "Lê Lợi", "Bến Nghé", "Hoàn Kiếm", "Ngũ Hành Sơn",
         "Nguyễn Du", "Cẩm Lệ", "Sơn Trà", "Hòa Xuân", "Võ Thị Sáu", "Phan Đình Phùng"]
SCHOOLS = ["trường THPT Nguyễn Huệ", "trường THCS Lê Quý Đôn", "trường tiểu học Kim Đồng", "trường mầm non Hoa Sen",
           "trường THPT Phan Châu Trinh", "trường THCS Nguyễn Khuyến", "Bệnh viện Đa khoa tỉnh",
           "chợ Hàn", "cầu Trần Thị Lý", "công viên Lê Thị Riêng", "nhà văn hóa tổ 12"]
AGENCIES = ["Sở Xây dựng", "Sở Nông nghiệp và Môi trường", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Công an phường",
            "UBND phường {ward}", "Ban Quản lý dự án", "Công ty Môi trường đô thị", "Sở Giao thông vận tải",
            "Điện lực {ward}", "Văn phòng đăng ký đất đai", "Đội Quản lý trật tự đô thị", "Trung tâm Y tế"]
OFFICES = ["Chủ tịch UBND phường {ward}", "Phó Chủ tịch UBND phường {ward}", "Giám đốc Sở Xây dựng",
           "Phó Giám đốc Sở Y tế", "Trưởng Công an phường {ward}", "Chánh Văn phòng UBND tỉnh",
           "Trưởng phòng Quản lý đô thị", "Bí thư Đảng ủy phường {ward}", "Giám đốc Sở Nông nghiệp và Môi trường"]
DOCS = ["Thông báo số {n3}/TB-UBND", "Quyết định {n4}/QĐ-UBND", "Công văn số {n4}/SXD-QLXD", "Kế hoạch số {n3}/KH-UBND",
        "Nghị định 13/2023/NĐ-CP", "Luật Đất đai năm 2024", "Quyết định số 1001/QĐ-BNV", "Nghị định 61/2018/NĐ-CP",
        "Điều {n1} Luật Xây dựng", "Thông tư 06/2021/TT-BXD", "khoản 2 Điều {n1} Nghị định 100/2019/NĐ-CP"]
PROBLEMS = ["mặt đường có nhiều ổ gà, xe máy ngã liên tục", "nước thải tràn ra đường bốc mùi hôi",
            "đèn đường hỏng cả tháng nay, buổi tối rất tối", "rác không được thu gom ba ngày",
            "nhà bên cạnh xây lấn sang phần đất của gia đình", "quán karaoke hát đến 1 giờ sáng",
            "hồ sơ cấp sổ đỏ nộp đã quá hạn chưa có kết quả", "cống thoát nước bị tắc, mưa là ngập",
            "xe tải chở cát chạy qua gây bụi", "cây xanh nghiêng sắp đổ vào nhà dân", "trụ điện nghiêng sau bão",
            "chưa nhận được tiền hỗ trợ giải phóng mặt bằng", "con tôi chưa được nhận vào lớp 1 đúng tuyến",
            "bệnh viện thu thêm tiền ngoài quy định", "lấn chiếm vỉa hè để buôn bán", "nước máy có màu vàng đục"]
PLACES = ["đường {street}", "kiệt {n2} {street}", "hẻm {n2} đường {street}", "tổ {n1}, phường {ward}",
          "khu phố {n1}, phường {ward}", "gần {school}", "ngõ {n2} phố {street}", "thôn {n1}, xã Hòa Phước"]


def _num(rng, digits):
    return "".join(str(rng.randrange(10)) for _ in range(digits))


def fake_name(rng, shape=None):
    shape = shape or rng.choices(["full", "full", "full", "two", "four", "given"], k=1)[0]
    surname, middle, given = rng.choice(SURNAMES), rng.choice(MIDDLE), rng.choice(GIVEN)
    if shape == "two":
        return f"{surname} {given}"
    if shape == "four":
        return f"{surname} {middle} {rng.choice(MIDDLE)} {given}"
    if shape == "given":
        return given
    return f"{surname} {middle} {given}"


def fake_phone(rng):
    body = rng.choice(["9", "3", "7", "8", "5"]) + _num(rng, 8)
    mobile = "0" + body
    forms = [mobile, f"{mobile[:4]} {mobile[4:7]} {mobile[7:]}", f"{mobile[:4]}.{mobile[4:7]}.{mobile[7:]}",
             f"{mobile[:4]}-{mobile[4:7]}-{mobile[7:]}", f"+84 {body[:3]} {body[3:6]} {body[6:]}",
             f"(+84) {body[:3]} {body[3:6]} {body[6:]}", f"84{body}", f"+84{body}", f"{mobile[:3]} {mobile[3:6]} {mobile[6:]}",
             f"0{rng.choice(['236', '28', '24'])} {_num(rng, 4)} {_num(rng, 4 if rng.random() < .5 else 3)}",
             f"(0{rng.choice(['236', '28', '24'])}) {_num(rng, 4)} {_num(rng, 3)}", f"{mobile[:4]}{mobile[4:7]} {mobile[7:]}"]
    return rng.choice(forms)


def fake_id(rng):
    cccd = "0" + f"{rng.randrange(1, 97):02d}" + rng.choice("0123") + _num(rng, 8)
    cmnd = rng.choice("12345") + _num(rng, 8)
    forms = [cccd, cccd, cmnd, f"{cccd[:3]} {cccd[3:6]} {cccd[6:9]} {cccd[9:]}", f"{cccd[:3]}.{cccd[3:6]}.{cccd[6:9]}.{cccd[9:]}",
             f"{cmnd[:3]} {cmnd[3:6]} {cmnd[6:]}", f"{cccd[:4]} {cccd[4:8]} {cccd[8:]}"]
    return rng.choice(forms)


def fake_email(rng):
    name = strip_accents(fake_name(rng, "full")).lower().split()
    user = rng.choice([f"{name[2]}.{name[0]}", f"{name[0]}{name[2]}{rng.randrange(70, 99)}", f"{name[2]}_{name[1]}",
                       f"{''.join(w[0] for w in name[:2])}{name[2]}", f"{name[2]}{_num(rng, 4)}"])
    return f"{user}@{rng.choice(['gmail.com', 'yahoo.com.vn', 'outlook.com', 'danang.gov.vn', 'fpt.vn', 'hotmail.com'])}"


def fake_plate(rng):
    province = f"{rng.randrange(11, 99)}"
    series = rng.choice("ABCDEFGHKLMNPSTUVXYZ")
    forms = [f"{province}{series}-{_num(rng, 3)}.{_num(rng, 2)}", f"{province}{series}{rng.randrange(1, 9)}-{_num(rng, 3)}.{_num(rng, 2)}",
             f"{province}{series} {_num(rng, 3)}.{_num(rng, 2)}", f"{province}{series}{_num(rng, 5)}",
             f"{province}-{series}{rng.randrange(1, 9)} {_num(rng, 3)}.{_num(rng, 2)}", f"{province}{series}-{_num(rng, 4)}",
             f"{province}{series}{rng.randrange(1, 9)} {_num(rng, 5)}"]
    return rng.choice(forms)


def fake_house(rng):
    n = rng.randrange(1, 300)
    return rng.choice([f"{n}", f"{n}{rng.choice('ABC')}", f"{n}/{rng.randrange(1, 40)}", f"{n}/{rng.randrange(1, 40)}/{rng.randrange(1, 9)}"])


def fake_apartment(rng):
    return rng.choice([f"{rng.randrange(2, 30)}{rng.randrange(1, 20):02d} tòa {rng.choice('ABCS')}{rng.randrange(1, 5)}",
                       f"{rng.randrange(2, 30)}{rng.randrange(1, 20):02d} nhà CT{rng.randrange(1, 9)}",
                       f"{rng.choice('ABC')}{rng.randrange(1, 20)}-{rng.randrange(1, 30):02d}",
                       f"{rng.randrange(2, 30)}{rng.randrange(1, 20):02d} block {rng.choice('ABCD')}"])


def fake_other(rng):
    return rng.choice([("số tài khoản ", _num(rng, 10)), ("STK ", _num(rng, 13)), ("thẻ BHYT số ", f"{rng.choice(['GD', 'HT', 'DN', 'TE'])}4{_num(rng, 12)}"),
                       ("hộ chiếu ", f"C{_num(rng, 7)}"), ("mã số BHXH ", _num(rng, 10)), ("mã số thuế cá nhân ", _num(rng, 10))])


def public_fill(rng, slot):
    """Public facts: they are not personal data and must stay."""
    ward = rng.choice(WARDS)
    fills = {
        "official": lambda: rng.choice(OFFICES).format(ward=ward) + " " + fake_name(rng, "full"),
        "agency": lambda: rng.choice(AGENCIES).format(ward=ward),
        "street": lambda: rng.choice(STREETS),
        "ward": lambda: ward,
        "school": lambda: rng.choice(SCHOOLS),
        "doc": lambda: rng.choice(DOCS).format(n1=rng.randrange(1, 60), n3=rng.randrange(10, 999), n4=rng.randrange(100, 9999)),
        "date": lambda: rng.choice([f"ngày {rng.randrange(1, 29)}/{rng.randrange(1, 13)}/2026", f"{rng.randrange(1, 29):02d}/{rng.randrange(1, 13):02d}/2026",
                                    f"ngày {rng.randrange(1, 29)} tháng {rng.randrange(1, 13)} năm 2026", f"{rng.randrange(1, 29)}-{rng.randrange(1, 13)}-2026"]),
        "amount": lambda: rng.choice([f"{rng.randrange(1, 900)}.000.000 đồng", f"{rng.randrange(1, 99)}.{rng.randrange(100, 999)}.000 đồng",
                                      f"{rng.randrange(2, 30)} triệu đồng", f"{rng.randrange(1, 9)},{rng.randrange(1, 9)} tỷ đồng", f"{rng.randrange(100, 999)}.000đ"]),
        "qty": lambda: rng.choice([f"{rng.randrange(20, 900)} m2", f"{rng.randrange(3, 120)} hộ dân", f"{rng.randrange(100, 3000)} m",
                                   f"{rng.randrange(2, 40)} cây xanh", f"{rng.randrange(2, 15)} ổ gà", f"Km {rng.randrange(1, 99)}+{rng.randrange(100, 900)}",
                                   f"km {rng.randrange(800, 1000)}", f"{rng.randrange(1, 12)} tháng", f"{rng.randrange(2, 30)} ngày làm việc"]),
        "problem": lambda: rng.choice(PROBLEMS),
        "place": lambda: rng.choice(PLACES).format(street=rng.choice(STREETS), ward=ward, n1=rng.randrange(1, 30),
                                                   n2=rng.randrange(2, 300), school=rng.choice(SCHOOLS)),
        "code": lambda: f"PA-2026-{rng.randrange(1, 99999):06d}",
        "offname": lambda: fake_name(rng, "full"),
        "age": lambda: str(rng.randrange(60, 95)),
        "period": lambda: rng.choice([f"{rng.randrange(2, 12)} tháng", f"{rng.randrange(2, 30)} ngày làm việc", f"{rng.randrange(2, 6)} tuần", "một năm"]),
        "n": lambda: str(rng.randrange(1, 40)),
        "hon": lambda: rng.choice(HONORIFICS),
        "Hon": lambda: rng.choice(HONORIFICS).capitalize(),
    }
    return fills[slot]()


PII_FILLS = {"name": fake_name, "given": lambda rng: fake_name(rng, "given"), "phone": fake_phone, "id": fake_id,
             "email": fake_email, "plate": fake_plate, "house": fake_house,
             "sonha": lambda rng: f"{rng.choice(['số nhà', 'nhà số'])} {fake_house(rng)}",
             "nhaso": lambda rng: f"nhà số {fake_house(rng)}", "so": lambda rng: f"số {fake_house(rng)}",
             "canho": lambda rng: f"căn hộ {fake_apartment(rng)}", "Canho": lambda rng: f"Căn hộ {fake_apartment(rng)}"}
# An address is labelled with the words that make it one ("số nhà 45", "căn hộ 1205 tòa A2"), not the street.
PII_KIND = {"given": "name", "house": "address", "sonha": "address", "nhaso": "address", "so": "address",
            "canho": "address", "Canho": "address"}

# Petitions on the web form and the API.
WEB = [
    "Tôi là {name}, sống tại {sonha} đường {street}, phường {ward}. Xin phản ánh: {problem}. SĐT liên hệ: {phone}.",
    "Kính gửi {agency}. Tôi tên {name}, CCCD {id}, xin kiến nghị việc {problem}.",
    "Gia đình tôi ở {house} {street} phản ánh {problem}. Mọi thông tin xin liên hệ {email} hoặc {phone}.",
    "{problem}. Đề nghị {agency} xử lý sớm. Người gửi: {name} - ĐT {phone}",
    "Xe biển số {plate} thường xuyên đỗ chắn lối đi trước nhà {house} {street} từ {date}.",
    "Tôi là {name}, {canho}, chung cư Mường Thanh. Thang máy hỏng {period} chưa sửa.",
    "Kính gửi lãnh đạo {agency}, tôi {name} (CCCD số {id}) đã nộp hồ sơ theo {doc} nhưng đến nay chưa có kết quả.",
    "Con tôi là cháu {name}, học sinh {school}, bị thu các khoản {amount} ngoài quy định.",
    "Nhờ cơ quan kiểm tra giúp: {problem} tại {place}. Liên lạc với tôi qua số {phone}, email {email}.",
    "Người phản ánh: {name}. Địa chỉ: {so} đường {street}. Nội dung: {problem}.",
    "Mẹ tôi là bà {name}, bệnh nhân điều trị tại {school}, bị yêu cầu nộp thêm {amount}.",
    "Hộ ông {name} ở {place} xây nhà lấn chiếm {qty} đất công.",
    "Tôi đã gọi tổng đài 1022 hai lần ({date}) nhưng chưa ai xử lý. {problem}. Số của tôi {phone}.",
    "Vá ổ gà trên đường {street} đoạn {qty} giúp dân. Tôi là {name}, nhà {house} {street}.",
    "Công dân {name}, CMND {id}, đề nghị được hướng dẫn thủ tục cấp đổi giấy phép lái xe.",
    "Tài xế xe {plate} chạy quá tốc độ trước cổng {school} lúc 7 giờ sáng {date}, rất nguy hiểm cho các cháu.",
    "Gửi {agency}: {problem}. Mong được phản hồi qua email {email}. Xin cảm ơn.",
    "Tôi tên là {name}, số điện thoại {phone}, số CCCD {id}, phản ánh {problem} tại {place}.",
    "Đã hơn {period} mà {problem}. Ai chịu trách nhiệm? ({name}, {phone})",
    "{Canho} của tôi bị thấm nước từ tầng trên, ban quản lý không giải quyết. Liên hệ {name} {phone}.",
    "Tôi là chủ xe {plate}, bị phạt nguội theo {doc} nhưng xe không đi qua đoạn đó. Tôi tên {name}.",
    "{Hon} {name} ở {house} {street} mở xưởng mộc gây ồn suốt ngày, nhiều lần nhắc không nghe.",
    "Gia đình {hon} {name} tổ chức đám cưới dựng rạp chiếm hết lòng đường {street} {qty}.",
    "Kiến nghị {agency} xem xét hỗ trợ cho gia đình chị {name} có hoàn cảnh khó khăn, chồng mất sớm.",
    "Phụ huynh {name} phản ánh việc {school} thu quỹ {amount}/học sinh.",
]
# Notes typed by 1022 operators: short, abbreviations, often without diacritics.
HOTLINE = [
    "KH {name} goi, sdt {phone}, phan anh {problem} tai {place}",
    "Cd {name} ({phone}) bao {problem}. Da huong dan goi lai sau {period}.",
    "Nguoi goi: {name}. DC: {house} {street}. ND: {problem}",
    "sdt{phone} - {name} - phan anh xe {plate} do tren via he",
    "Ba {name} goi lan 2, hoi tien do ho so {code}. CCCD {id}.",
    "toi ten la {name}, o {so} duong {street}, {problem}",
    "Ông {name} gọi báo {problem} ở {place}, xin giữ bí mật thông tin. ĐT {phone}",
    "Cuộc gọi 1022 lúc 9h15 {date}: chị {name} phản ánh {problem}. Số gọi đến {phone}.",
    "Anh {given} (nhà {house} {street}) báo xe {plate} chạy ẩu, ĐT {phone}.",
    "Người dân gọi không nêu tên, phản ánh {problem} tại {place}.",
    "KH hoi ve {doc}, da tra loi theo huong dan cua {agency}. KH: {name}, {phone}",
    "cu {name} {nhaso} {street} bi ngap sau mua, nho phuong ho tro. sdt nguoi nha {phone}",
    "Benh nhan {name}, CMND {id}, phan anh {school} thu tien sai quy dinh {amount}",
    "Tong dai vien ghi nhan: {Hon} {name}, email {email}, {canho}, thang may hong",
    "Chuyen {agency} xu ly. Nguoi phan anh: {name} sdt {phone}",
]
# Dialogue minutes: the official who chairs is named in office, citizens who speak are not public.
DIALOGUE = [
    "{official} chủ trì buổi đối thoại. Ông {name} (tổ {n}, {place}) phản ánh {problem}.",
    "Bà {name}, trú tại {house} {street}, kiến nghị {problem}. {official} trả lời sẽ chỉ đạo {agency} kiểm tra.",
    "Ý kiến của công dân {name}: {problem}; đề nghị giải quyết trước {date}.",
    "Tiếp theo, anh {name} phát biểu: gia đình tôi chưa nhận được {amount} tiền bồi thường theo {doc}.",
    "{official} kết luận: giao {agency} rà soát, trả lời bà {name} trong {period}.",
    "Chị {name} hỏi vì sao {problem}; đại diện {agency} giải thích theo {doc}.",
    "Cụ {name}, {age} tuổi, đề nghị sửa {place}. {official} ghi nhận.",
    "Ông {offname}, {official_after}, trả lời các ý kiến của bà con tại {place}.",
    "Người phản ánh: {name}, ĐT {phone}. Nội dung: {problem}.",
]
# Official answers: the citizen is named, the officials and documents are public.
ANSWERS = [
    "Cảm ơn {hon} đã phản ánh. {agency} đã phối hợp với {agency} kiểm tra hiện trường ngày {date} và xử lý {problem}.",
    "Trả lời {hon} {name}: theo {doc}, hồ sơ của {hon} sẽ có kết quả trong {period}.",
    "Sở Xây dựng đã phối hợp với UBND phường {ward} lập biên bản đối với hộ ông {name}, {house} {street}, buộc tháo dỡ {qty} xây dựng sai phép.",
    "Kính gửi bà {name}. {agency} tiếp nhận phản ánh {code} về việc {problem}. Ngày {date}, đoàn kiểm tra đã làm việc tại hiện trường.",
    "Vá ổ gà trên tuyến {street} đã hoàn thành {date}, tổng kinh phí {amount}.",
    "Căn cứ {doc}, {agency} đã xử phạt chủ phương tiện biển số {plate} số tiền {amount}.",
    "{official} đã chỉ đạo {agency} khắc phục. Mọi thắc mắc xin gọi đường dây nóng 1022.",
    "Về kiến nghị của công dân {name} (CCCD {id}): đã chuyển {agency} giải quyết theo thẩm quyền.",
    "Gia đình {hon} {name} đã được hỗ trợ {amount} theo {doc}.",
    "Qua kiểm tra, phản ánh của {hon} là đúng. {agency} đã yêu cầu chủ cơ sở cam kết chấm dứt vi phạm trước {date}.",
    "UBND phường {ward} thông tin đến ông {name}: {problem} thuộc thẩm quyền của {agency}; ông liên hệ đường dây nóng 1022 để được hướng dẫn.",
    "Phản ánh không đủ thông tin để xác minh. Đề nghị người phản ánh cung cấp thêm địa chỉ cụ thể tại {place}.",
    "Đội Quản lý trật tự đô thị đã làm việc với bà {name} tại {canho} về việc cơi nới ban công.",
    "Ngày {date}, {agency} đã mời anh {name} (số điện thoại {phone}) đến làm việc và thống nhất phương án khắc phục.",
]
# Negatives only: everything here must stay as it is.
PUBLIC = [
    "{official} đã ký {doc} ngày {date}.",
    "Tuyến {street} đoạn từ Km {n}+{n}00 đến Km {n}+{n}50 sẽ được thảm nhựa trong quý III, tổng mức đầu tư {amount}.",
    "Sở Xây dựng đã phối hợp với {agency} kiểm tra {n} công trình tại phường {ward}.",
    "Học sinh {school} được nghỉ học {date} do mưa lớn.",
    "Đề nghị bà con phường {ward} phản ánh qua tổng đài 1022 hoặc ứng dụng của thành phố.",
    "Theo {doc}, mức phạt là {amount}.",
    "Vá ổ gà, dặm vá mặt đường {street} đã hoàn thành {date}.",
    "Cảm ơn {hon} đã quan tâm, góp ý.",
    "Công an phường {ward} đã tuần tra {period} tại khu vực {place}.",
    "{agency} đang rà soát {n} hồ sơ tồn đọng, dự kiến hoàn thành trước {date}.",
    "Mã phản ánh {code} đã được chuyển đến {agency}.",
    "Lắp đặt {n} đèn chiếu sáng tại {place}, kinh phí {amount}.",
]
# How many texts of each channel, before the hand-written ones are added.
CHANNELS = [("web", WEB, 190), ("hotline", HOTLINE, 130), ("dialogue", DIALOGUE, 90), ("answer", ANSWERS, 140), ("public", PUBLIC, 70)]
_SLOT = re.compile(r"\{\{(\w+):([^}]*)\}\}|\{(\w+)\}")


def render(template: str, rng: random.Random) -> list[tuple[str, str | None]]:
    """The template as pieces (text, kind or None), slots filled."""
    pieces: list[tuple[str, str | None]] = []
    honorific, at = rng.choice(HONORIFICS), 0
    for match in _SLOT.finditer(template):
        pieces.append((template[at:match.start()], None))
        literal_kind, literal, slot = match.groups()
        if literal_kind:
            pieces.append((literal, literal_kind))
        elif slot == "official_after":
            pieces.append((rng.choice(OFFICES).format(ward=rng.choice(WARDS)), None))
        elif slot in ("hon", "Hon"):
            pieces.append((honorific if slot == "hon" else honorific.capitalize(), None))
        elif slot in PII_FILLS:
            value = PII_FILLS[slot](rng)
            if slot == "name" and rng.random() < 0.06:
                value = value.upper()
            pieces.append((value, PII_KIND.get(slot, slot)))
        else:
            pieces.append((public_fill(rng, slot), None))
        at = match.end()
    pieces.append((template[at:], None))
    return [(text, kind) for text, kind in pieces if text]


def _other_pieces(rng):
    cue, value = fake_other(rng)
    return [(f"Tôi xin nhận tiền hỗ trợ qua {cue}", None), (value, "other"), (" tại Vietcombank chi nhánh Đà Nẵng.", None)] \
        if cue.startswith(("số tài", "STK")) else [(f"Kèm theo {cue}", None), (value, "other"), (".", None)]


def assemble(pieces, transform=None) -> dict:
    text, spans = "", []
    for piece, kind in pieces:
        piece = transform(piece) if transform else piece
        if kind:
            spans.append({"start": len(text), "end": len(text) + len(piece), "type": kind})
        text += piece
    return {"text": text, "spans": spans}


def _fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)


def generated(rng: random.Random) -> list[dict]:
    rows = []
    for channel, templates, count in CHANNELS:
        for number in range(count):
            pieces = render(templates[number % len(templates)], rng)
            if rng.random() < 0.05:
                pieces += [(" ", None)] + _other_pieces(rng)
            roll = rng.random()
            transform = None
            if channel == "hotline" or roll < 0.36:
                transform = strip_accents
            elif roll < 0.44:
                transform = str.upper
            elif roll < 0.47:
                transform = _fullwidth
            elif roll < 0.50:
                transform = lambda s: strip_accents(s).lower()  # noqa: E731
            rows.append(assemble(pieces, transform))
    return rows


def handwritten(path: Path = HANDWRITTEN_PATH) -> list[dict]:
    """The hand-written texts, one a line, spans marked {{kind:text}}; lines starting with # are comments."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(assemble(render(line, random.Random(0))))
    return rows


def build(seed: int = SEED) -> list[dict]:
    return generated(random.Random(seed)) + handwritten()


def write_corpus(path: Path = CORPUS_PATH) -> int:
    rows = build()
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(rows)


if __name__ == "__main__":
    print(f"{write_corpus()} texts written to {CORPUS_PATH}")
