"""The hotline console's forms (a call, a follow-up call) and the file import's."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from portal.web.pin_and_photos import PinAndPhotos


class CallForm(PinAndPhotos, FlaskForm):
    """A call, with the photos a caller sent (by Zalo or e-mail) and the place on the map."""

    summary = TextAreaField(_l("Tóm tắt cuộc gọi"), validators=[DataRequired(_l("Ghi tóm tắt cuộc gọi.")),
                                                                Length(min=20, max=10000)])
    caller_name = StringField(_l("Họ tên người gọi"), validators=[Optional(), Length(max=255)])
    caller_phone = StringField(_l("Số điện thoại người gọi"), validators=[Optional(), Length(max=32)])
    callback = BooleanField(_l("Người gọi đồng ý được gọi lại"))
    # An immediate danger (a fallen tree on a live wire, a flood, a fire): due in working hours, not days.
    urgent = BooleanField(_l("Khẩn cấp"))
    province_code = SelectField(_l("Tỉnh, thành phố"), validate_choice=False)
    ward_code = SelectField(_l("Xã, phường, đặc khu"), validate_choice=False)
    address = StringField(_l("Địa điểm cụ thể"), validators=[Optional(), Length(max=500)])
    category = SelectField(_l("Lĩnh vực"), validate_choice=False)
    # A question the caller wants put to a leader at an upcoming reception day or dialogue (domain/dialogue.ask_ahead).
    dialogue_session = SelectField(_l("Câu hỏi cho buổi tiếp dân, đối thoại sắp tới"), validate_choice=False)
    checked = HiddenField()


class FollowUpForm(FlaskForm):
    summary = TextAreaField(_l("Tóm tắt cuộc gọi"), validators=[DataRequired(), Length(max=2000)])


class ImportForm(FlaskForm):
    upload = FileField(_l("Tệp CSV (UTF-8) hoặc Excel (.xlsx)"))
