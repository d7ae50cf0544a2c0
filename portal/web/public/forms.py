from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from portal.domain.petitions import CONTENT_MAX, CONTENT_MIN


class PetitionForm(FlaskForm):
    """The citizen's form. Length limits here give quick feedback; the domain checks again."""

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
