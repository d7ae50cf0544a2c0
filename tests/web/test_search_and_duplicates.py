"""Search (public and staff) and duplicates, through the pages."""
from portal.domain import workflow
from portal.models import PetitionEvent
from portal.text.search import search_petitions
from tests.conftest import form_post

FLOODED = "Đường Trần Cao Vân bị ngập sâu sau mỗi trận mưa, cống thoát nước tắc nghẽn, nước tràn vào nhà."


def publish(db, petition, make_user):
    workflow.submit_answer(db.session, petition, make_user("agency_officer", petition.agency.code),
                           "<p>Đã nạo vét cống thoát nước trên đường.</p>")
    workflow.approve_answer(db.session, petition, make_user("agency_head", petition.agency.code))
    db.session.commit()


def test_search_ignores_diacritics_and_case(db, petition_factory):
    petition = petition_factory(content=FLOODED, category="ha-tang-do-thi")
    for query in ("duong ngap", "ĐƯỜNG NGẬP", "tran cao van", "cống"):
        assert petition in search_petitions(db.session, query, published_only=False), query
    assert search_petitions(db.session, "truong hoc", published_only=False) == []


def test_public_search_finds_only_published_redacted_text(client, db, petition_factory, make_user):
    hidden = petition_factory(content="Tôi là Phạm Minh Tuấn. " + FLOODED, category="ha-tang-do-thi")
    shown = petition_factory(content="Ông Lê Văn Sáu báo: " + FLOODED, category="ha-tang-do-thi")
    publish(db, shown, make_user)
    page = client.get("/tim-kiem?q=duong+ngap").get_data(as_text=True)
    assert shown.code in page and hidden.code not in page
    assert "Lê Văn Sáu" not in page
    # The citizen's name was redacted before publication, so the public cannot find it either.
    assert search_petitions(db.session, "Le Van Sau", published_only=True) == []
    assert shown in search_petitions(db.session, "Le Van Sau", published_only=False)


def test_staff_search_stays_within_the_agency(client, db, login_as, petition_factory):
    mine = petition_factory(content=FLOODED, category="ha-tang-do-thi")  # SO-XD
    theirs = petition_factory(content=FLOODED.replace("Đường", "Trạm y tế"), category="y-te")  # SO-YT
    login_as("agency_officer", "SO-XD")
    page = client.get("/co-quan/tim-kiem?q=ngap").get_data(as_text=True)
    assert mine.code in page and theirs.code not in page


def test_similar_petitions_are_shown_and_merged_follow_the_main_answer(client, db, login_as, petition_factory,
                                                                       make_user):
    main = petition_factory(content=FLOODED, category="ha-tang-do-thi")
    duplicate = petition_factory(content="Mưa xuống là đường Trần Cao Vân ngập sâu, cống tắc, nước tràn vào nhà dân.",
                                 category="ha-tang-do-thi", reporter_email="b@example.com")
    unrelated = petition_factory(content="Trường tiểu học thu nhiều khoản ngoài quy định đầu năm học.", category="giao-duc")
    login_as("coordinator", "VP-UBND")
    page = client.get(f"/co-quan/phan-anh/{duplicate.code}/trung-lap").get_data(as_text=True)
    assert main.code in page and unrelated.code not in page
    merged = form_post(client, f"/co-quan/phan-anh/{duplicate.code}/gop/{main.code}", {"version": str(duplicate.version)},
                       page_url=f"/co-quan/phan-anh/{duplicate.code}/trung-lap")
    assert merged.status_code == 302
    db.session.refresh(duplicate)
    assert duplicate.status == "merged" and duplicate.merged_into_id == main.id
    publish(db, main, make_user)
    tracked = form_post(client, "/tra-cuu", {"code": duplicate.code, "secret": duplicate.plain_secret})
    assert "Đã nạo vét cống thoát nước" in tracked.get_data(as_text=True)
    assert db.session.query(PetitionEvent).filter_by(petition_id=duplicate.id, to_status="merged").count() == 1


def test_another_agencys_similar_petition_shows_code_category_status_and_ward_only(client, db, login_as,
                                                                                   petition_factory):
    theirs = petition_factory(content="Tôi là Phạm Minh Tuấn, 0905 123 456. " + FLOODED, category="ha-tang-do-thi",
                              reporter_name="Phạm Minh Tuấn", reporter_phone="0905123456")  # SO-XD
    mine = petition_factory(content=FLOODED.replace("nhà.", "trạm y tế."), category="y-te")  # SO-YT
    login_as("agency_officer", "SO-YT")
    page = client.get(f"/co-quan/phan-anh/{mine.code}/trung-lap").get_data(as_text=True)
    assert theirs.code in page and theirs.category.name in page
    assert "Đã chuyển cơ quan xử lý" in page  # its status, in words
    assert "Phường Hòa Cường" in page  # its ward
    for private in ("Phạm Minh Tuấn", "0905 123 456", "cống thoát nước tắc nghẽn, nước tràn vào nhà"):
        assert private not in page.replace(mine.content, "")
    assert f'href="/co-quan/phan-anh/{theirs.code}"' not in page


def test_own_agencys_similar_petition_shows_its_text(client, db, login_as, petition_factory):
    first = petition_factory(content=FLOODED, category="ha-tang-do-thi")
    second = petition_factory(content="Mưa xuống là đường Trần Cao Vân ngập sâu, cống tắc, nước tràn vào nhà dân.",
                              category="ha-tang-do-thi")
    login_as("agency_officer", first.agency.code)
    page = client.get(f"/co-quan/phan-anh/{second.code}/trung-lap").get_data(as_text=True)
    assert FLOODED[:60] in page and f'href="/co-quan/phan-anh/{first.code}"' in page
