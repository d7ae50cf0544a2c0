"""One road to the public: only the stored public version the head approved is ever shown, searched or served."""
import html
import re
from datetime import datetime

from portal.domain import workflow
from portal.models import Petition
from tests.conftest import form_post, login

NAMED_TITLE = "Nguyễn Văn Bình phản ánh đèn đường hỏng"
PRIVATE_CONTENT = ("Tôi là Nguyễn Văn Bình, CCCD 001099012345, nhà ở kiệt 42 Lê Duẩn. Đèn đường trong kiệt đã tắt "
                   "hơn hai tuần, buổi tối rất tối, đề nghị sửa sớm.")
ANSWER = "<p>Sở đã thay bóng đèn ngày 20/11. Mọi thắc mắc xin gọi chị Trần Thị Lan 0905 123 456.</p>"


def answered(db, petition_factory, make_user, answer: str = ANSWER, **fields):
    fields.setdefault("content", PRIVATE_CONTENT)
    petition = petition_factory(category="giao-thong", **fields)
    workflow.submit_answer(db.session, petition, make_user("agency_officer", "SO-XD"), answer)
    db.session.commit()
    return petition


def published(db, petition_factory, make_user, **fields):
    petition = answered(db, petition_factory, make_user, **fields)
    workflow.approve_answer(db.session, petition, make_user("agency_head", "SO-XD"))
    db.session.commit()
    return petition


def text_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def test_a_title_with_a_name_is_published_redacted_on_every_public_page(client, db, petition_factory, make_user):
    petition = published(db, petition_factory, make_user, title=NAMED_TITLE)
    assert petition.public_title == "[họ tên] phản ánh đèn đường hỏng"
    for url in ("/", "/minh-bach", f"/p/{petition.code}"):
        page = text_of(client, url)
        assert "[họ tên] phản ánh đèn đường hỏng" in page, url
        assert "Nguyễn Văn Bình" not in page and "Bình" not in page, url


def test_public_search_finds_neither_the_name_of_a_title_nor_an_id_number_of_the_private_content(
        client, db, petition_factory, make_user):
    petition = published(db, petition_factory, make_user, title=NAMED_TITLE)
    assert petition.code in text_of(client, "/tim-kiem?q=đèn+đường+hỏng")  # the public words do find it
    for query in ("Nguyễn Văn Bình", "nguyen van binh", "001099012345", "0905 123 456"):
        assert petition.code not in text_of(client, f"/tim-kiem?q={query}"), query


def test_the_search_index_of_a_published_petition_holds_only_its_public_texts(db, petition_factory, make_user):
    petition = published(db, petition_factory, make_user, title=NAMED_TITLE)
    assert "001099012345" not in petition.search_public and "binh" not in petition.search_public
    assert "001099012345" in petition.search_staff  # staff still find it by the number


def test_a_merged_petitions_sender_reads_the_public_version_of_the_main_answer(client, db, petition_factory,
                                                                                make_user):
    from portal.domain.duplicates import merge_petitions

    main = answered(db, petition_factory, make_user)
    duplicate = petition_factory(category="giao-thong", content="Đèn đường kiệt 42 Lê Duẩn tắt lâu rồi, tối lắm.")
    merge_petitions(db.session, duplicate, main, make_user("coordinator", "VP-UBND"))
    workflow.approve_answer(db.session, main, make_user("agency_head", "SO-XD"))
    db.session.commit()
    page = form_post(client, "/tra-cuu", {"code": duplicate.code, "secret": duplicate.plain_secret}).get_data(
        as_text=True)
    assert "Sở đã thay bóng đèn" in page and "[số điện thoại]" in page
    for private in ("0905 123 456", "Trần Thị Lan", "001099012345", "Nguyễn Văn Bình"):
        assert private not in page, private


def test_the_sender_reads_the_public_version_of_the_answer_too(client, db, petition_factory, make_user):
    petition = published(db, petition_factory, make_user)
    page = form_post(client, "/tra-cuu", {"code": petition.code, "secret": petition.plain_secret}).get_data(
        as_text=True)
    assert "Sở đã thay bóng đèn" in page and "0905 123 456" not in page


def test_the_heads_preview_shows_the_public_page_with_every_hidden_span_marked(client, db, petition_factory,
                                                                                make_user):
    petition = answered(db, petition_factory, make_user, title=NAMED_TITLE,
                        answer="Kính gửi ông.\nSở đã:\n- thay bóng đèn\n- sửa tủ điện\nLiên hệ 0905 123 456.")
    login(client, make_user("agency_head", "SO-XD"))
    page = text_of(client, f"/co-quan/phan-anh/{petition.code}")
    preview = re.search(r'<article class="public-preview".*?</article>', page, re.S).group(0)
    assert '<mark class="pii" data-kind="name"' in preview and 'data-original="Nguyễn Văn Bình"' in preview
    assert 'data-kind="id_number"' in preview and 'data-kind="phone"' in preview
    # Rendered as the public will see it: a list and line breaks, not tags shown as text.
    assert "<li>thay bóng đèn</li>" in preview and "<br>" in preview and "&lt;" not in preview
    assert 'value="[họ tên] phản ánh đèn đường hỏng"' in page  # the title is an editable field


def test_a_number_left_in_the_public_text_is_warned_about(client, db, petition_factory, make_user):
    petition = answered(db, petition_factory, make_user)
    login(client, make_user("agency_head", "SO-XD"))
    url = f"/co-quan/phan-anh/{petition.code}"
    review = form_post(client, url + "/duyet", {
        "approve-version": str(petition.version), "approve-preview": "Xem lại bản công khai",
        "approve-public_title": "Đèn đường hỏng", "approve-public_content": "Người gửi có số 001099012345 báo hỏng.",
        "approve-published_html": "<p>Đã thay bóng.</p>"}, page_url=url)
    assert review.status_code == 200
    page = review.get_data(as_text=True)
    assert re.search(r'class="flash flash-error leftovers" role="alert">.*001099012345', page, re.S)
    db.session.refresh(petition)
    assert petition.status == "answered" and petition.public_content is None  # reviewing publishes nothing


def test_the_heads_edited_title_and_texts_are_exactly_what_the_public_sees(client, db, petition_factory, make_user):
    petition = answered(db, petition_factory, make_user, title=NAMED_TITLE)
    login(client, make_user("agency_head", "SO-XD"))
    url = f"/co-quan/phan-anh/{petition.code}"
    response = form_post(client, url + "/duyet", {
        "approve-version": str(petition.version), "approve-public_title": "Đèn kiệt 42 Lê Duẩn tắt hai tuần",
        "approve-public_content": "Đèn đường trong kiệt tắt.\r\nĐề nghị sửa sớm.",
        "approve-published_html": "Đã thay bóng ngày 20/11.\r\n- bóng mới\r\n- tủ điện mới"}, page_url=url)
    assert response.status_code == 302, response.get_data(as_text=True)[:1000]
    db.session.refresh(petition)
    assert petition.public_title == "Đèn kiệt 42 Lê Duẩn tắt hai tuần"
    assert petition.public_content == "Đèn đường trong kiệt tắt.\nĐề nghị sửa sớm."
    for url in ("/", "/minh-bach", f"/p/{petition.code}"):
        assert "Đèn kiệt 42 Lê Duẩn tắt hai tuần" in text_of(client, url), url
    public = text_of(client, f"/p/{petition.code}")
    assert "<p>Đã thay bóng ngày 20/11.</p>\n<ul><li>bóng mới</li><li>tủ điện mới</li></ul>" in public
    assert petition.code in text_of(client, "/tim-kiem?q=kiet+42")  # the edited title is what search reads


def test_an_empty_public_content_is_refused_in_the_heads_language(client, db, petition_factory, make_user):
    petition = answered(db, petition_factory, make_user)
    login(client, make_user("agency_head", "SO-XD"))
    url = f"/co-quan/phan-anh/{petition.code}"
    response = form_post(client, url + "/duyet", {"approve-version": str(petition.version),
                                                  "approve-public_content": "  ",
                                                  "approve-published_html": "<p>Đã thay bóng.</p>"}, page_url=url)
    assert response.status_code == 422
    assert "Nội dung phản ánh công khai không được để trống." in response.get_data(as_text=True)
    assert db.session.get(Petition, petition.id).status == "answered"


def field_values(page: str) -> dict:
    """The approval form's fields as a browser would send them back untouched."""
    title = re.search(r'<input[^>]*name="approve-public_title"[^>]*value="([^"]*)"', page).group(1)
    areas = {name: re.search(rf'<textarea[^>]*name="approve-{name}"[^>]*>\r?\n?(.*?)</textarea>', page, re.S).group(1)
             for name in ("public_content", "published_html")}
    return {"approve-public_title": html.unescape(title),
            **{f"approve-{name}": html.unescape(value).replace("\n", "\r\n") for name, value in areas.items()}}


def test_approving_through_the_api_publishes_exactly_what_the_untouched_web_form_publishes(
        client, db, petition_factory, make_user):
    from portal.domain.api_keys import create_key

    by_web = answered(db, petition_factory, make_user, title=NAMED_TITLE)
    by_api = answered(db, petition_factory, make_user, title=NAMED_TITLE)
    login(client, make_user("agency_head", "SO-XD"))
    url = f"/co-quan/phan-anh/{by_web.code}"
    values = field_values(text_of(client, url))
    response = form_post(client, url + "/duyet", {"approve-version": str(by_web.version), **values}, page_url=url)
    assert response.status_code == 302
    _, key = create_key(db.session, "head-key", "agency_head", "SO-XD")
    db.session.commit()
    assert client.post(f"/api/v1/petitions/{by_api.code}/approve",
                       headers={"Authorization": f"Bearer {key}"}).status_code == 200
    web, api = db.session.get(Petition, by_web.id), db.session.get(Petition, by_api.id)
    assert (web.public_title, web.public_content) == (api.public_title, api.public_content)
    assert web.public_title == "[họ tên] phản ánh đèn đường hỏng" and "001099012345" not in web.public_content
    web_answer, api_answer = (p.answers.filter_by(state="approved").one() for p in (web, api))
    assert web_answer.published_html == api_answer.published_html and "0905" not in web_answer.published_html


def test_a_plain_text_answer_keeps_its_line_breaks_and_lists_when_published(client, db, petition_factory,
                                                                          make_user):
    petition = published(db, petition_factory, make_user,
                         answer="Kính gửi ông.\nSở đã xử lý như sau:\n- thay bóng đèn\n- sửa tủ điện\n\nTrân trọng.")
    page = text_of(client, f"/p/{petition.code}")
    assert "<p>Kính gửi ông.<br>\nSở đã xử lý như sau:</p>" in page
    assert "<ul><li>thay bóng đèn</li><li>sửa tủ điện</li></ul>" in page and "<p>Trân trọng.</p>" in page


def test_the_public_dialogue_page_shows_the_conclusion_with_citizens_data_hidden(client, db):
    from portal.domain import dialogue as dialogues

    item = dialogues.create_session(db.session, leader_name="Lê Văn Chủ Tịch", leader_office="Chủ tịch UBND tỉnh",
                                    level="province", held_at=datetime(2026, 11, 2, 2, 0), venue="Hội trường UBND",
                                    participants=80, topics="Đường sá", conclusion_days=3, working_days=False)
    dialogues.mark_held(item, now=datetime(2026, 11, 2, 9, 0))
    dialogues.publish_conclusion(item, "Kết luận: giao Sở Xây dựng trả lời kiến nghị của bà Trần Thị Lan "
                                       "(điện thoại 0905 123 456) về đường kiệt 42 trong tháng.",
                                 now=datetime(2026, 11, 3, 3, 0))
    db.session.commit()
    page = text_of(client, f"/doi-thoai-truc-tiep/{item.id}")
    assert "giao Sở Xây dựng trả lời kiến nghị" in page and "[số điện thoại]" in page
    assert "0905 123 456" not in page and "Trần Thị Lan" not in page


def test_a_citizens_text_that_looks_like_html_stays_text_in_the_heads_preview(client, db, petition_factory,
                                                                             make_user):
    petition = answered(db, petition_factory, make_user,
                        content="Đèn đường kiệt 42 tắt <img src=x onerror=alert(1)> hơn hai tuần, đề nghị sửa.")
    login(client, make_user("agency_head", "SO-XD"))
    page = text_of(client, f"/co-quan/phan-anh/{petition.code}")
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
