from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, DateField, HiddenField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import AnyOf, DataRequired, Length, Optional, Regexp

REQUIRED = DataRequired(_l("Vui lòng điền mục này."))


class VersionedForm(FlaskForm):
    """Every action carries the version of the petition the page showed (optimistic locking)."""

    version = HiddenField(validators=[Optional(), Regexp(r"^[0-9]{1,9}$", message=_l(
        "Trang đã cũ hoặc không hợp lệ. Vui lòng tải lại trang rồi thực hiện lại."))])


class ReasonForm(VersionedForm):
    reason = TextAreaField(_l("Lý do"), validators=[REQUIRED, Length(max=2000)])


class PriorityForm(VersionedForm):
    """The coordinator marks an item urgent or takes the mark off (routing.set_priority), saying why."""

    priority = HiddenField(validators=[REQUIRED, AnyOf(("normal", "urgent"))])
    reason = StringField(_l("Lý do"), validators=[Optional(), Length(max=500)])


class TransferForm(VersionedForm):
    agency = SelectField(_l("Chuyển đến cơ quan"), validators=[REQUIRED])
    reason = TextAreaField(_l("Lý do chuyển"), validators=[REQUIRED, Length(max=2000)])


class ExtensionForm(VersionedForm):
    new_due_date = DateField(_l("Đề nghị gia hạn đến ngày"), validators=[DataRequired(_l("Chọn ngày gia hạn."))])
    reason = TextAreaField(_l("Lý do xin gia hạn"), validators=[REQUIRED, Length(max=2000)])


class CoordinationForm(VersionedForm):
    agency = SelectField(_l("Cơ quan phối hợp"), validators=[REQUIRED])
    note = TextAreaField(_l("Nội dung đề nghị phối hợp"), validators=[REQUIRED, Length(max=2000)])


class AnswerForm(VersionedForm):
    content = TextAreaField(_l("Nội dung trả lời"), validators=[REQUIRED, Length(max=20000)])
    attachment = FileField(_l("Tệp đính kèm (PDF, JPEG, PNG)"))


class ApproveForm(VersionedForm):
    """The public version the head approves; a field the request leaves out is the redaction's proposal."""

    public_title = StringField(_l("Tiêu đề sẽ công khai"), validators=[Optional(), Length(max=255)])
    public_content = TextAreaField(_l("Nội dung phản ánh sẽ công khai (đã ẩn thông tin cá nhân)"),
                                   validators=[Optional(), Length(max=10000)])
    published_html = TextAreaField(_l("Câu trả lời sẽ công khai (đã ẩn thông tin cá nhân)"),
                                   validators=[Optional(), Length(max=20000)])
    preview = SubmitField(_l("Xem lại bản công khai"))

    def given(self, name: str) -> str | None:
        """The field as submitted, or None when the request did not send it at all."""
        field = getattr(self, name)
        return field.data if field.raw_data else None


class AssignForm(VersionedForm):
    """The coordinator's assignment: all five "rõ"."""

    category = SelectField(_l("Lĩnh vực"), validators=[REQUIRED])
    agency = SelectField(_l("Cơ quan chủ trì (rõ trách nhiệm)"), validators=[REQUIRED])
    responsible_official = StringField(_l("Người chịu trách nhiệm (rõ người)"), validators=[REQUIRED, Length(max=255)])
    task = TextAreaField(_l("Nội dung công việc (rõ việc)"), validators=[REQUIRED, Length(max=2000)])
    coordinating_agencies = StringField(_l("Cơ quan phối hợp"), validators=[Optional(), Length(max=500)])
    due_date = DateField(_l("Thời hạn (rõ thời gian)"), validators=[DataRequired(_l("Chọn thời hạn."))])
    expected_result = TextAreaField(_l("Kết quả cần đạt (rõ hiệu quả)"), validators=[REQUIRED, Length(max=2000)])
    # What the page first showed: a rõ người or deadline left as shown follows a changed agency or category.
    shown_agency = HiddenField()
    shown_official = HiddenField()
    shown_category = HiddenField()
    shown_due_date = HiddenField()


class ExtensionDecisionForm(FlaskForm):
    decision = SelectField(_l("Quyết định"), choices=[("grant", _l("Đồng ý gia hạn")), ("refuse", _l("Không đồng ý"))])
    new_due_date = DateField(_l("Gia hạn đến ngày (để trống: theo đề nghị)"), validators=[Optional()])
    note = TextAreaField(_l("Lý do"), validators=[REQUIRED, Length(max=2000)])


class ExplanationForm(FlaskForm):
    body = TextAreaField(_l("Nội dung giải trình: nguyên nhân và biện pháp khắc phục"),
                         validators=[REQUIRED, Length(max=20000)])


class PhotoDecisionForm(FlaskForm):
    """The head's decision on one photo; `regions` holds what static/js/photo-blur.js drew, as JSON fractions."""

    publish = BooleanField(_l("Công bố ảnh này cùng câu trả lời"))
    regions = HiddenField(validators=[Length(max=2000, message=_l("Vùng che mờ không hợp lệ. Vui lòng vẽ lại."))])


class RejectForm(VersionedForm):
    """A coordinator's rejection, or an agency head's proposal of one (workflow.reject): a reason from the list and
    a note the sender reads. The domain checks both; the choices are filled from rejections.REASONS."""

    reason = SelectField(_l("Lý do từ chối"), validators=[REQUIRED])
    note = TextAreaField(_l("Lời giải thích gửi người phản ánh"), validators=[REQUIRED, Length(max=1000)])

    def __init__(self, *args, **kwargs):
        from flask_babel import get_locale

        from portal.domain.rejections import REASONS, reason_label

        super().__init__(*args, **kwargs)
        locale = str(get_locale() or "vi")
        self.reason.choices = [(code, reason_label(code, locale)) for code in REASONS]


class AnswerTemplateForm(FlaskForm):
    """A head's answer template; the category's choices are filled by the page."""

    kind = SelectField(_l("Loại mẫu"), choices=[("answer", _l("Trả lời")), ("rejection", _l("Từ chối"))],
                       validators=[REQUIRED])
    category = SelectField(_l("Lĩnh vực"), validators=[Optional()])
    title = StringField(_l("Tên mẫu"), validators=[REQUIRED, Length(max=120)])
    body = TextAreaField(_l("Nội dung mẫu"), validators=[REQUIRED, Length(max=10000)])
