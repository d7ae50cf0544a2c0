"""Demo data: one account per role and a province's month of petitions (Đà Nẵng, province 48): written for
the demo, across every category, channel and state, with two dialogue sessions. Every step goes through the
domain functions, so the data is as the workflow leaves it; the steps are then moved back in time, spread
over the past month (Vietnam time)."""
import re
import secrets
from datetime import timedelta

from portal.domain import calendar, dialogue, leaders, lifecycle, workflow
from portal.domain.duplicates import merge_petitions
from portal.domain.intake import Receipt, receive, route_pending
from portal.domain.petitions import PetitionDraft
from portal.domain.ratings import rate_petition
from portal.models import Agency, Petition, Rating, User
from portal.models.base import utcnow

# Leaders of the demo city and two of its communes (Quy định 11-QĐi/TW obligations by default). The dialogue sessions
# above are theirs; last month's reception days leave one obligation unmet (Hòa Vang held one of two).
DEMO_OFFICES = [
    dict(title="Chủ tịch UBND thành phố", level="province", place_code="48", holder="Lê Quang Nam",
         receptions_last_month=(8,), secretariat="vanphong.ubnd@example.invalid"),
    dict(title="Chủ tịch UBND phường Sơn Trà", level="commune", place_code="20263", holder="Trần Thị Hạnh",
         receptions_last_month=(6, 20), secretariat="vanphong.sontra@example.invalid"),
    dict(title="Chủ tịch UBND xã Hòa Vang", level="commune", place_code="20320", holder="Nguyễn Văn Phước",
         receptions_last_month=(14,), secretariat="vanphong.hoavang@example.invalid"),
]
# A citizen received at Sơn Trà's reception day this month, with the chairwoman's instruction.
RECEPTION_PETITION = (
    "trat-tu-xay-dung", "20263", "Công trình xây dựng lấn chiếm vỉa hè đường Ngô Quyền",
    "Tại buổi tiếp công dân, ông Hoàng Văn Nam trình bày công trình nhà ở số 215 Ngô Quyền xây lấn ra vỉa hè, "
    "người đi bộ phải xuống lòng đường.",
    "Giao Đội Quản lý trật tự đô thị phường kiểm tra hiện trường trong 5 ngày, xử lý theo quy định và trả lời "
    "công dân.")
# Planned sessions on the public calendar: (office index, kind, days ahead, target group, venue, topics)
PLANNED_SESSIONS = [
    (2, "dialogue", 5, "thanh-nien", "Nhà văn hóa thôn Phước Hưng, xã Hòa Vang",
     "Việc làm cho thanh niên nông thôn, vay vốn khởi nghiệp"),
    (0, "reception", 12, "", "Trụ sở Tiếp công dân thành phố, 24 Trần Phú", "Tiếp công dân định kỳ"),
]
QUESTIONS_AHEAD = [
    ("Hỏi thủ tục vay vốn khởi nghiệp cho thanh niên",
     "Thanh niên thôn Phước Hưng muốn vay vốn khởi nghiệp trồng rau sạch, xin hỏi điều kiện và thủ tục vay "
    "vốn ưu đãi ở đâu, mức vay tối đa bao nhiêu?"),
    ("Đề nghị lắp đèn đường vào khu sản xuất thôn Phước Hưng",
     "Đường vào khu sản xuất thôn Phước Hưng chưa có đèn chiếu sáng, thanh niên đi làm ca tối rất nguy hiểm, "
    "đề nghị xã cho lắp đèn."),
]

DEMO_USERS = [
    ("operator@demo.gov.vn", "Nguyễn Thị Tổng Đài", "operator", None),
    ("thuky@demo.gov.vn", "Trần Văn Thư Ký", "secretariat", None),
    ("dieuphoi@demo.gov.vn", "Lê Thị Điều Phối", "coordinator", "VP-UBND"),
    ("chuyenvien.xd@demo.gov.vn", "Phạm Văn Xây Dựng", "agency_officer", "SO-XD"),
    ("lanhdao.xd@demo.gov.vn", "Hoàng Minh Lãnh Đạo", "agency_head", "SO-XD"),
    ("chuyenvien.mt@demo.gov.vn", "Đỗ Thị Môi Trường", "agency_officer", "SO-NNMT"),
    ("lanhdao.mt@demo.gov.vn", "Vũ Văn Nông Nghiệp", "agency_head", "SO-NNMT"),
    ("bandanvan@demo.gov.vn", "Bùi Thị Dân Vận", "committee", None),
    ("admin@demo.gov.vn", "Quản Trị Hệ Thống", "admin", None),
]
# The other agencies answer too: an officer and a head each, so every story can be played by the right people.
OTHER_AGENCY_STAFF = {
    "VP-UBND": ("Ngô Thị Văn Phòng", "Trương Quốc Chánh"), "SO-NV": ("Lý Thị Nội Vụ", "Mai Văn Tổ Chức"),
    "SO-TC": ("Đặng Văn Tài Chính", "Phan Thị Ngân Sách"), "SO-YT": ("Huỳnh Thị Y Tế", "Tô Văn Bác Sĩ"),
    "SO-GDDT": ("Võ Thị Giáo Dục", "Lưu Văn Đào Tạo"), "CA-TINH": ("Đinh Văn An Ninh", "Kiều Văn Trật Tự"),
    "UBND-XA": ("Châu Thị Phường", "Lâm Văn Xã"),
}

DEMO_PETITIONS = [
    # Hạ tầng đô thị
    ("ha-tang-do-thi", "web", "20242", "Đèn đường không sáng",
     "Toàn bộ đèn chiếu sáng trên kiệt 42 Lê Duẩn đã tắt hơn hai tuần, buổi tối rất tối, người dân đi lại "
     "không an toàn. Mong được sửa sớm.", "rated"),
    ("ha-tang-do-thi", "hotline", "20242", "Kiệt 42 Lê Duẩn tối om về đêm",
     "Đèn chiếu sáng trong kiệt 42 Lê Duẩn tắt hết đã lâu, tối qua có người bị giật túi xách ngay đầu kiệt. "
     "Đề nghị sửa đèn gấp.", "merged"),
    ("ha-tang-do-thi", "web", "20209", "Đèn đường không sáng ở kiệt 118 Hà Huy Tập",
     "Ba cột đèn liên tiếp trong kiệt 118 Hà Huy Tập không sáng từ đầu tháng, học sinh đi học thêm về "
     "rất sợ. Nhờ cơ quan kiểm tra.", "published"),
    ("ha-tang-do-thi", "web", "20257", "Ngập úng sau mưa trên đường Tôn Đức Thắng",
     "Mỗi khi mưa lớn, đường Tôn Đức Thắng đoạn trước chợ ngập sâu gần nửa mét, cống thoát nước bị tắc. "
     "Đề nghị nạo vét cống trước mùa mưa bão.", "extended"),
    ("ha-tang-do-thi", "email", "20263", "Cây xanh nghiêng sắp đổ",
     "Cây phượng lớn trước nhà số 25 Ngô Quyền bị nghiêng hẳn ra đường sau trận gió tối qua, rễ bật lên "
     "một phần. Rất nguy hiểm cho người đi đường.", "published"),
    ("ha-tang-do-thi", "api", "20285", "Nắp hố ga bị vỡ",
     "Nắp hố ga trên vỉa hè đường Lê Văn Hiến, gần trạm xe buýt, bị vỡ một góc, trẻ em có thể sụp chân. "
     "Đề nghị thay nắp mới.", "in_progress"),
    ("ha-tang-do-thi", "web", "20200", "Nước máy yếu vào giờ cao điểm",
     "Khu dân cư tổ 12 phường Hòa Khánh từ 17 giờ đến 21 giờ nước máy chảy rất yếu, nhiều hộ không có nước "
     "nấu ăn. Kéo dài cả tuần nay.", "overdue"),
    # Giao thông
    ("giao-thong", "web", "20242", "Ổ gà lớn trên đường Nguyễn Văn Linh",
     "Đoạn đường Nguyễn Văn Linh gần ngã tư Hàm Nghi xuất hiện nhiều ổ gà sâu, trời mưa đọng nước, "
     "xe máy đã ngã mấy lần. Đề nghị sửa chữa sớm.", "rated"),
    ("giao-thong", "hotline", "20209", "Đèn tín hiệu giao thông bị hỏng",
     "Đèn tín hiệu tại nút giao Điện Biên Phủ – Hà Huy Tập chỉ nhấp nháy vàng từ sáng, xe cộ đi lộn xộn, "
     "suýt xảy ra va chạm nhiều lần.", "published"),
    ("giao-thong", "web", "20263", "Biển báo bị cây che khuất",
     "Biển báo cấm rẽ trái ở nút giao Ngô Quyền – Phạm Văn Đồng bị cây che khuất hoàn toàn, nhiều xe rẽ sai "
     "và bị phạt. Đề nghị tỉa cây hoặc dời biển.", "transferred"),
    ("giao-thong", "api", "20200", "Xe buýt tuyến số 5 thường xuyên trễ chuyến",
     "Tuyến xe buýt số 5 qua đường Tôn Đức Thắng thường trễ 30 đến 40 phút vào buổi sáng, công nhân đi làm "
     "bị muộn ca. Đề nghị tăng chuyến giờ cao điểm.", "assigned"),
    ("giao-thong", "email", "20314", "Cầu dân sinh xuống cấp",
     "Cầu bê tông bắc qua kênh tổ 5 phường Hòa Xuân bị nứt mặt, lan can gãy một đoạn, học sinh đi qua hằng "
     "ngày. Mong được sửa chữa.", "overdue"),
    # Môi trường
    ("moi-truong", "web", "20320", "Mùi hôi từ cơ sở chăn nuôi heo",
     "Cơ sở chăn nuôi heo trong khu dân cư thôn Phước Hưng xả nước thải ra mương, mùi hôi nồng nặc cả ngày, "
     "nhất là buổi chiều. Đề nghị kiểm tra và xử lý.", "closed"),
    ("moi-truong", "hotline", "20242", "Rác thải tồn đọng nhiều ngày",
     "Điểm tập kết rác đầu hẻm 15 Trần Cao Vân không được thu gom ba ngày nay, rác tràn ra đường, bốc mùi, "
     "ruồi nhặng nhiều.", "answered"),
    ("moi-truong", "web", "20197", "Khói bụi từ xưởng gỗ",
     "Xưởng gỗ trên đường Nguyễn Lương Bằng hoạt động cả ban đêm, bụi gỗ bay sang các nhà xung quanh, "
     "tiếng máy cưa ồn đến 23 giờ.", "rated"),
    ("moi-truong", "api", "20275", "Đốt rác ngoài bãi đất trống",
     "Có người thường xuyên đốt rác, túi ni lông ở bãi đất trống cạnh đường Ngô Thì Sĩ vào buổi tối, khói "
     "đen bay vào nhà dân, trẻ nhỏ bị ho.", "in_progress"),
    ("moi-truong", "web", "20285", "Nước thải nhà hàng chảy ra biển",
     "Đường ống từ một nhà hàng hải sản trên đường Võ Nguyên Giáp xả nước thải thẳng ra bãi tắm, nước đục "
     "và có mùi. Đề nghị kiểm tra giấy phép xả thải.", "returned"),
    # Trật tự đô thị và xây dựng
    ("trat-tu-xay-dung", "web", "20242", "Quán ăn lấn chiếm vỉa hè",
     "Một quán ăn trên đường Hùng Vương dựng mái che kiên cố lấn hết vỉa hè, người đi bộ phải xuống lòng "
     "đường. Đề nghị kiểm tra, xử lý.", "in_progress"),
    ("trat-tu-xay-dung", "hotline", "20260", "Công trình xây dựng không che chắn",
     "Công trình nhà 5 tầng trên đường Ông Ích Đường không có lưới che, vật liệu rơi xuống đường, xe tải chở "
     "cát đổ bừa bãi trước nhà dân.", "published"),
    ("trat-tu-xay-dung", "web", "20314", "Xây dựng nhà trái phép trên đất nông nghiệp",
     "Tại khu đất nông nghiệp cạnh kênh tưới tổ 3, có hộ đang đổ móng xây nhà kiên cố, không thấy biển báo "
     "cấp phép xây dựng.", "assigned"),
    ("trat-tu-xay-dung", "email", "20209", "Biển quảng cáo lớn có nguy cơ đổ",
     "Biển quảng cáo khung sắt trên nóc nhà ở ngã ba Lê Độ – Hà Huy Tập bị gió làm cong, rung mạnh khi có "
     "gió. Người dân lo sợ biển đổ xuống đường.", "rated"),
    # Đất đai
    ("dat-dai", "web", "20320", "Chậm cấp giấy chứng nhận quyền sử dụng đất",
     "Gia đình tôi nộp hồ sơ cấp giấy chứng nhận quyền sử dụng đất từ tháng trước, đến nay đã quá hẹn nhưng "
     "chưa nhận được kết quả, cũng không được giải thích lý do.", "overdue"),
    ("dat-dai", "hotline", "20332", "Lấn chiếm đất công làm bãi giữ xe",
     "Khu đất công cạnh nhà văn hóa thôn bị một hộ rào lại làm bãi giữ xe thu tiền, người dân không còn chỗ "
     "sinh hoạt chung.", "published"),
    ("dat-dai", "web", "20200", "Chưa nhận tiền bồi thường giải phóng mặt bằng",
     "Gia đình bị thu hồi đất làm đường vành đai đã bàn giao mặt bằng tám tháng nhưng chưa nhận đủ tiền "
     "bồi thường phần tài sản trên đất.", "answered"),
    # Thủ tục hành chính
    ("thu-tuc-hanh-chinh", "web", "20242", "Dịch vụ công trực tuyến báo lỗi thanh toán",
     "Tôi nộp hồ sơ trên cổng dịch vụ công và thanh toán phí nhưng hệ thống báo lỗi, tiền đã bị trừ mà hồ sơ "
     "vẫn ở trạng thái chưa thanh toán.", "published"),
    ("thu-tuc-hanh-chinh", "hotline", "20263", "Hồ sơ đăng ký hộ kinh doanh trễ hẹn",
     "Hồ sơ đăng ký hộ kinh doanh nộp tại bộ phận một cửa phường đã trễ hẹn năm ngày, cán bộ chỉ hẹn lại "
     "mà không nói lý do.", "rated"),
    ("thu-tuc-hanh-chinh", "web", "20257", "Yêu cầu giấy tờ ngoài quy định",
     "Khi làm thủ tục chứng thực, bộ phận một cửa yêu cầu thêm giấy xác nhận cư trú dù đã có căn cước công "
     "dân gắn chip. Đề nghị làm rõ quy định.", "received"),
    # Cán bộ và công vụ
    ("can-bo-cong-vu", "web", "20260", "Thái độ cán bộ tiếp dân chưa đúng mực",
     "Khi đến nộp hồ sơ, tôi bị cán bộ tiếp nhận nói trống không, quát to trước nhiều người. Đề nghị chấn "
     "chỉnh tác phong tiếp dân.", "published"),
    ("can-bo-cong-vu", "email", "20350", "Cán bộ hẹn nhiều lần không giải quyết",
     "Tôi đã đến phường bốn lần để xin xác nhận, lần nào cũng được hẹn tuần sau vì cán bộ phụ trách đi họp, "
     "không có người thay.", "in_progress"),
    # Lao động và an sinh xã hội
    ("an-sinh-xa-hoi", "hotline", "20314", "Chậm chi trả trợ cấp người cao tuổi",
     "Mẹ tôi 82 tuổi, hai tháng nay chưa nhận được trợ cấp xã hội hằng tháng, hỏi tổ dân phố thì được bảo "
     "chờ danh sách.", "rated"),
    ("an-sinh-xa-hoi", "web", "20200", "Công ty nợ lương công nhân",
     "Công ty may trong khu công nghiệp nợ lương công nhân hai tháng, chưa đóng bảo hiểm xã hội cả năm nay. "
     "Đề nghị cơ quan lao động vào cuộc.", "overdue"),
    ("an-sinh-xa-hoi", "api", "20197", "Hỏi về hồ sơ hộ cận nghèo",
     "Gia đình tôi thu nhập thấp, có người khuyết tật, xin hướng dẫn hồ sơ xét hộ cận nghèo năm nay và thời "
     "hạn nộp.", "published"),
    # Y tế
    ("y-te", "web", "20242", "Bệnh viện quá tải, chờ khám cả buổi",
     "Khoa khám bệnh của bệnh viện đông, tôi lấy số lúc 6 giờ nhưng 11 giờ mới được khám, không có chỗ ngồi "
     "cho người già. Đề nghị cải thiện.", "published"),
    ("y-te", "hotline", "20275", "Nghi ngộ độc thực phẩm ở quán cơm",
     "Sau bữa trưa ở một quán cơm trên đường Ngô Quyền, năm người trong công ty tôi bị đau bụng, tiêu chảy. "
     "Đề nghị kiểm tra an toàn thực phẩm.", "answered"),
    ("y-te", "web", "20320", "Trạm y tế thiếu thuốc bảo hiểm",
     "Trạm y tế xã nhiều lần hết thuốc huyết áp cấp theo bảo hiểm y tế, người bệnh phải tự mua ngoài.", "assigned"),
    # Giáo dục
    ("giao-duc", "web", "20257", "Khoản thu đầu năm học",
     "Trường tiểu học thu nhiều khoản ngoài quy định như quỹ lớp, tiền máy lạnh, đề nghị kiểm tra tính hợp lý "
     "của các khoản thu này.", "withdrawn"),
    ("giao-duc", "email", "20209", "Trường học thiếu nhà vệ sinh",
     "Trường trung học cơ sở có hơn 1.200 học sinh nhưng chỉ hai khu nhà vệ sinh, thường xuyên hư hỏng, "
     "các em phải nhịn.", "published"),
    ("giao-duc", "hotline", "20200", "Dạy thêm tràn lan ở trường tiểu học",
     "Một số giáo viên gợi ý phụ huynh cho con học thêm tại nhà, học sinh không học thêm bị đối xử khác. "
     "Đề nghị kiểm tra.", "in_progress"),
    # An ninh trật tự
    ("an-ninh-trat-tu", "hotline", "20285", "Thanh niên tụ tập đua xe ban đêm",
     "Khoảng 23 giờ đêm, nhiều nhóm thanh niên tụ tập đua xe, rú ga trên đường ven biển Trường Sa, gây mất "
     "trật tự và nguy hiểm cho người đi đường.", "published"),
    ("an-ninh-trat-tu", "web", "20260", "Trộm cắp xe máy trong khu trọ",
     "Khu nhà trọ sinh viên trên đường Cách Mạng Tháng Tám liên tiếp bị mất xe máy trong tháng này, đề nghị "
     "tăng cường tuần tra ban đêm.", "rejected"),
    # Kinh tế và doanh nghiệp
    ("kinh-te-doanh-nghiep", "api", "20242", "Chợ tạm lấn đường gây ùn tắc",
     "Chợ tạm hình thành tự phát ở đầu đường Hoàng Diệu từ 5 giờ sáng, hàng rong bày ra lòng đường, giờ "
     "cao điểm ùn tắc kéo dài.", "in_progress"),
    ("kinh-te-doanh-nghiep", "web", "20200", "Doanh nghiệp chờ hoàn thuế quá lâu",
     "Công ty chúng tôi nộp hồ sơ hoàn thuế giá trị gia tăng đã hơn 40 ngày, chưa có kết quả, ảnh hưởng "
     "dòng tiền trả lương.", "published"),
    # Khác
    ("khac", "web", "20285", "Góp ý tổ chức lễ hội pháo hoa",
     "Đề nghị ban tổ chức lễ hội pháo hoa năm nay bố trí thêm bãi giữ xe và nhà vệ sinh công cộng cho người "
     "dân và du khách.", "received"),
    ("khac", "email", "20242", "Đề nghị thêm ghế đá ở công viên",
     "Công viên ven sông Hàn buổi chiều rất đông người già và trẻ em nhưng ghế ngồi ít, nhiều ghế đã gãy. "
     "Đề nghị bổ sung.", "received"),
]

# Petitions heard at the two dialogue sessions: (session index, category, ward, title, content, story)
DIALOGUE_PETITIONS = [
    (0, "dat-dai", "20320", "Quy hoạch treo khu dân cư thôn Phước Hưng",
     "Tại buổi đối thoại, bà con thôn Phước Hưng phản ánh khu đất quy hoạch dự án từ nhiều năm nhưng chưa "
     "triển khai, người dân không được xây sửa nhà.", "published"),
    (0, "giao-thong", "20320", "Đường liên thôn hư hỏng nặng",
     "Cử tri kiến nghị sửa chữa tuyến đường liên thôn dài 2 km bị xe tải chở vật liệu cày nát, mùa mưa "
     "lầy lội.", "in_progress"),
    (1, "moi-truong", "20263", "Rác thải nhựa trên bãi biển Mân Thái",
     "Người dân đề nghị tăng cường thu gom rác nhựa trên bãi biển Mân Thái sau mỗi đợt sóng lớn và xử lý "
     "tàu thuyền xả rác.", "assigned"),
    (1, "an-sinh-xa-hoi", "20263", "Hỗ trợ ngư dân sau bão",
     "Ngư dân kiến nghị hướng dẫn thủ tục nhận hỗ trợ sửa chữa tàu thuyền bị hư hỏng trong cơn bão vừa "
     "qua.", "answered"),
]

DIALOGUE_SESSIONS = [
    dict(leader_name="Lê Quang Nam", leader_office="Chủ tịch UBND thành phố", level="province", days_ago=20,
         venue="Hội trường UBND xã Hòa Vang", participants=180,
         topics="Quy hoạch, đất đai, giao thông nông thôn",
         conclusion="Chủ tịch UBND thành phố giao Sở Nông nghiệp và Môi trường rà soát các dự án chậm triển khai "
                    "tại xã Hòa Vang, báo cáo trước ngày 30 của tháng sau; Sở Xây dựng kiểm tra, sửa chữa tuyến "
                    "đường liên thôn trước mùa mưa."),
    dict(leader_name="Trần Thị Hạnh", leader_office="Chủ tịch UBND phường Sơn Trà", level="commune", days_ago=6,
         venue="Nhà văn hóa tổ dân phố 7, phường Sơn Trà", participants=65,
         topics="Vệ sinh môi trường biển, hỗ trợ ngư dân", conclusion=None),
]
REPORTERS = ["Nguyễn Văn Hùng", "Trần Thị Mai", "Lê Minh Tuấn", "Phạm Thị Hồng", "Hoàng Văn Nam", "Võ Thị Lan",
             "Đặng Quốc Bảo", "Bùi Thị Thu", "Huỳnh Văn Tâm", "Phan Thị Ngọc", "Ngô Đức Thắng", "Dương Thị Hà"]
ANSWERS = {
    "ha-tang-do-thi": "Công ty Quản lý hạ tầng đã kiểm tra hiện trường, thay thiết bị hư hỏng và đưa vào hoạt động "
                      "trở lại. Đơn vị sẽ kiểm tra định kỳ tuyến này hằng tháng.",
    "giao-thong": "Sở Xây dựng đã giao đơn vị quản lý đường bộ khắc phục; mặt đường và thiết bị đã được sửa chữa, "
                  "bảo đảm an toàn giao thông.",
    "moi-truong": "Đoàn kiểm tra liên ngành đã làm việc với cơ sở, lập biên bản vi phạm, yêu cầu dừng xả thải và "
                  "khắc phục trong 15 ngày; kết quả khắc phục sẽ được kiểm tra lại.",
    "trat-tu-xay-dung": "Đội Quản lý trật tự đô thị đã kiểm tra, lập biên bản và yêu cầu chủ công trình tự tháo dỡ "
                        "phần vi phạm; phường tiếp tục giám sát việc chấp hành.",
    "dat-dai": "Văn phòng đăng ký đất đai đã rà soát hồ sơ; cơ quan đã có văn bản hướng dẫn và hẹn trả kết quả, "
               "đồng thời xin lỗi người dân vì sự chậm trễ.",
    "thu-tuc-hanh-chinh": "Bộ phận một cửa đã đối soát giao dịch, cập nhật trạng thái hồ sơ và trả kết quả đúng hẹn "
                          "mới; lỗi hệ thống đã được đơn vị kỹ thuật khắc phục.",
    "can-bo-cong-vu": "Cơ quan đã kiểm điểm cán bộ liên quan, nhắc nhở tác phong tiếp dân và bố trí người thay thế "
                      "khi cán bộ phụ trách vắng mặt.",
    "an-sinh-xa-hoi": "Phòng Văn hóa – Xã hội đã rà soát danh sách, chi trả đủ các tháng còn nợ và hướng dẫn hồ sơ "
                      "theo quy định hiện hành.",
    "y-te": "Sở Y tế đã làm việc với đơn vị, bổ sung quầy tiếp đón, ghế chờ và tăng bàn khám vào giờ cao điểm.",
    "giao-duc": "Sở Giáo dục và Đào tạo đã kiểm tra, yêu cầu nhà trường thực hiện đúng quy định và báo cáo kết "
                "quả khắc phục trong tháng.",
    "an-ninh-trat-tu": "Công an phường đã tăng cường tuần tra vào khung giờ phản ánh, lập biên bản các trường hợp "
                       "vi phạm và sẽ duy trì kiểm tra thường xuyên.",
    "kinh-te-doanh-nghiep": "Cơ quan thuế đã rà soát hồ sơ, bổ sung thông tin còn thiếu và giải quyết theo đúng "
                            "thời hạn quy định.",
    "khac": "Ủy ban nhân dân đã ghi nhận góp ý và giao đơn vị tổ chức nghiên cứu, bố trí phù hợp.",
}
OPEN_STORIES = ("received", "assigned", "in_progress", "answered", "returned", "transferred", "extended")


def create_demo_users(session) -> list[tuple[str, str, str]]:
    """Accounts with passwords generated now, returned so they can be printed once."""
    agencies = {a.code: a for a in session.query(Agency).all()}
    people = list(DEMO_USERS)
    for code, (officer, head) in OTHER_AGENCY_STAFF.items():
        slug = code.lower().replace("-", "")
        people += [(f"chuyenvien.{slug}@demo.gov.vn", officer, "agency_officer", code),
                   (f"lanhdao.{slug}@demo.gov.vn", head, "agency_head", code)]
    created = []
    for email, name, role, agency_code in people:
        password = secrets.token_urlsafe(9)
        user = User(email=email, full_name=name, role=role, agency=agencies.get(agency_code))
        user.set_password(password)
        session.add(user)
        created.append((email, role, password))
    session.flush()
    return created


def create_demo_petitions(session) -> int:
    """A month of petitions in every state and two dialogue sessions, made through the domain rules. Each batch
    comes in by the intake road (received, committed, routed as the intake worker would) and is then played."""
    staff = _staff(session)
    receipts = [receive(session, _draft(index, category, channel, ward, title, content), triage=story == "received")
                for index, (category, channel, ward, title, content, story) in enumerate(DEMO_PETITIONS)]
    played = {}
    for index, petition in enumerate(_routed(session, receipts)):
        story = DEMO_PETITIONS[index][-1]
        _play_story(session, petition, story, staff, played)
        played.setdefault(story, []).append(petition)
        _age(session, petition, *_timing(index, story))
    count = len(DEMO_PETITIONS)
    offices = _create_offices(session, staff)
    for number, spec in enumerate(DIALOGUE_SESSIONS):
        count += _hold_dialogue(session, number, spec, staff, offices)
    count += _reception_days(session, staff, offices)
    count += _planned_sessions(session, staff, offices)
    return count


def _create_offices(session, staff: dict) -> list:
    admin = staff[("admin", None)]
    offices = [leaders.create_office(session, title=spec["title"], level=spec["level"], place_code=spec["place_code"],
                                     holder_name=spec["holder"], starts_on=calendar.local_today().replace(day=1)
                                     - timedelta(days=400), actor=admin) for spec in DEMO_OFFICES]
    # Addresses that can never be delivered (the .invalid domain the form refuses), set past the form's check, so a
    # demo's sweep queues reminders that reach nobody.
    for office, spec in zip(offices, DEMO_OFFICES):
        office.secretariat_email = spec["secretariat"]
    return offices


def _held_reception(session, office, held_at, secretary):
    row = dialogue.create_session(session, held_at=held_at, venue="Trụ sở tiếp công dân", participants=12,
                                  topics="Tiếp công dân định kỳ", conclusion_days=3, kind="reception", office=office,
                                  actor=secretary)
    row.created_at = held_at - timedelta(days=14)
    dialogue.mark_held(row)
    dialogue.publish_conclusion(row, "Thông báo kết quả tiếp công dân: các kiến nghị đã được giao cơ quan "
                                     "chuyên môn giải quyết, trả lời công dân đúng thời hạn.",
                                now=held_at + timedelta(days=1))
    return row


def _reception_days(session, staff: dict, offices: list) -> int:
    """Last month's reception days (Hòa Vang one short of its two), and one this month with a citizen received."""
    secretary = staff[("secretariat", None)]
    first = calendar.local_today().replace(day=1) - timedelta(days=1)
    first = first.replace(day=1)
    for office, spec in zip(offices, DEMO_OFFICES):
        for day in spec["receptions_last_month"]:
            _held_reception(session, office, calendar.utc_start_of(first.replace(day=day)) + timedelta(hours=8),
                            secretary)
    held_at = utcnow().replace(hour=1, minute=30, second=0, microsecond=0) - timedelta(days=2)
    row = _held_reception(session, offices[1], held_at, secretary)
    category, ward, title, content, instruction = RECEPTION_PETITION
    receipt = dialogue.record_petition(session, row, _draft(5, category, "reception", ward, title, content),
                                       actor=secretary, instruction=instruction)
    [petition] = _routed(session, [receipt])
    _age(session, petition, (utcnow() - held_at).total_seconds() / 86400 - 0.1, 0.5)
    return 1


def _planned_sessions(session, staff: dict, offices: list) -> int:
    """Sessions on the public calendar; the first has questions sent ahead, routed to the agencies."""
    secretary = staff[("secretariat", None)]
    planned = []
    for office_index, kind, days, group, venue, topics in PLANNED_SESSIONS:
        starts = utcnow().replace(hour=1, minute=0, second=0, microsecond=0) + timedelta(days=days)
        planned.append(dialogue.create_session(session, held_at=starts, venue=venue, participants=0, topics=topics,
                                               conclusion_days=3, kind=kind, office=offices[office_index],
                                               target_group=group, actor=secretary))
    receipts = [dialogue.ask_ahead(session, planned[0], _draft(9 + index, "", "dialogue", "20320", title, content),
                                   utcnow()) for index, (title, content) in enumerate(QUESTIONS_AHEAD)]
    _routed(session, receipts)
    return len(receipts)


def _routed(session, receipts: list[Receipt]) -> list[Petition]:
    """The received petitions after the intake worker's step: committed, then classified and routed."""
    session.commit()
    route_pending(session, limit=len(receipts), ids=[receipt.petition_id for receipt in receipts])
    return [session.get(Petition, receipt.petition_id) for receipt in receipts]


def _staff(session) -> dict:
    return {(u.role, u.agency.code if u.agency else None): u for u in session.query(User).all()}


def _draft(index: int, category: str, channel: str, ward: str, title: str, content: str) -> PetitionDraft:
    return PetitionDraft(content=content, title=title, category_code=category, province_code="48", ward_code=ward,
                         reporter_name=REPORTERS[index % len(REPORTERS)],
                         reporter_phone=f"09{(index * 7919 + 1234567) % 100000000:08d}", channel=channel)


def _timing(index: int, story: str) -> tuple[float, float]:
    """(days since receipt, days the played steps took): open items are recent, overdue ones old and untouched,
    finished ones spread over the month, a few answered after their deadline."""
    if story in OPEN_STORIES:
        days_ago = 1.2 + index % 6
        return days_ago, days_ago * 0.6
    if story == "overdue":
        return 20.5 + index % 9, 1.0
    if story == "merged":
        return 3.2, 0.5  # a second sender, after the first petition was answered
    days_ago = 8.5 + (index * 7) % 22
    late = index % 7 == 3
    return days_ago, min(days_ago - 1, 18.0) if late else 1.5 + index % 5


def _play_story(session, petition: Petition, story: str, staff: dict, played: dict) -> None:
    agency = petition.agency.code if petition.agency else None
    officer, head = staff.get(("agency_officer", agency)), staff.get(("agency_head", agency))
    coordinator = staff[("coordinator", "VP-UBND")]
    if story in ("received", "assigned"):
        return  # waits in the coordinator's triage queue / in the agency's inbox
    if story == "rejected":
        return _reject_after_return(session, petition, officer, coordinator)
    if story == "withdrawn":
        lifecycle.transition(session, petition, "withdrawn", note="Người gửi đề nghị rút phản ánh.")
        return
    if story == "merged":
        main = played["rated"][0]
        return merge_petitions(session, petition, main, coordinator)
    if story == "returned":
        return workflow.return_to_coordinator(
            session, petition, officer, "Nội dung thuộc thẩm quyền cấp phép xả thải, đề nghị chuyển đơn vị phù hợp.")
    workflow.accept(session, petition, officer)
    if story == "transferred":
        commune = session.query(Agency).filter_by(code="UBND-XA").one()
        workflow.transfer(session, petition, officer, commune, "Việc tỉa cây thuộc phân cấp của UBND phường.")
        return
    if story == "extended":
        request = workflow.request_extension(session, petition, officer,
                                             calendar.add_working_days(petition.due_date, 5),
                                             "Cần khảo sát hiện trường và lấy ý kiến đơn vị thi công.")
        workflow.decide_extension(session, request, coordinator, grant=True, note="Đồng ý để khảo sát hiện trường.")
        return
    if story in ("in_progress", "overdue"):
        return
    _answer(session, petition, officer, head, story)


def _answer(session, petition: Petition, officer, head, story: str) -> None:
    reporter = petition.reporter_name
    workflow.submit_answer(session, petition, officer,
                           f"<p>Kính gửi ông/bà {reporter},</p><p>{ANSWERS[petition.category.code]}</p>"
                           "<p>Cảm ơn ông/bà đã phản ánh.</p>")
    if story == "answered":
        return
    workflow.approve_answer(session, petition, head)
    if story == "rated":
        good = petition.id % 3 != 0
        scores = dict.fromkeys(("access", "procedure", "staff", "result", "feedback"), 5 if good else 3)
        scores["procedure"] = 4 if good else 2
        rate_petition(session, petition, scores, resolved=good,
                      comment="Cơ quan xử lý nhanh, cảm ơn." if good else "Mới khắc phục tạm thời, chưa dứt điểm.")
    if story == "closed":
        lifecycle.transition(session, petition, "closed", note="Người dân xác nhận vấn đề đã được giải quyết.")


def _reject_after_return(session, petition: Petition, officer, coordinator) -> None:
    workflow.return_to_coordinator(session, petition, officer, "Vụ việc đang được điều tra theo tố giác tội phạm.")
    workflow.reject(session, petition, coordinator, "out_of_scope",
                    "Vụ việc đã được cơ quan điều tra thụ lý theo tố giác tội phạm; không giải quyết "
                    "trùng theo kênh phản ánh.")


def _hold_dialogue(session, number: int, spec: dict, staff: dict, offices: list) -> int:
    """A dialogue session held `days_ago`, its petitions recorded that day, and its conclusion notice if any."""
    secretary = staff[("secretariat", None)]
    held_at = utcnow().replace(hour=1, minute=30, second=0, microsecond=0) - timedelta(days=spec["days_ago"])
    session_row = dialogue.create_session(
        session, leader_name=spec["leader_name"], leader_office=spec["leader_office"], level=spec["level"],
        held_at=held_at, venue=spec["venue"], participants=spec["participants"], topics=spec["topics"],
        conclusion_days=3, office=offices[number], actor=secretary)
    session_row.created_at = held_at - timedelta(days=10)
    dialogue.mark_held(session_row)
    if spec["conclusion"]:
        dialogue.publish_conclusion(session_row, spec["conclusion"], now=held_at + timedelta(days=2))
    raised = [(index, row) for index, row in enumerate(DIALOGUE_PETITIONS) if row[0] == number]
    receipts = []
    for index, (_which, category, ward, title, content, _story) in raised:
        draft = _draft(index + 3, category, "dialogue", ward, title, content)
        receipts.append(dialogue.record_petition(session, session_row, draft, actor=secretary))
    for petition, (_index, (*_row, story)) in zip(_routed(session, receipts), raised):
        _play_story(session, petition, story, staff, {})
        age = utcnow() - held_at - timedelta(hours=2)
        _age(session, petition, age.total_seconds() / 86400, min(spec["days_ago"] * 0.7, 6.0))
    return len(raised)


def _age(session, petition: Petition, days_ago: float, span_days: float) -> None:
    """Move a played story back in time: received `days_ago`, its steps spread over `span_days`, and everything
    the steps decided (due dates, publication, timeliness, handling time, the rating) recounted from those times."""
    session.flush()
    played_at, created = petition.created_at, utcnow() - timedelta(days=days_ago)
    petition.created_at = created
    events = petition.events.all()
    gap = timedelta(days=span_days) / max(len(events) - 1, 1)
    latest = utcnow() - timedelta(minutes=len(events))
    previous = created
    for step, event in enumerate(events):
        moment = created if step == 0 else max(_office_hours(created + gap * step), previous + timedelta(minutes=7))
        event.at = previous = min(moment, latest + timedelta(minutes=step))
    moments = {event.to_status: event.at for event in events if event.to_status}
    for column, status in (("answered_at", "answered"), ("published_at", "published"), ("closed_at", None)):
        if getattr(petition, column):
            setattr(petition, column, moments.get(status, events[-1].at))
    _recount_due_dates(petition, played_at, created)
    for assignment in petition.assignments:
        assignment.created_at = created
    for answer in petition.answers:
        answer.created_at = answer.submitted_at = moments.get("answered", created)
        if answer.approved_at:
            answer.approved_at = petition.published_at
            petition.answered_on_time = calendar.is_on_time(petition.published_at, petition.due_date)
            petition.handling_days = calendar.working_days_between(calendar.local_date(created),
                                                                   calendar.local_date(petition.published_at))
    rating = session.query(Rating).filter_by(petition_id=petition.id).first()
    if rating is not None:
        rating.created_at = rating.updated_at = next(e.at for e in events if e.kind == "rating")


def _office_hours(moment):
    """Staff act in office hours, Vietnam time: a step that would fall at night moves into 07:30–17:00."""
    local = moment + timedelta(hours=7)
    if local.hour < 7 or (local.hour == 7 and local.minute < 30):
        local = local.replace(hour=7, minute=30 + local.minute % 30)
    elif local.hour >= 17:
        local = local.replace(hour=15 + local.minute % 2, minute=local.minute)
    return local - timedelta(hours=7)


def _recount_due_dates(petition: Petition, played_at, created) -> None:
    """Due dates counted from the new receipt time; the notes that named the old ones (assignment, extension)
    follow them."""
    if petition.due_date is None:
        return
    days = petition.category.deadline_days
    old_due, new_due = calendar.due_date_for(played_at, days), calendar.due_date_for(created, days)
    renamed = {old_due: new_due, calendar.add_working_days(old_due, 5): calendar.add_working_days(new_due, 5)}
    texts = {f"{old:%d/%m/%Y}": f"{new:%d/%m/%Y}" for old, new in renamed.items()}
    for event in petition.events:
        event.note = re.sub(r"\d{2}/\d{2}/\d{4}", lambda found: texts.get(found.group(0), found.group(0)), event.note)
    petition.due_date = renamed[petition.due_date] if petition.due_date in renamed else new_due
    petition.due_at = calendar.end_of_working_day(petition.due_date)  # demo petitions are all normal
    petition.ack_due_at = calendar.add_working_hours(created, 8)
    for assignment in petition.assignments:
        assignment.due_date = petition.due_date
