"""The administrator's forms and the choices they offer: routing rules, calendar days, categories, agencies,
accounts; each record's edit form."""
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, EmailField, SelectField, StringField
from wtforms.validators import DataRequired, Email, Length, Optional

from portal.domain import places
from portal.extensions import db
from portal.models import ROLE_LABELS, ROLES, Agency

REQUIRED = _l("Trường này không được để trống.")


def agency_choices() -> list[tuple[str, str]]:
    """Every agency, the inactive ones too: an administrator may still route to or edit them."""
    return [(a.code, a.name) for a in db.session.query(Agency).order_by(Agency.name)]


def location_choices(form, province_code: str) -> None:
    """Provinces, and the wards of the chosen province (static/js/wards.js reloads them when it changes)."""
    form.province_code.choices = [("", "—")] + places.provinces()
    form.ward_code.choices = [("", "—")] + places.wards_of(province_code or "")


def role_label(role: str) -> str:
    """A role as people call it ("Lãnh đạo cơ quan"), in the page's language."""
    vietnamese, english = ROLE_LABELS.get(role, (role, role))
    return english if str(get_locale() or "vi") == "en" else vietnamese


def role_choices() -> list[tuple[str, str]]:
    return [(role, role_label(role)) for role in ROLES]


class RuleForm(FlaskForm):
    category = SelectField(_l("Lĩnh vực"))
    agency = SelectField(_l("Cơ quan xử lý"))
    province_code = SelectField(_l("Tỉnh (không bắt buộc)"), validate_choice=False)
    ward_code = SelectField(_l("Xã/phường (không bắt buộc)"), validate_choice=False)


class DayForm(FlaskForm):
    day = DateField(_l("Ngày"), validators=[DataRequired()])
    kind = SelectField(_l("Loại"), choices=[("off", _l("Ngày nghỉ thêm")), ("work", _l("Ngày làm bù"))])
    note = StringField(_l("Ghi chú"), validators=[Optional(), Length(max=255)])


class AgencyForm(FlaskForm):
    code = StringField(_l("Mã cơ quan"), validators=[DataRequired(), Length(max=32)])
    name = StringField(_l("Tên cơ quan"), validators=[DataRequired(), Length(max=255)])


class UserForm(FlaskForm):
    email = EmailField(_l("Thư điện tử"), validators=[DataRequired(), Email(), Length(max=255)])
    full_name = StringField(_l("Họ và tên"), validators=[DataRequired(), Length(max=255)])
    role = SelectField(_l("Vai trò"), choices=[(r, r) for r in ROLES])
    agency = SelectField(_l("Cơ quan"), validate_choice=False)


class CategoryEditForm(FlaskForm):
    name = StringField(_l("Tên lĩnh vực"), validators=[DataRequired(REQUIRED), Length(max=255)])
    default_agency = SelectField(_l("Cơ quan mặc định"), validate_choice=False)
    deadline_days = StringField(_l("Thời hạn (ngày làm việc, 1–90)"), validators=[DataRequired(REQUIRED)],
                                render_kw={"inputmode": "numeric", "pattern": "[0-9]*"})


class AgencyEditForm(FlaskForm):
    name = StringField(_l("Tên cơ quan"), validators=[DataRequired(REQUIRED), Length(max=255)])
    description = StringField(_l("Mô tả"), validators=[Optional(), Length(max=500)])
    email = StringField(_l("Thư điện tử nhận thông báo"), validators=[Optional(), Length(max=255)])
    parent = SelectField(_l("Cơ quan cấp trên"), validate_choice=False)
    active = SelectField(_l("Trạng thái"), choices=[("1", _l("Đang hoạt động")), ("0", _l("Ngừng hoạt động"))],
                         validate_choice=False)


class RuleEditForm(FlaskForm):
    category = SelectField(_l("Lĩnh vực"), validate_choice=False)
    province_code = SelectField(_l("Tỉnh (không bắt buộc)"), validate_choice=False)
    ward_code = SelectField(_l("Xã/phường (không bắt buộc)"), validate_choice=False)
    agency = SelectField(_l("Cơ quan xử lý"), validate_choice=False)


class DayEditForm(FlaskForm):
    kind = SelectField(_l("Loại"), choices=[("off", _l("Ngày nghỉ thêm")), ("work", _l("Ngày làm bù"))],
                       validate_choice=False)
    note = StringField(_l("Ghi chú"), validators=[Optional(), Length(max=255)])


class AccountForm(FlaskForm):
    email = EmailField(_l("Thư điện tử"), validators=[DataRequired(REQUIRED), Email(_l("Thư điện tử không hợp lệ.")),
                                                      Length(max=255)])
    full_name = StringField(_l("Họ và tên"), validators=[DataRequired(REQUIRED), Length(max=255)])
    role = SelectField(_l("Vai trò"))
    agency = SelectField(_l("Cơ quan (cho chuyên viên và lãnh đạo cơ quan)"))


class AccountEditForm(AccountForm):
    active = BooleanField(_l("Được đăng nhập (bỏ chọn để khoá tài khoản)"))
