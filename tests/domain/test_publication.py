"""The public version: what the redaction proposes, how the head's texts are cleaned, and answers' line breaks."""
import pytest

from portal.domain.errors import ValidationFailed
from portal.domain.publication import PublicVersion, cleaned, leftovers
from portal.domain.text import sanitize_html


def test_a_plain_text_answer_keeps_its_lines_paragraphs_and_lists():
    typed = "Kính gửi bà.\r\nSở đã:\r\n- vá ổ gà\r\n• dọn rác\r\n\r\nKết quả:\n1. xong\n2) nghiệm thu\nTrân trọng."
    assert sanitize_html(typed) == ("<p>Kính gửi bà.<br>\nSở đã:</p>\n<ul><li>vá ổ gà</li><li>dọn rác</li></ul>\n"
                                    "<p>Kết quả:</p>\n<ol><li>xong</li><li>nghiệm thu</li></ol>\n<p>Trân trọng.</p>")


def test_lines_with_only_bold_or_italics_keep_their_breaks_and_html_with_blocks_is_left_as_written():
    assert sanitize_html("<strong>Kết quả</strong>: đã vá\ndòng hai") == \
        "<p><strong>Kết quả</strong>: đã vá<br>\ndòng hai</p>"
    assert sanitize_html("<ul>\n  <li>một</li>\n</ul>") == "<ul>\n  <li>một</li>\n</ul>"
    assert sanitize_html("a < b\n<script>x</script>") == "<p>a &lt; b<br>\nx</p>"


def test_the_heads_texts_are_stored_with_one_kind_of_line_break_and_a_title_on_one_line():
    version = cleaned(PublicVersion("  Đèn\r\nđường  hỏng ", "Dòng một\r\nDòng hai\x00", "Đã sửa.\nXong."))
    assert version == PublicVersion("Đèn đường hỏng", "Dòng một\nDòng hai", "<p>Đã sửa.<br>\nXong.</p>")


def test_numbers_left_in_a_public_text_are_reported_for_the_warning():
    found = leftovers(PublicVersion("Đèn hỏng", "Người gửi số 001099012345 báo.", "<p>Đã sửa.</p>"))
    assert "001099012345" in found
    assert leftovers(PublicVersion("Đèn hỏng", "Đèn đường tắt hai tuần.", "<p>Đã sửa.</p>")) == []


def test_an_empty_public_answer_is_refused(db, petition_factory, make_user):
    from portal.domain import workflow

    petition = petition_factory(category="giao-thong")
    workflow.submit_answer(db.session, petition, make_user("agency_officer", "SO-XD"), "<p>Đã thay bóng đèn mới.</p>")
    with pytest.raises(ValidationFailed) as refused:
        workflow.approve_answer(db.session, petition, make_user("agency_head", "SO-XD"), published_html="<p> </p>")
    assert refused.value.field == "published_html" and petition.status == "answered"
