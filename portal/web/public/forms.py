from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from portal.domain.petitions import CONTENT_MAX, CONTENT_MIN


class PetitionForm(FlaskForm):
    """The citizen's form. Length limits here give quick feedback; the domain checks again."""

    submission_token = HiddenField()
    title = StringField("Tiêu đề (không bắt buộc)", validators=[Optional(), Length(max=255)])
    content = TextAreaField(
        "Nội dung phản ánh, kiến nghị",
        validators=[DataRequired("Vui lòng nhập nội dung phản ánh."),
                    Length(min=CONTENT_MIN, max=CONTENT_MAX,
                           message=f"Nội dung cần từ {CONTENT_MIN} đến {CONTENT_MAX} ký tự.")],
    )
    category = SelectField("Lĩnh vực", validate_choice=False)
    province_code = SelectField("Tỉnh, thành phố", validate_choice=False)
    ward_code = SelectField("Xã, phường, đặc khu", validate_choice=False)
    address = StringField("Địa chỉ, địa điểm cụ thể", validators=[Optional(), Length(max=500)])
    reporter_name = StringField("Họ và tên", validators=[Optional(), Length(max=255)])
    reporter_phone = StringField("Số điện thoại", validators=[Optional(), Length(max=32)])
    reporter_email = StringField("Thư điện tử", validators=[Optional(), Length(max=255)])
    consent_public = BooleanField("Tôi đồng ý công khai nội dung phản ánh và câu trả lời (đã ẩn thông tin cá nhân)",
                                  default=True)


class TrackForm(FlaskForm):
    code = StringField("Mã phản ánh", validators=[DataRequired("Vui lòng nhập mã phản ánh."), Length(max=32)])
    secret = StringField("Mật mã tra cứu", validators=[DataRequired("Vui lòng nhập mật mã tra cứu."), Length(max=32)])
