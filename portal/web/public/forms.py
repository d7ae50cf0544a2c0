"""The citizens' forms: send, track, search, rate a published answer, erase one's contact details."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from portal.domain.petitions import CONTENT_MAX, CONTENT_MIN
from portal.domain.ratings import ELEMENT_LABELS, SCORE_ELEMENTS
from portal.web.pin_and_photos import PinAndPhotos


class PetitionForm(PinAndPhotos, FlaskForm):
    """The citizen's form, with photos and a map pin. Length limits here give quick feedback; the domain checks
    again."""

    submission_token = HiddenField()
    title = StringField(_l("Tiêu đề (không bắt buộc)"), validators=[Optional(), Length(max=255)])
    content = TextAreaField(
        _l("Nội dung phản ánh, kiến nghị"),
        validators=[DataRequired(_l("Vui lòng nhập nội dung phản ánh.")),
                    Length(min=CONTENT_MIN, max=CONTENT_MAX,
                           message=_l("Nội dung cần từ %(low)s đến %(high)s ký tự.", low=CONTENT_MIN, high=CONTENT_MAX))],
    )
    category = SelectField(_l("Lĩnh vực"), validate_choice=False)
    province_code = SelectField(_l("Tỉnh, thành phố"), validate_choice=False)
    ward_code = SelectField(_l("Xã, phường, đặc khu"), validate_choice=False)
    address = StringField(_l("Địa chỉ, địa điểm cụ thể"), validators=[Optional(), Length(max=500)])
    reporter_name = StringField(_l("Họ và tên"), validators=[Optional(), Length(max=255)])
    reporter_phone = StringField(_l("Số điện thoại"), validators=[Optional(), Length(max=32)])
    reporter_email = StringField(_l("Thư điện tử"), validators=[Optional(), Length(max=255)])
    consent_public = BooleanField(_l("Tôi đồng ý công khai nội dung phản ánh và câu trả lời (đã ẩn thông tin cá nhân)"),
                                  default=True)


class TrackForm(FlaskForm):
    code = StringField(_l("Mã phản ánh"), validators=[DataRequired(_l("Vui lòng nhập mã phản ánh.")), Length(max=32)])
    secret = StringField(_l("Mật mã tra cứu"), validators=[DataRequired(_l("Vui lòng nhập mật mã tra cứu.")), Length(max=32)])



def known_choice(form, field):
    """A filter read from the address bar must be one the page offers (WTForms has no Vietnamese message)."""
    if field.data and field.data not in {value for value, _label in field.choices}:
        raise ValidationError(_l("Lựa chọn không hợp lệ."))


ANY = _l("Tất cả")


class SearchForm(FlaskForm):
    """The public search: words and filters, read from the query string (a GET form changes nothing, so no CSRF)."""

    class Meta:
        csrf = False

    q = StringField(_l("Từ khoá"), validators=[Optional(), Length(max=200)])
    category = SelectField(_l("Lĩnh vực"), validate_choice=False, validators=[known_choice])
    status = SelectField(_l("Trạng thái"), validate_choice=False, validators=[known_choice],
                         choices=[("", ANY), ("published", _l("Đã trả lời")), ("closed", _l("Đã kết thúc"))])
    period = SelectField(_l("Thời gian trả lời"), validate_choice=False, validators=[known_choice],
                         choices=[("", _l("Bất kỳ lúc nào")), ("30", _l("30 ngày qua")), ("90", _l("90 ngày qua")),
                                  ("365", _l("12 tháng qua"))])
    province_code = SelectField(_l("Tỉnh, thành phố"), validate_choice=False, validators=[known_choice])
    ward_code = SelectField(_l("Xã, phường"), validate_choice=False, validators=[known_choice])


class ErasureForm(FlaskForm):
    token = HiddenField()
    confirm = BooleanField(_l("Tôi hiểu và muốn xoá họ tên, số điện thoại, thư điện tử và địa chỉ của tôi khỏi phản "
                              "ánh này."),
                           validators=[DataRequired(_l("Vui lòng đánh dấu ô xác nhận để xoá."))])


SCALE = [("1", _l("1 — Rất không hài lòng")), ("2", "2"), ("3", "3"), ("4", "4"), ("5", _l("5 — Rất hài lòng"))]


class RatingForm(FlaskForm):
    token = HiddenField()
    resolved = RadioField(_l("Vấn đề của bạn đã được giải quyết chưa?"),
                          choices=[("yes", _l("Đã giải quyết")), ("no", _l("Chưa"))],
                          validators=[InputRequired(_l("Vui lòng chọn."))])
    comment = TextAreaField(_l("Nhận xét (không bắt buộc)"), validators=[Optional(), Length(max=2000)])


for element in SCORE_ELEMENTS:  # labelled in the page's language by the template (|sipas_element)
    setattr(RatingForm, element, RadioField(ELEMENT_LABELS[element][0], choices=SCALE,
                                            validators=[InputRequired(_l("Vui lòng chọn mức đánh giá."))]))


def calendar_date(form, field):
    """A date typed or picked as YYYY-MM-DD (what <input type="date"> sends), within the portal's calendar."""
    from datetime import date

    from portal.web.inputs import FIRST_DATE, LAST_DATE

    try:
        value = date.fromisoformat(field.data) if len(field.data) == 10 else None
    except ValueError:
        value = None
    if value is None or not FIRST_DATE <= value <= LAST_DATE:
        raise ValidationError(_l("Ngày cần có dạng năm-tháng-ngày, ví dụ 2026-05-01."))


class MapForm(FlaskForm):
    """The public map's filters, read from the query string like the search's (a GET form, so no CSRF)."""

    class Meta:
        csrf = False

    category = SelectField(_l("Lĩnh vực"), validate_choice=False, validators=[known_choice])
    status = SelectField(_l("Trạng thái"), validate_choice=False, validators=[known_choice],
                         choices=[("", ANY), ("published", _l("Đã trả lời")), ("closed", _l("Đã kết thúc"))])
    agency = SelectField(_l("Cơ quan trả lời"), validate_choice=False, validators=[known_choice])
    from_date = StringField(_l("Trả lời từ ngày"), validators=[Optional(), calendar_date])
    to_date = StringField(_l("Đến ngày"), validators=[Optional(), calendar_date])

    def validate_to_date(self, field):
        if field.data and self.from_date.data and not self.from_date.errors and field.data < self.from_date.data:
            raise ValidationError(_l("Ngày kết thúc không được trước ngày bắt đầu."))
