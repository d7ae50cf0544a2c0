"""The labelled training corpus, written by us: for each category, the problems people raise, said the
way they say them on the web form, to the 1022 hotline and in dialogue minutes. `build_corpus` combines
them deterministically; `flask classifier corpus` writes portal/text/data/training.csv."""
import csv
import random
from pathlib import Path

from portal.text.normalize import strip_accents

CORPUS_PATH = Path(__file__).resolve().parent / "data" / "training.csv"

# What is wrong, in the words people use. Each category has problems that only it covers.
PROBLEMS = {
    "dat-dai": [
        "hồ sơ cấp giấy chứng nhận quyền sử dụng đất nộp đã ba tháng vẫn chưa có kết quả",
        "gia đình tôi chưa được cấp sổ đỏ dù đã nộp đủ giấy tờ",
        "xin cấp đổi sổ hồng nhưng văn phòng đăng ký đất đai hẹn đi hẹn lại",
        "tranh chấp ranh giới đất với nhà bên cạnh chưa được hòa giải",
        "mức bồi thường khi thu hồi đất làm dự án quá thấp so với giá thị trường",
        "đất nông nghiệp bị thu hồi nhưng chưa được bố trí tái định cư",
        "hộ dân lấn chiếm đất công để làm nhà kho",
        "quy hoạch sử dụng đất treo nhiều năm nên không thể tách thửa",
        "giải phóng mặt bằng dự án mở đường chưa chi trả tiền đền bù",
        "đề nghị xem xét chuyển mục đích sử dụng đất vườn sang đất ở",
        "thửa đất của gia đình bị đo đạc sai diện tích trên bản đồ địa chính",
        "nhà tôi bị tính tiền sử dụng đất quá cao khi làm sổ",
        "khu đất công bị bỏ hoang bị người dân chiếm dụng trồng rau",
        "đề nghị cấp giấy chứng nhận cho phần đất khai hoang từ trước năm 1993",
    ],
    "moi-truong": [
        "cơ sở chăn nuôi heo xả nước thải ra mương gây mùi hôi nồng nặc",
        "xưởng sản xuất gây tiếng ồn lớn suốt đêm",
        "rác thải sinh hoạt ở điểm tập kết không được thu gom nhiều ngày",
        "khói bụi từ nhà máy gạch làm ô nhiễm không khí khu dân cư",
        "người dân đốt rác ngoài đồng khói bay vào nhà",
        "nước sông đổi màu đen và cá chết hàng loạt",
        "bãi rác tự phát bên đường bốc mùi hôi thối",
        "doanh nghiệp xả khí thải có mùi khét vào ban đêm",
        "xe chở cát làm rơi vãi đất cát gây bụi mù mịt",
        "lò mổ gia súc thải chất bẩn ra cống chung",
        "cơ sở tái chế nhựa gây mùi khó chịu cho cả khu phố",
        "ruồi nhặng từ trại gà bay vào nhà dân",
        "hóa chất từ xưởng xi mạ chảy ra ruộng lúa",
        "kênh thủy lợi đầy rác và bèo gây ô nhiễm",
    ],
    "giao-thong": [
        "mặt đường xuất hiện nhiều ổ gà sâu, xe máy ngã liên tục",
        "đèn tín hiệu giao thông ở ngã tư bị hỏng nhiều ngày",
        "biển báo cấm rẽ trái bị cây che khuất",
        "tuyến xe buýt số 5 thường xuyên bỏ chuyến, không đúng giờ",
        "cầu dân sinh bị sụt lún, xe tải vẫn đi qua rất nguy hiểm",
        "đường bê tông liên thôn bị nứt vỡ, trời mưa lầy lội",
        "ùn tắc giao thông kéo dài giờ cao điểm trước cổng chợ",
        "thiếu gờ giảm tốc ở đoạn đường cong hay xảy ra tai nạn",
        "vạch kẻ đường đã mờ, người đi đường không nhìn thấy",
        "hộ lan đường đèo bị gãy chưa được thay",
        "xe tải trọng lớn chạy vào đường nhỏ làm hư hỏng mặt đường",
        "nắp hố ga giữa đường bị vỡ tạo hố sâu",
        "đường đất vào trường bị xói lở, phương tiện khó đi",
        "nhà chờ xe buýt bị hư hỏng, mái tôn sắp rơi",
    ],
    "trat-tu-xay-dung": [
        "nhà bên cạnh xây dựng không phép, lấn sang phần đất chung",
        "quán ăn dựng mái che kiên cố lấn chiếm hết vỉa hè",
        "công trình xây sai phép, cao hơn số tầng được cấp",
        "biển quảng cáo lớn dựng trái phép trên nóc nhà có nguy cơ đổ",
        "hàng quán bày bán tràn xuống lòng đường gây cản trở",
        "công trình đang thi công không che chắn, vật liệu rơi xuống đường",
        "nhà xây trên đất nông nghiệp mà không ai xử lý",
        "chủ nhà cơi nới ban công lấn ra không gian chung",
        "xe tập kết vật liệu xây dựng chiếm dụng vỉa hè nhiều tuần",
        "công trình nhà cao tầng thi công làm nứt tường nhà bên cạnh",
        "tường rào xây lấn ra hẻm làm hẻm bị thu hẹp",
        "nhà xưởng xây dựng trái phép trong khu dân cư",
        "giàn giáo công trình đặt sát đường, có nguy cơ sập",
        "người dân dựng lều quán trên vỉa hè ven hồ",
    ],
    "ha-tang-do-thi": [
        "đèn chiếu sáng công cộng trong kiệt bị tắt hơn hai tuần",
        "đường ngập sâu mỗi khi mưa lớn do cống thoát nước bị tắc",
        "nước máy yếu, có giờ mất nước hoàn toàn",
        "nước sinh hoạt có màu đục và mùi lạ",
        "cây xanh lớn bị nghiêng, có nguy cơ gãy đổ vào nhà dân",
        "cống thoát nước bị vỡ, nước bẩn tràn lên mặt đường",
        "công viên khu phố xuống cấp, ghế đá và đèn bị hỏng",
        "ống nước chính bị bể gây lãng phí nước",
        "hố ga bốc mùi hôi do lâu ngày không nạo vét",
        "khu dân cư mới chưa có hệ thống thoát nước",
        "cành cây gãy vắt trên đường dây điện",
        "trụ đèn đường bị nghiêng sau cơn bão",
        "mương thoát nước bị lấp, mưa là ngập sân nhà",
        "khu vực chưa có nước sạch, người dân phải dùng nước giếng",
    ],
    "thu-tuc-hanh-chinh": [
        "hồ sơ đăng ký khai sinh cho con nộp trực tuyến đã quá hạn vẫn chưa được trả",
        "cổng dịch vụ công báo lỗi khi thanh toán, tiền đã bị trừ",
        "bộ phận một cửa yêu cầu nộp thêm giấy tờ không có trong quy định",
        "làm căn cước công dân cho người cao tuổi phải đi lại nhiều lần",
        "đăng ký thường trú bị trả hồ sơ mà không nêu lý do",
        "chứng thực bản sao phải chờ cả buổi sáng",
        "hồ sơ đăng ký kết hôn trễ hẹn mà không có phiếu xin lỗi",
        "không đăng nhập được tài khoản định danh điện tử để nộp hồ sơ",
        "xin giấy xác nhận tình trạng hôn nhân bị hẹn lại nhiều lần",
        "hướng dẫn thủ tục trên cổng dịch vụ công không rõ ràng",
        "hồ sơ trích lục khai tử nộp qua mạng bị treo ở trạng thái chờ",
        "máy lấy số thứ tự ở bộ phận một cửa thường xuyên hỏng",
        "phải photo công chứng nhiều bộ giấy tờ dù đã có dữ liệu dân cư",
        "đăng ký tạm trú trực tuyến không nhận được kết quả",
    ],
    "can-bo-cong-vu": [
        "cán bộ tiếp dân có thái độ hách dịch, nói năng thiếu tôn trọng",
        "công chức gợi ý phải nộp thêm tiền ngoài để hồ sơ được nhanh",
        "cán bộ thường xuyên vắng mặt trong giờ làm việc",
        "các phòng ban đùn đẩy trách nhiệm, không ai giải quyết",
        "cán bộ địa chính nhũng nhiễu, gây phiền hà cho người dân",
        "cán bộ phường uống rượu trong giờ hành chính",
        "nhân viên bộ phận một cửa dùng điện thoại, bỏ mặc người dân chờ",
        "cán bộ xã không tiếp công dân theo lịch đã công bố",
        "công chức hứa giải quyết nhưng không làm, không trả lời",
        "cán bộ xử lý hồ sơ đòi quà biếu mới ký",
        "thái độ cán bộ tư pháp lạnh nhạt, quát nạt người già",
        "cán bộ thu thuế có dấu hiệu vòi vĩnh doanh nghiệp",
        "lãnh đạo xã né tránh, không gặp người dân",
        "cán bộ tiết lộ thông tin của người tố cáo",
    ],
    "an-sinh-xa-hoi": [
        "gia đình có công với cách mạng chưa được nhận trợ cấp hàng tháng",
        "mẹ tôi trên 80 tuổi nhưng chưa được hưởng trợ cấp người cao tuổi",
        "hộ tôi thuộc diện khó khăn nhưng không được xét hộ nghèo",
        "công ty nợ bảo hiểm xã hội nên tôi không chốt được sổ",
        "hồ sơ hưởng bảo hiểm thất nghiệp bị chậm chi trả",
        "doanh nghiệp nợ lương công nhân ba tháng",
        "người khuyết tật chưa được cấp giấy xác nhận mức độ khuyết tật",
        "chế độ tử tuất của cha tôi chưa được giải quyết",
        "công nhân bị cho nghỉ việc mà không được trả trợ cấp",
        "trẻ em mồ côi chưa được hưởng chính sách bảo trợ xã hội",
        "tiền hỗ trợ người lao động mất việc chưa được chi",
        "việc bình xét hộ cận nghèo ở thôn không công khai",
        "người lao động bị ép ký hợp đồng không đóng bảo hiểm",
        "chậm giải quyết chế độ hưu trí dù đã đủ tuổi",
    ],
    "y-te": [
        "bệnh viện huyện quá tải, bệnh nhân phải nằm ghép",
        "trạm y tế xã thiếu thuốc điều trị bệnh mãn tính",
        "thẻ bảo hiểm y tế không được chấp nhận khi đi khám",
        "nhân viên y tế có thái độ thờ ơ với bệnh nhân cấp cứu",
        "cơ sở bán thức ăn đường phố mất vệ sinh an toàn thực phẩm",
        "nhiều người bị ngộ độc sau khi ăn ở quán cơm",
        "dịch sốt xuất huyết bùng phát nhưng chưa được phun thuốc",
        "phòng khám tư nhân quảng cáo sai sự thật",
        "chờ khám bệnh từ sáng đến chiều mới đến lượt",
        "bệnh viện thu thêm tiền ngoài danh mục bảo hiểm y tế",
        "hiệu thuốc bán thuốc kháng sinh không cần đơn",
        "chưa được tiêm vắc xin cho trẻ theo lịch",
        "cơ sở sản xuất giò chả dùng hàn the",
        "xe cấp cứu đến chậm hơn một giờ",
    ],
    "giao-duc": [
        "trường tiểu học thu nhiều khoản ngoài quy định đầu năm học",
        "giáo viên ép học sinh đi học thêm tại nhà",
        "phòng học xuống cấp, trần nhà bong tróc có thể rơi",
        "con tôi không được nhận vào trường đúng tuyến",
        "học phí tăng cao mà không có thông báo",
        "trường mầm non thiếu giáo viên, trẻ bị gửi ghép lớp",
        "nhà vệ sinh của trường bẩn, không có nước",
        "trường không có bảo vệ, người lạ ra vào tự do",
        "tuyển sinh lớp 6 không minh bạch",
        "giáo viên có hành vi bạo lực với học sinh",
        "bếp ăn bán trú của trường không đảm bảo vệ sinh",
        "sách giáo khoa bắt buộc mua trọn bộ tại trường",
        "quỹ phụ huynh thu chi không công khai",
        "điểm trường lẻ không có điện để học buổi tối",
    ],
    "an-ninh-trat-tu": [
        "thanh niên tụ tập đua xe, rú ga vào ban đêm",
        "nhiều vụ trộm xe máy xảy ra trong khu phố",
        "nhóm người tụ tập đánh bạc ở bãi đất trống",
        "có đối tượng nghi sử dụng ma túy trong nhà hoang",
        "gây rối, đánh nhau ở quán nhậu đến khuya",
        "bị lừa đảo qua điện thoại mất tiền tiết kiệm",
        "hát karaoke quá giờ quy định gây mất trật tự",
        "người lạ dán quảng cáo cho vay nặng lãi khắp nơi",
        "đối tượng đòi nợ thuê ném chất bẩn vào nhà dân",
        "trộm cắp tài sản ở chợ đêm",
        "nhóm thiếu niên mang hung khí đi lại",
        "tiếng nổ pháo lớn trong khu dân cư lúc nửa đêm",
        "tụ điểm cá độ bóng đá hoạt động công khai",
        "người say rượu gây gổ, đe dọa hàng xóm",
    ],
    "kinh-te-doanh-nghiep": [
        "hồ sơ đăng ký kinh doanh hộ cá thể bị trả lại nhiều lần",
        "giá cả hàng hóa ở chợ tăng bất thường",
        "doanh nghiệp chờ phê duyệt chủ trương đầu tư quá lâu",
        "thủ tục hoàn thuế cho doanh nghiệp chậm trễ",
        "tiểu thương phản đối việc tăng phí thuê ki ốt chợ",
        "doanh nghiệp nhỏ khó tiếp cận gói hỗ trợ vay vốn",
        "cửa hàng bán hàng giả, hàng nhái công khai",
        "chợ tạm xuống cấp, tiểu thương buôn bán khó khăn",
        "hợp tác xã chưa nhận được kinh phí hỗ trợ sản xuất",
        "giá điện kinh doanh tăng mà không giải thích",
        "dự án đầu tư chậm triển khai, đất để hoang",
        "doanh nghiệp bị kiểm tra chồng chéo nhiều đoàn",
        "thủ tục cấp giấy phép kinh doanh rượu quá rườm rà",
        "đề nghị hỗ trợ tiêu thụ nông sản cho bà con",
    ],
    "khac": [
        "đề nghị tổ chức thêm lễ hội văn hóa truyền thống cho thanh niên",
        "xin gửi lời cảm ơn đến các cán bộ đã nhiệt tình giúp đỡ",
        "góp ý giao diện cổng thông tin khó sử dụng trên điện thoại",
        "đề nghị xây dựng thêm nhà văn hóa cho thôn",
        "hỏi cách tra cứu phản ánh đã gửi trên cổng",
        "đề xuất đặt tên đường theo danh nhân địa phương",
        "kiến nghị tổ chức giải thể thao cho người cao tuổi",
        "khen ngợi đội tình nguyện hỗ trợ bà con sau bão",
        "đề nghị mở thêm thư viện đọc sách cho thiếu nhi",
        "hỏi về lịch tiếp công dân của lãnh đạo tỉnh",
        "góp ý về chương trình truyền hình địa phương",
        "đề nghị bảo tồn di tích đình làng đang xuống cấp",
        "xin thông tin về các hoạt động dịp lễ Tết",
        "đề xuất trồng thêm hoa ở quảng trường trung tâm",
    ],
}

PLACES = ["tổ 5 phường Hòa Cường", "thôn Phú Sơn", "đường Lê Duẩn", "kiệt 42 Trần Cao Vân", "khu dân cư số 3",
          "xã Hòa Vang", "phường An Hải", "thôn 2 xã Tam Kỳ", "khu phố Mỹ An", "đường Nguyễn Văn Linh"]
DURATIONS = ["đã hơn một tháng", "từ đầu năm đến nay", "suốt tuần qua", "nhiều ngày nay", "từ tháng trước",
             "đã lâu", "mấy hôm nay"]
REQUESTS = ["Đề nghị cơ quan chức năng sớm kiểm tra, xử lý.", "Mong được giải quyết sớm.",
            "Kính đề nghị lãnh đạo quan tâm chỉ đạo.", "Đề nghị có văn bản trả lời cho người dân.",
            "Người dân rất bức xúc, mong được xử lý dứt điểm.", ""]
FRAMES = {
    "web": ["Tôi xin phản ánh: {p} tại {place}, {d}. {r}", "Kính gửi cơ quan chức năng, {p} ở {place} {d}. {r}",
            "{P} tại {place}. {r}", "Ở {place} {p}, {d}. {r}"],
    "hotline": ["Công dân gọi tổng đài 1022 phản ánh {p} tại {place}, {d}. {r}",
                "Người dân gọi điện báo {p} ở {place}. Đề nghị chuyển đơn vị xử lý.",
                "Cuộc gọi: bà con ở {place} phản ánh {p}."],
    "dialogue": ["Tại buổi đối thoại, ông Nguyễn Văn Hùng ở {place} kiến nghị: {p}. {r}",
                 "Bà Trần Thị Lan ({place}) nêu ý kiến {p}, {d}. {r}",
                 "Cử tri {place} kiến nghị lãnh đạo quan tâm việc {p}."],
}
# How people type on phones: no diacritics, short forms.
ABBREVIATIONS = [("không", "ko"), ("không", "k"), ("được", "dc"), ("được", "đc"), ("Ủy ban nhân dân", "UBND"),
                 ("bảo hiểm y tế", "BHYT"), ("giấy chứng nhận quyền sử dụng đất", "sổ hồng")]


def _informal(text: str, rng: random.Random) -> str:
    for full, short in ABBREVIATIONS:
        if full in text and rng.random() < 0.7:
            text = text.replace(full, short)
    return strip_accents(text) if rng.random() < 0.6 else text.lower()


def build_corpus(per_category: int = 72, seed: int = 2026) -> list[tuple[str, str, str]]:
    """(text, category, group) rows, the same every time for the same seed. The group names the problem a
    text is built on, so cross-validation can keep every phrasing of one problem in the same fold."""
    rng = random.Random(seed)
    rows = []
    for category in sorted(PROBLEMS):
        problems = PROBLEMS[category]
        for index in range(per_category):
            channel = ("web", "hotline", "dialogue")[index % 3]
            problem = problems[index % len(problems)]
            text = rng.choice(FRAMES[channel]).format(
                p=problem, P=problem[0].upper() + problem[1:], place=rng.choice(PLACES),
                d=rng.choice(DURATIONS), r=rng.choice(REQUESTS)).strip()
            if index % 4 == 3:
                text = _informal(text, rng)
            rows.append((text, category, f"{category}/{index % len(problems)}"))
    return rows + taxonomy_rows()


def taxonomy_rows() -> list[tuple[str, str, str]]:
    """Each item of a category's "covers" list in taxonomy.json, as a short labelled text."""
    from portal.domain.taxonomy import read_taxonomy

    rows = []
    for category in read_taxonomy()["categories"]:
        for number, item in enumerate(category["covers"].split(",")):
            item = item.strip().rstrip(";.")
            if item:
                rows.append((f"Phản ánh về {item}", category["code"], f"covers/{category['code']}/{number}"))
    return rows


def write_corpus(path: Path = CORPUS_PATH) -> int:
    rows = build_corpus()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "category", "group"])
        writer.writerows(rows)
    return len(rows)


def read_labelled(path: Path) -> list[tuple[str, str, str]]:
    """(text, category, group) from a CSV with columns text,category (group optional)."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or not {"text", "category"} <= set(reader.fieldnames):
            raise ValueError("the CSV needs the columns text,category")
        return [(row["text"], row["category"], row.get("group") or f"row/{n}") for n, row in enumerate(reader)]
