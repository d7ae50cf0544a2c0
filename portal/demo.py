"""Demo data: one account per role and a few dozen realistic petitions in every state,
so a newcomer's first look shows a living portal."""
import secrets
from datetime import timedelta

from portal.domain import calendar, lifecycle, workflow
from portal.domain.petitions import PetitionDraft, submit_petition
from portal.models import Agency, Petition, User
from portal.models.base import utcnow

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

# (category, title, content, ward code in Đà Nẵng (province 48), story)
DEMO_PETITIONS = [
    ("giao-thong", "Ổ gà lớn trên đường Nguyễn Văn Linh",
     "Đoạn đường Nguyễn Văn Linh gần ngã tư Hàm Nghi xuất hiện nhiều ổ gà sâu, trời mưa đọng nước, "
     "xe máy đã ngã mấy lần. Đề nghị cơ quan chức năng sớm sửa chữa.", "published"),
    ("ha-tang-do-thi", "Đèn đường không sáng",
     "Toàn bộ đèn chiếu sáng trên kiệt 42 Lê Duẩn đã tắt hơn hai tuần, buổi tối rất tối, người dân đi lại "
     "không an toàn. Mong được sửa sớm.", "published"),
    ("moi-truong", "Mùi hôi từ cơ sở chăn nuôi",
     "Cơ sở chăn nuôi heo trong khu dân cư xả nước thải ra mương, mùi hôi nồng nặc cả ngày, "
     "nhất là buổi chiều. Đề nghị kiểm tra và xử lý.", "closed"),
    ("trat-tu-xay-dung", "Xây dựng lấn chiếm vỉa hè",
     "Một quán ăn trên đường Hùng Vương dựng mái che kiên cố lấn hết vỉa hè, người đi bộ phải xuống lòng "
     "đường. Đề nghị kiểm tra, xử lý.", "in_progress"),
    ("dat-dai", "Chậm cấp giấy chứng nhận quyền sử dụng đất",
     "Gia đình tôi nộp hồ sơ cấp sổ đỏ từ tháng trước, đến nay đã quá hẹn nhưng chưa nhận được kết quả, "
     "cũng không được giải thích lý do.", "assigned"),
    ("moi-truong", "Rác thải tồn đọng nhiều ngày",
     "Điểm tập kết rác đầu hẻm 15 Trần Cao Vân không được thu gom ba ngày nay, rác tràn ra đường, "
     "bốc mùi, ruồi nhặng nhiều.", "answered"),
    ("giao-thong", "Biển báo bị che khuất",
     "Biển báo cấm rẽ trái ở nút giao Điện Biên Phủ bị cây che khuất hoàn toàn, nhiều xe rẽ sai và bị phạt, "
     "đề nghị tỉa cây hoặc dời biển.", "transferred"),
    ("ha-tang-do-thi", "Ngập úng sau mưa",
     "Mỗi khi mưa lớn, đường Tôn Đức Thắng đoạn trước chợ ngập sâu gần nửa mét, cống thoát nước bị tắc. "
     "Đề nghị nạo vét cống.", "extended"),
    ("thu-tuc-hanh-chinh", "Dịch vụ công trực tuyến báo lỗi thanh toán",
     "Tôi nộp hồ sơ trên cổng dịch vụ công và thanh toán phí nhưng hệ thống báo lỗi, tiền đã bị trừ mà "
     "hồ sơ vẫn ở trạng thái chưa thanh toán.", "returned"),
    ("khac", "Góp ý tổ chức lễ hội",
     "Đề nghị ban tổ chức lễ hội pháo hoa năm nay bố trí thêm bãi giữ xe và nhà vệ sinh công cộng "
     "cho người dân và du khách.", "received"),
    ("an-ninh-trat-tu", "Thanh niên tụ tập đua xe ban đêm",
     "Khoảng 23 giờ đêm, nhiều nhóm thanh niên tụ tập đua xe, rú ga trên đường ven biển, gây mất trật tự "
     "và nguy hiểm cho người đi đường.", "rejected"),
    ("giao-duc", "Khoản thu đầu năm học",
     "Trường tiểu học thu nhiều khoản ngoài quy định như quỹ lớp, tiền máy lạnh, đề nghị kiểm tra tính "
     "hợp lý của các khoản thu này.", "withdrawn"),
]


def create_demo_users(session) -> list[tuple[str, str, str]]:
    """Accounts with passwords generated now, returned so they can be printed once."""
    agencies = {a.code: a for a in session.query(Agency).all()}
    created = []
    for email, name, role, agency_code in DEMO_USERS:
        password = secrets.token_urlsafe(9)
        user = User(email=email, full_name=name, role=role, agency=agencies.get(agency_code))
        user.set_password(password)
        session.add(user)
        created.append((email, role, password))
    session.flush()
    return created


def create_demo_petitions(session, copies: int = 3) -> int:
    """Petitions in every state, spread over the last two months, made through the domain rules."""
    users = {u.role + (u.agency.code if u.agency else ""): u for u in session.query(User).all()}
    wards = ["20275", "20224", "20200", "20257", "20260", "20314"]
    count = 0
    for copy in range(copies):
        for index, (category, title, content, story) in enumerate(DEMO_PETITIONS):
            days_ago = 3 + (index * 5 + copy * 17) % 55
            draft = PetitionDraft(content=content, title=title,
                                  category_code=category, province_code="48",
                                  ward_code=wards[(index + copy) % len(wards)],
                                  reporter_name="Nguyễn Văn An", reporter_phone="0905123456",
                                  channel=("web", "hotline", "web", "email")[(index + copy) % 4])
            petition, _ = submit_petition(session, draft, triage=story == "received")
            _play_story(session, petition, story, users)
            session.flush()
            _age(session, petition, days_ago)
            count += 1
    return count


def _age(session, petition: Petition, days_ago: int) -> None:
    """Move a played story back in time: the steps spread over the days after receipt, due dates recounted."""
    shift = timedelta(days=days_ago)
    created = petition.created_at - shift
    petition.created_at = created
    events = petition.events.all()
    # Steps a working day apart, all of them in the past.
    step_gap = min(timedelta(hours=20), (shift - timedelta(hours=1)) / max(len(events), 1))
    for step, event in enumerate(events):
        event.at = created + step_gap * step
    for column in ("answered_at", "published_at", "closed_at"):
        if getattr(petition, column):
            setattr(petition, column, max(e.at for e in events))
    for answer in petition.answers:
        answer.created_at = answer.submitted_at = created + step_gap * (len(events) - 2)
        if answer.approved_at:
            answer.approved_at = petition.published_at
    if petition.due_date:
        due = calendar.due_date_for(created, petition.category.deadline_days)
        petition.due_date = calendar.add_working_days(due, 5) if petition.extension_used else due
        for assignment in petition.assignments:
            assignment.due_date = petition.due_date


def _play_story(session, petition: Petition, story: str, users: dict) -> None:
    agency_code = petition.agency.code if petition.agency else ""
    officer = users.get("agency_officer" + agency_code)
    head = users.get("agency_head" + agency_code)
    coordinator = users.get("coordinatorVP-UBND")
    if story == "received":
        return  # waits in the coordinator's triage queue
    if story == "rejected":
        return _reject_after_return(session, petition, coordinator)
    if story == "withdrawn":
        lifecycle.transition(session, petition, "withdrawn", note="Người gửi đề nghị rút phản ánh.")
        return
    if story == "assigned":
        return
    if story == "returned":
        workflow.return_to_coordinator(session, petition, officer,
                                       "Nội dung thuộc lĩnh vực thanh toán trực tuyến, đề nghị chuyển đơn vị phù hợp.")
        return
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
    if story == "in_progress":
        return
    workflow.submit_answer(session, petition, officer,
                           "<p>Cơ quan đã kiểm tra hiện trường và chỉ đạo đơn vị quản lý khắc phục trong 5 ngày. "
                           "Cảm ơn ông Nguyễn Văn An (0905 123 456) đã phản ánh.</p>")
    if story == "answered":
        return
    workflow.approve_answer(session, petition, head)
    if story == "closed":
        lifecycle.transition(session, petition, "closed", note="Người dân xác nhận vấn đề đã được giải quyết.")


def _reject_after_return(session, petition: Petition, coordinator) -> None:
    lifecycle.transition(session, petition, "returned", note="Nội dung thuộc thẩm quyền cơ quan trung ương.")
    lifecycle.transition(session, petition, "rejected", actor=coordinator,
                         note="Không thuộc thẩm quyền của tỉnh; đã hướng dẫn người dân gửi đến cơ quan có thẩm quyền.")
