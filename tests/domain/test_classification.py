"""The classifier: categories, text without diacritics, short forms, and triage of unsure guesses."""
import pytest

from portal.domain.classification import category_for_intake
from portal.text.classify import classify
from portal.text.normalize import expand_abbreviations, strip_accents

EXAMPLES = [
    ("Đường bị ngập sâu mỗi khi mưa, cống thoát nước bị tắc nghẽn", "ha-tang-do-thi"),
    ("duong bi ngap sau moi khi mua, cong thoat nuoc tac", "ha-tang-do-thi"),
    ("Nộp hồ sơ cấp sổ hồng 3 tháng rồi mà ko dc giải quyết", "dat-dai"),
    ("Bệnh viện bắt đóng thêm tiền ngoài BHYT khi khám", "y-te"),
    ("Cán bộ xã hách dịch, gây phiền hà, đòi tiền mới ký giấy", "can-bo-cong-vu"),
    ("Mặt đường có nhiều ổ gà, xe máy bị ngã liên tục", "giao-thong"),
    ("Xưởng gỗ gây tiếng ồn và bụi suốt đêm, ảnh hưởng sức khỏe người dân", "moi-truong"),
    ("Nhóm thanh niên tụ tập đua xe, rú ga lúc nửa đêm", "an-ninh-trat-tu"),
]


@pytest.mark.parametrize("text, category", EXAMPLES)
def test_classifies_petitions_as_people_type_them(text, category):
    result = classify(text)
    assert result["category"] == category, result
    assert len(result["alternatives"]) == 3
    assert result["alternatives"][0]["category"] == category
    confidences = [a["confidence"] for a in result["alternatives"]]
    assert confidences == sorted(confidences, reverse=True) and 0 < confidences[0] <= 1


def test_short_forms_and_missing_diacritics_are_normalised():
    assert expand_abbreviations("ko dc xu ly, UBND".lower()) == "không được xu ly, ủy ban nhân dân"
    assert strip_accents("Đường ngập") == "Duong ngap"


def test_the_senders_choice_wins_over_the_classifier():
    assert category_for_intake("Đường bị ngập sâu mỗi khi mưa lớn kéo dài", "giao-duc") == ("giao-duc", None, False)


def test_unsure_guesses_go_to_triage():
    code, confidence, unsure = category_for_intake("Tôi muốn hỏi một việc, mong được trả lời sớm", "", triage_below=0.99)
    assert unsure and confidence < 0.99


def test_classify_cli_evaluate_prints_scores(runner, tmp_path):
    sample = tmp_path / "sample.csv"
    sample.write_text("text,category\n" + "\n".join(f'"{t}",{c}' for t, c in EXAMPLES), encoding="utf-8")
    result = runner.invoke(args=["classifier", "evaluate", str(sample)])
    assert result.exit_code == 0, result.output
    assert "accuracy: 1.000" in result.output and "macro-F1:" in result.output and "confusion matrix" in result.output
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("noi_dung,linh_vuc\nabc,khac\n", encoding="utf-8")
    assert "text,category" in runner.invoke(args=["classifier", "evaluate", str(wrong)]).output
