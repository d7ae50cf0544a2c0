""""Tôi cũng gặp vấn đề này" on /p/<code> (with and without JavaScript), the proof of work of the anonymous forms as
the pages use it, and the supporters in the agency's inbox and the coordinator's triage."""
import html
import re

from portal.domain.lifecycle import transition
from portal.models import Petition
from tests.conftest import VALID_CONTENT, csrf_token, form_post
from tests.domain.test_proof_of_work import solved
from tests.domain.test_support import published


def proof_of(page: str) -> str:
    """The answer pow.js would put in the form: the page's challenge, solved."""
    import json

    challenge = re.search(r'data-pow-challenge="([^"]+)"', page).group(1)
    return solved(json.loads(html.unescape(challenge)))


def supporters(db, petition) -> int:
    db.session.expire_all()
    return db.session.get(Petition, petition.id).supporters


def test_without_javascript_the_button_posts_counts_once_and_then_says_so(client, db, petition_factory, make_user):
    petition = published(db, petition_factory, make_user)
    page = client.get(f"/p/{petition.code}").get_data(as_text=True)
    assert "Tôi cũng gặp vấn đề này" in page and "<strong data-support-count>0</strong>" in page
    assert "tắt JavaScript" in page  # the noscript note: the form still works, under a stricter limit
    done = form_post(client, f"/p/{petition.code}/ung-ho", {}, page_url=f"/p/{petition.code}", follow_redirects=True)
    after = done.get_data(as_text=True)
    assert "đã được ghi nhận" in after and "<strong data-support-count>1</strong>" in after
    assert re.search(r"<button[^>]*disabled[^>]*>Bạn đã ủng hộ phản ánh này</button>", after)
    again = form_post(client, f"/p/{petition.code}/ung-ho", {}, page_url=f"/p/{petition.code}", follow_redirects=True)
    assert "Bạn đã ủng hộ phản ánh này rồi" in again.get_data(as_text=True) and supporters(db, petition) == 1


def test_with_javascript_it_answers_json_and_the_proof_is_spent_once(client, db, petition_factory, make_user):
    petition = published(db, petition_factory, make_user)
    page = client.get(f"/p/{petition.code}").get_data(as_text=True)
    data = {"csrf_token": csrf_token(page), "proof": proof_of(page)}
    first = client.post(f"/p/{petition.code}/ung-ho", data=data, headers={"Accept": "application/json"})
    assert first.status_code == 200 and first.get_json() == {"supporters": 1, "counted": True}
    client.delete_cookie("supporter")  # another browser replaying the same answer
    replay = client.post(f"/p/{petition.code}/ung-ho", data=data, headers={"Accept": "application/json"})
    assert replay.status_code == 422 and replay.get_json()["error"]["code"] == "proof_refused"
    assert "đã được gửi rồi" in replay.get_json()["error"]["message"] and supporters(db, petition) == 1


def test_a_closed_petition_shows_its_count_without_the_button(client, db, petition_factory, make_user):
    petition = published(db, petition_factory, make_user)
    page = client.get(f"/p/{petition.code}").get_data(as_text=True)
    transition(db.session, petition, "closed")
    db.session.commit()
    closed = client.get(f"/p/{petition.code}").get_data(as_text=True)
    assert "data-support-count" in closed and "Tôi cũng gặp vấn đề này</button>" not in closed
    late = client.post(f"/p/{petition.code}/ung-ho", data={"csrf_token": csrf_token(page)}, follow_redirects=True)
    assert "đã kết thúc" in late.get_data(as_text=True) and supporters(db, petition) == 0
    assert client.post("/p/PA-2026-999999/ung-ho", data={"csrf_token": csrf_token(page)}).status_code == 404


def test_posts_without_a_proof_get_the_stricter_limit_and_proven_ones_do_not(client, app, db, petition_factory,
                                                                             make_user):
    petition = published(db, petition_factory, make_user)
    url, page_url = f"/p/{petition.code}/ung-ho", f"/p/{petition.code}"
    unproven = []
    for _ in range(6):
        client.delete_cookie("supporter")
        unproven.append(form_post(client, url, {}, page_url=page_url).status_code)
    assert unproven == [302] * 5 + [429]
    client.delete_cookie("supporter")
    page = client.get(page_url).get_data(as_text=True)
    proven = client.post(url, data={"csrf_token": csrf_token(page), "proof": proof_of(page)})
    assert proven.status_code == 302 and supporters(db, petition) == 6


def test_a_proof_turned_off_puts_no_challenge_and_no_stricter_limit(client, app, db, petition_factory, make_user):
    petition = published(db, petition_factory, make_user)
    app.config["POW_MAX_NUMBER"] = 0
    try:
        assert "data-pow-challenge" not in client.get("/gui-phan-anh").get_data(as_text=True)
        statuses = []
        for _ in range(6):
            client.delete_cookie("supporter")
            statuses.append(form_post(client, f"/p/{petition.code}/ung-ho", {}, page_url=f"/p/{petition.code}").status_code)
    finally:
        app.config["POW_MAX_NUMBER"] = 1000
    assert statuses == [302] * 6


def test_the_petition_form_takes_a_proof_once_and_says_what_to_do_with_a_replayed_one(client, db):
    page = client.get("/gui-phan-anh").get_data(as_text=True)
    data = {"csrf_token": csrf_token(page), "content": VALID_CONTENT, "category": "giao-thong",
            "proof": proof_of(page)}
    sent = client.post("/gui-phan-anh", data={**data, "submission_token": "a" * 32})
    assert sent.status_code == 302
    replay = client.post("/gui-phan-anh", data={**data, "submission_token": "b" * 32})
    assert replay.status_code == 422
    assert "Biểu mẫu này đã được gửi rồi. Vui lòng tải lại trang rồi gửi lại." in replay.get_data(as_text=True)
    assert db.session.query(Petition).count() == 1


def test_the_inbox_shows_supporters_and_sorts_by_them(client, db, petition_factory, make_user, login_as):
    few, many = (published(db, petition_factory, make_user) for _ in range(2))
    few.supporters, many.supporters = 2, 9
    db.session.commit()
    login_as("agency_officer", "SO-XD")
    newest_first = client.get("/co-quan/?tab=done").get_data(as_text=True)
    assert newest_first.index(many.code) < newest_first.index(few.code)  # the tab's own order: newest first
    assert "Cũng gặp" in newest_first and 'id="sort-supporters"' in newest_first
    few.supporters = 12
    db.session.commit()
    by_support = client.get("/co-quan/?tab=done&sort=supporters").get_data(as_text=True)
    assert by_support.index(few.code) < by_support.index(many.code)
    assert '<td class="supporters" data-label="Cũng gặp">12</td>' in by_support
    assert 'aria-sort="descending"' in by_support


def test_the_triage_list_shows_supporters(client, db, petition_factory, login_as):
    waiting = petition_factory(triage=True)
    waiting.supporters = 3
    db.session.commit()
    login_as("coordinator")
    page = client.get("/co-quan/dieu-phoi").get_data(as_text=True)
    assert waiting.code in page and '<td class="supporters" data-label="Cũng gặp">3</td>' in page
