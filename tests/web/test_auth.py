"""Sign-in: lockout, no open redirects, a fresh session at sign-in, sign-out by POST only."""
from tests.conftest import form_post, login


def test_wrong_passwords_lock_the_account(client, make_user, app):
    user = make_user("agency_officer", "SO-XD")
    app.config["RATELIMIT_ENABLED"] = True
    for _ in range(5):
        response = form_post(client, "/dang-nhap/", {"email": user.email, "password": "sai-mat-khau"})
        assert response.status_code in (401, 429)
    locked = form_post(client, "/dang-nhap/", {"email": user.email, "password": user.plain_password})
    assert locked.status_code in (401, 429)
    assert "tạm khoá" in locked.get_data(as_text=True) or locked.status_code == 429


def test_unknown_email_and_wrong_password_answer_alike(client, make_user):
    user = make_user("agency_officer", "SO-XD")
    wrong = form_post(client, "/dang-nhap/", {"email": user.email, "password": "sai"})
    unknown = form_post(client, "/dang-nhap/", {"email": "khong-co@x.vn", "password": "sai"})
    assert wrong.status_code == unknown.status_code == 401
    assert "Thư điện tử hoặc mật khẩu không đúng" in unknown.get_data(as_text=True)


def test_next_never_leads_off_site(client, make_user):
    user = make_user("agency_officer", "SO-XD")
    for target in ("//evil.example/x", "https://evil.example", "/\\evil.example", "javascript:alert(1)"):
        client.get("/")
        response = form_post(client, f"/dang-nhap/?next={target}", {"email": user.email,
                                                                      "password": user.plain_password},
                             page_url="/dang-nhap/")
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/") and "evil" not in response.headers["Location"]
        form_post(client, "/dang-nhap/thoat", {}, page_url="/co-quan/")
    inside = form_post(client, "/dang-nhap/?next=/co-quan/?due=overdue", {"email": user.email,
                                                                          "password": user.plain_password},
                       page_url="/dang-nhap/")
    assert inside.headers["Location"] == "/co-quan/?due=overdue"


def test_session_cookie_changes_at_sign_in(client, make_user):
    user = make_user("agency_officer", "SO-XD")
    client.get("/dang-nhap/")
    before = client.get_cookie("session").value
    login(client, user)
    assert client.get_cookie("session").value != before


def test_staff_pages_need_sign_in_and_the_right_role(client, login_as):
    assert client.get("/co-quan/").status_code == 302
    login_as("operator")
    assert client.get("/co-quan/").status_code == 403
    assert client.get("/ban-dan-van/").status_code == 403
