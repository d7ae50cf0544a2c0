"""Sign-in and password forms."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length


class LoginForm(FlaskForm):
    email = StringField(_l("Thư điện tử"), validators=[DataRequired(_l("Vui lòng nhập thư điện tử.")), Length(max=255)])
    password = PasswordField(_l("Mật khẩu"), validators=[DataRequired(_l("Vui lòng nhập mật khẩu.")), Length(max=200)])


class NewPasswordForm(FlaskForm):
    new_password = PasswordField(_l("Mật khẩu mới (ít nhất 10 ký tự)"), validators=[
        DataRequired(_l("Vui lòng nhập mật khẩu mới.")), Length(max=200)])
    confirm = PasswordField(_l("Nhập lại mật khẩu mới"), validators=[
        DataRequired(_l("Vui lòng nhập lại mật khẩu mới.")), EqualTo("new_password", _l("Hai mật khẩu không khớp."))])


class ChangePasswordForm(NewPasswordForm):
    current_password = PasswordField(_l("Mật khẩu hiện tại"), validators=[
        DataRequired(_l("Vui lòng nhập mật khẩu hiện tại.")), Length(max=200)])
