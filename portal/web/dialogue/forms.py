"""The secretariat's forms: a dialogue session, a petition raised there, pasted minutes, the conclusion notice."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateTimeLocalField, FieldList, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from portal.web.pin_and_photos import PinAndPhotos


class SessionForm(FlaskForm):
    """A session planned ahead (for the public calendar) or recorded after the fact. With an office chosen, the
    leader, office and level come from it (portal/domain/leaders.py); else they are typed."""

    kind = SelectField(_l("Loại buổi"), default="dialogue", choices=[("dialogue", _l("Đối thoại trực tiếp")),
                                                                    ("reception", _l("Tiếp công dân định kỳ"))])
    office = SelectField(_l("Chức danh lãnh đạo"), validate_choice=False)
    target_group = SelectField(_l("Nhóm đối tượng"), validate_choice=False)
    leader_name = StringField(_l("Người chủ trì đối thoại"), validators=[Optional(), Length(max=255)])
    leader_office = StringField(_l("Chức vụ, cơ quan"), validators=[Optional(), Length(max=255)])
    level = SelectField(_l("Cấp"), choices=[("province", _l("Cấp tỉnh")), ("commune", _l("Cấp xã"))])
    held_at = DateTimeLocalField(_l("Thời gian"), validators=[DataRequired(_l("Chọn ngày giờ."))])
    venue = StringField(_l("Địa điểm"), validators=[DataRequired(), Length(max=255)])
    participants = IntegerField(_l("Số người tham dự"), default=0, validators=[Optional(), NumberRange(0, 100000)])
    topics = TextAreaField(_l("Chủ đề"), validators=[Optional(), Length(max=5000)])


class PetitionAtSessionForm(PinAndPhotos, FlaskForm):
    """A petition raised at the session, with the photos a citizen handed in and the place on the map."""

    content = TextAreaField(_l("Nội dung kiến nghị"), validators=[DataRequired(), Length(min=20, max=10000)])
    citizen_name = StringField(_l("Người nêu kiến nghị (không bắt buộc)"), validators=[Optional(), Length(max=255)])
    category = SelectField(_l("Lĩnh vực"), validate_choice=False)
    province_code = SelectField(_l("Tỉnh, thành phố"), validate_choice=False)
    ward_code = SelectField(_l("Xã, phường, đặc khu nơi xảy ra"), validate_choice=False)
    address = StringField(_l("Địa chỉ cụ thể (số nhà, đường, thôn, tổ)"), validators=[Optional(), Length(max=500)])
    instruction = TextAreaField(_l("Ý kiến chỉ đạo của lãnh đạo (nội dung giao việc)"),
                                validators=[Optional(), Length(max=2000)])


class MinutesForm(FlaskForm):
    minutes = TextAreaField(_l("Dán biên bản buổi đối thoại"), validators=[Optional(), Length(max=100000)])
    items = FieldList(TextAreaField(_l("Kiến nghị")), min_entries=0)


class ConclusionForm(FlaskForm):
    conclusion = TextAreaField(_l("Thông báo kết luận"), validators=[DataRequired(), Length(max=50000)])


class EmptyForm(FlaskForm):
    pass
