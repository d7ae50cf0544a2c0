"""Redaction: what must go, and what must stay; measured on our labelled corpus."""
import json

import pytest

from portal.text.redact import find_spans, mark_spans_html, redact, redact_html, suspicious_leftovers
from portal.text.redaction_corpus import CORPUS_PATH, build
from portal.text.redaction_eval import NUMBER_TYPES, evaluate, read_corpus

REMOVED = [
    ("Gọi tôi số 0905 123 456 nhé", "0905 123 456", "[số điện thoại]"),
    ("SĐT 0905.123.456", "0905.123.456", "[số điện thoại]"),
    ("liên hệ +84 905 123 456", "+84 905 123 456", "[số điện thoại]"),
    ("điện thoại 84905123456", "84905123456", "[số điện thoại]"),
    ("bàn (0236) 3821 123", "(0236) 3821 123", "[số điện thoại]"),
    ("máy bàn 024 3825 1234", "024 3825 1234", "[số điện thoại]"),
    ("CCCD 048090001234 cấp năm 2021", "048090001234", "[số CCCD/CMND]"),
    ("CMND số 201234567", "201234567", "[số CCCD/CMND]"),
    ("thư an.nguyen@gmail.com", "an.nguyen@gmail.com", "[thư điện tử]"),
    ("xe biển số 43A-123.45 đỗ trước nhà", "43A-123.45", "[biển số xe]"),
    ("xe 51F1-234.56 chạy quá tốc độ", "51F1-234.56", "[biển số xe]"),
    ("nhà số 45 bị ngập", "45", "[địa chỉ]"),
    ("trước nhà 12/3 Lê Lợi có ổ gà", "12/3", "[địa chỉ]"),
    ("Tôi là Nguyễn Văn An, sống ở đây", "Nguyễn Văn An", "[họ tên]"),
    ("Bà Trần Thị Lan phản ánh", "Trần Thị Lan", "[họ tên]"),
    ("anh Hùng nhà bên cạnh xây lấn", "Hùng", "[họ tên]"),
]

KEPT = [
    "Thông báo số 495/TB-UBND ngày 12/3/2026",
    "Chủ tịch UBND phường Trần Văn Bình đã chỉ đạo",
    "Sở Xây dựng đã kiểm tra",
    "ngày 15/11/2026 lúc 9 giờ",
    "số tiền 2.500.000 đồng",
    "đường Nguyễn Văn Linh bị ngập",
    "Quyết định số 1001/QĐ-BNV",
]


@pytest.mark.parametrize("text, secret, placeholder", REMOVED)
def test_personal_data_is_replaced(text, secret, placeholder):
    result = redact(text)
    assert secret not in result and placeholder in result, result


@pytest.mark.parametrize("text", KEPT)
def test_public_facts_stay(text):
    assert redact(text) == text


# The leaks of issue #14, each as it was seen.

def test_id_number_followed_by_a_comma_or_full_stop_is_hidden():
    assert redact("CCCD 001099012345, nhà tôi bị ngập.") == "CCCD [số CCCD/CMND], nhà tôi bị ngập."
    assert redact("Số CCCD của tôi là 001099012345.") == "Số CCCD của tôi là [số CCCD/CMND]."


def test_phone_glued_to_its_label_is_hidden():
    assert redact("sdt0912345678 goi lai giup em") == "sdt[số điện thoại] goi lai giup em"


def test_phone_with_country_code_in_brackets_is_hidden_whole():
    assert redact("Liên hệ (+84) 912 345 678 ngoài giờ.") == "Liên hệ [số điện thoại] ngoài giờ."


def test_fullwidth_digits_are_hidden_and_spans_point_at_the_original_text():
    text = "SĐT ０９０５１２３４５６, CCCD ０４８０９０００１２３４."
    spans = find_spans(text)
    assert [(text[s.start:s.end], s.kind) for s in spans] == [("０９０５１２３４５６", "phone"),
                                                             ("０４８０９０００１２３４", "id_number")]
    assert redact(text) == "SĐT [số điện thoại], CCCD [số CCCD/CMND]."


@pytest.mark.parametrize("written", ["001 099 012 345", "001.099.012.345", "201 234 567"])
def test_id_number_written_with_spaces_or_dots_is_hidden(written):
    assert redact(f"CCCD {written} cấp năm 2021") == "CCCD [số CCCD/CMND] cấp năm 2021"


def test_name_in_capitals_is_hidden():
    assert redact("Tôi là NGUYỄN VĂN BÌNH, trú tại phường Hải Châu.") == "Tôi là [họ tên], trú tại phường Hải Châu."


def test_name_typed_without_diacritics_is_hidden():
    assert redact("toi ten la tran van hung, nha o kiet 45") == "toi ten la [họ tên], nha o kiet 45"


@pytest.mark.parametrize("text, expected", [
    ("Công dân Lê Thị Hồng phản ánh việc cấp sổ đỏ chậm.", "Công dân [họ tên] phản ánh việc cấp sổ đỏ chậm."),
    ("Bệnh nhân Phạm Văn Tuấn bị thu tiền giường 2 lần.", "Bệnh nhân [họ tên] bị thu tiền giường 2 lần."),
    ("Hộ ông Võ Văn Sáu lấn chiếm lòng mương.", "Hộ ông [họ tên] lấn chiếm lòng mương."),
    ("Người phản ánh: Đặng Thị Thu Trang.", "Người phản ánh: [họ tên]."),
    ("Gia đình Nguyễn Văn Lực có con bị điện giật.", "Gia đình [họ tên] có con bị điện giật."),
])
def test_names_after_cue_words_are_hidden(text, expected):
    assert redact(text) == expected


def test_apartment_with_its_building_is_hidden():
    assert redact("Tôi ở căn hộ 1205 tòa A2, chung cư Hòa Khánh.") == "Tôi ở [địa chỉ], chung cư Hòa Khánh."


def test_house_number_without_diacritics_is_hidden_and_the_street_stays():
    # The street is public (like coordinates rounded to 100 m); the house on it is not.
    assert redact("nha toi so 8 duong Le Loi bi nut tuong") == "nha toi [địa chỉ] duong Le Loi bi nut tuong"


def test_a_number_opening_the_text_is_hidden():
    assert redact("0905123456 là số của tôi") == "[số điện thoại] là số của tôi"


def test_names_without_a_kinh_surname_are_hidden_after_an_honorific():
    assert redact("Bà Ksor H'Luân ở buôn Ea Tar phản ánh.") == "Bà [họ tên] ở buôn Ea Tar phản ánh."


# The over-redaction of issue #14: ordinary words and public facts stay.

@pytest.mark.parametrize("text", [
    "Cảm ơn bà đã phản ánh.",
    "Sở Xây dựng đã phối hợp với UBND phường Hòa Cường kiểm tra.",
    "Vá ổ gà trên đường Nguyễn Văn Linh.",
    "Trường THPT Nguyễn Huệ đã hoàn trả khoản thu sai.",
    "Phường Trần Hưng Đạo đã bố trí lực lượng trực.",
    "Đồng chí Nguyễn Thị Hoa, Phó Chủ tịch UBND phường Thanh Khê, chủ trì buổi làm việc.",
    "Phó Giám đốc Sở Giao thông vận tải Lê Minh Hải đã làm việc với nhà thầu.",
    "Mọi ý kiến xin gọi đường dây nóng 1022.",
    "Đường Lê Lợi đoạn từ Km 0+300 đến Km 1+200 sẽ được cải tạo, dài 1.200 m, kinh phí 45,6 tỷ đồng.",
    "Hồ sơ mã số H17.22-260312-0045 và phản ánh PA-2026-000123 đã được trả kết quả.",
    "Cam on ba da phan anh, Can cu Quyet dinh 1234/QD-UBND.",
    "Anh chị em tổ dân phố 12 và bà con khu vực chợ Hàn đã tham gia dọn vệ sinh.",
])
def test_ordinary_words_and_public_facts_are_not_hidden(text):
    assert redact(text) == text


def test_a_capitalised_word_starting_a_line_is_not_a_name():
    answer = "Xin cảm ơn bà\nVá ổ gà trên đường Lê Lợi đã xong.\nSở Xây dựng đã phối hợp.\nTôi\nVá tiếp."
    assert redact(answer) == answer


# HTML answers and the head's preview.

ANSWER = ("<p>Kính gửi bà <b>Trần Thị Lan</b>,</p><ul><li>SĐT: 0905 123 456</li>"
          '<li>Thư: <a href="mailto:lan@gmail.com">lan@gmail.com</a></li></ul>'
          "<p>Cảm ơn bà đã phản ánh &amp; góp ý.<br>Vá ổ gà xong.</p>")


def test_redact_html_hides_text_and_keeps_tags_lists_and_breaks():
    assert redact_html(ANSWER) == (
        "<p>Kính gửi bà <b>[họ tên]</b>,</p><ul><li>SĐT: [số điện thoại]</li>"
        "<li>Thư: <a>[thư điện tử]</a></li></ul><p>Cảm ơn bà đã phản ánh &amp; góp ý.<br>Vá ổ gà xong.</p>")


def test_the_official_signing_under_the_title_keeps_the_name():
    signed = "<p>Trân trọng.</p><p>KT. GIÁM ĐỐC<br>PHÓ GIÁM ĐỐC</p><p>Nguyễn Văn An</p>"
    assert redact_html(signed) == signed


def test_redact_html_of_plain_text_keeps_its_line_breaks():
    assert redact_html("Dòng 1\nÔng Lê Văn Tám gọi 0905123456") == "Dòng 1<br>\nÔng [họ tên] gọi [số điện thoại]"


def test_mark_spans_html_marks_each_hidden_span_with_its_kind_and_original():
    marked = mark_spans_html(ANSWER)
    assert ('<mark class="pii" data-kind="name" data-placeholder="[họ tên]" data-original="Trần Thị Lan">'
            "[họ tên]</mark>") in marked
    assert 'data-kind="phone"' in marked and 'data-original="0905 123 456"' in marked
    assert "<ul><li>" in marked and "Cảm ơn bà đã phản ánh" in marked


def test_mark_spans_html_of_plain_text_escapes_it_and_keeps_line_breaks():
    marked = mark_spans_html('Tôi là Nguyễn Văn An, 3 < 5 & "x"\nSĐT 0905123456')
    assert "3 &lt; 5 &amp;" in marked and "<br>" in marked
    assert marked.count('<mark class="pii"') == 2


def test_mark_spans_html_never_lets_a_script_through():
    assert "<script" not in mark_spans_html("<p>Bà Trần Thị Lan</p><script>alert(1)</script>")


def test_suspicious_leftovers_finds_long_numbers_and_names_but_not_public_facts():
    edited = ("Cảm ơn bà [họ tên]. Gọi 0905 123 456 hoặc Nguyễn Văn Bình; đường Lê Lợi, 2.500.000 đồng, "
              "Thông báo 495/TB-UBND ngày 12/3/2026.")
    assert suspicious_leftovers(edited) == ["0905 123 456", "Nguyễn Văn Bình"]
    assert suspicious_leftovers(redact_html(ANSWER)) == []


# The measured component: our corpus, its figures, and the CLI the hidden set is read through.

def test_corpus_file_is_what_the_generator_writes():
    with CORPUS_PATH.open(encoding="utf-8") as lines:
        assert [json.loads(line) for line in lines] == build()


def test_corpus_covers_every_type_without_diacritics_and_in_capitals():
    rows = read_corpus(CORPUS_PATH)
    types = {span["type"] for row in rows for span in row["spans"]}
    unaccented = [row for row in rows if row["text"].isascii()]
    assert len(rows) >= 600 and types == {"name", "phone", "id", "email", "plate", "address", "other"}
    assert len(unaccented) >= len(rows) / 3
    assert sum(row["text"].isupper() for row in rows) >= 20
    assert sum(not row["spans"] for row in rows) >= 100  # texts where nothing may be hidden


def test_redaction_meets_its_targets_on_the_corpus():
    report = evaluate(read_corpus(CORPUS_PATH))
    for type_ in NUMBER_TYPES:
        assert report.tallies[type_].recall >= 0.99, type_
    assert report.tallies["name"].recall >= 0.95 and report.tallies["address"].recall >= 0.95
    assert report.overall.precision >= 0.97


def test_redact_cli_reads_and_writes_one_line_each(runner):
    result = runner.invoke(args=["redact"], input="Gọi 0905123456\nSở Y tế trả lời\n")
    assert result.output.splitlines() == ["Gọi [số điện thoại]", "Sở Y tế trả lời"]


def test_redact_cli_never_splits_or_joins_lines(runner):
    lines = ["CCCD 001099012345, tôi là NGUYỄN VĂN BÌNH\rvà\u2028thêm", "", "toi ten la tran van hung"]
    result = runner.invoke(args=["redact"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0
    assert result.output.split("\n") == ["CCCD [số CCCD/CMND], tôi là [họ tên] và thêm", "",
                                         "toi ten la [họ tên]", ""]


def test_redact_evaluate_prints_figures_misses_and_false_positives(runner, tmp_path):
    corpus = tmp_path / "small.jsonl"
    rows = [{"text": "Tôi là Nguyễn Văn An, SĐT 0905123456", "spans": [{"start": 7, "end": 20, "type": "name"},
                                                                     {"start": 26, "end": 36, "type": "phone"}]},
            {"text": "Gọi tôi: 0911 222 333", "spans": []},
            {"text": "Xe 43A-123.45 của chú Tư", "spans": [{"start": 3, "end": 13, "type": "plate"},
                                                          {"start": 22, "end": 24, "type": "name"}]}]
    corpus.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows), encoding="utf-8")
    result = runner.invoke(args=["redact", "evaluate", str(corpus)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "evaluated directly" in lines[0]
    assert any(line.split()[:3] == ["phone", "1", "1.000"] for line in lines)
    assert "FALSE [phone] '0911 222 333' in: Gọi tôi: 0911 222 333" in result.output
    assert "MISS [name] 'Tư' in: Xe 43A-123.45 của chú Tư" not in result.output  # found
    assert any(line.startswith("overall") for line in lines)


def test_redact_evaluate_refuses_a_file_that_is_not_labelled(runner, tmp_path):
    corpus = tmp_path / "bad.jsonl"
    corpus.write_text('{"text": "abc", "spans": [{"start": 0, "end": 9, "type": "name"}]}\n', encoding="utf-8")
    result = runner.invoke(args=["redact", "evaluate", str(corpus)])
    assert result.exit_code == 1 and "line 1" in result.output
