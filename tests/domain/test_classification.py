"""The classifier: categories, text without diacritics, short forms, and triage of unsure guesses."""
import pytest

from portal.domain.classification import category_for_intake
from portal.text.classify import URGENCY_THRESHOLD, classify
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
    assert category_for_intake("Đường bị ngập sâu mỗi khi mưa lớn kéo dài", "giao-duc") == ("giao-duc", None, False, False)


def test_unsure_guesses_go_to_triage():
    code, confidence, unsure, _ = category_for_intake("Tôi muốn hỏi một việc, mong được trả lời sớm", "",
                                                      triage_below=0.99)
    assert unsure and confidence < 0.99


def _table_row(output: str, name: str) -> list[str]:
    return next(line.split() for line in output.splitlines() if line.split()[:1] == [name])


def test_classify_cli_evaluate_prints_scores_for_each_way_of_typing(runner, tmp_path):
    sample = tmp_path / "sample.csv"
    sample.write_text("text,category\n" + "\n".join(f'"{t}",{c}' for t, c in EXAMPLES), encoding="utf-8")
    result = runner.invoke(args=["classifier", "evaluate", str(sample)])
    assert result.exit_code == 0, result.output
    assert "8 texts, 0 of them labelled urgent or not" in result.output
    for variant in ("accented", "unaccented", "abbreviated"):
        assert _table_row(result.output, variant)[1:3] == ["1.000", "1.000"], result.output
    assert "F1 per category" in result.output and "confusion matrix" in result.output
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("noi_dung,linh_vuc\nabc,khac\n", encoding="utf-8")
    assert "text,category" in runner.invoke(args=["classifier", "evaluate", str(wrong)]).output


def test_classify_cli_evaluate_scores_urgency_where_the_file_labels_it(runner, tmp_path):
    sample = tmp_path / "heldout.csv"
    sample.write_text("text,category,urgent\n"
                      '"Cây đổ đè lên dây điện trước nhà, dây đang tóe lửa",ha-tang-do-thi,1\n'
                      '"Ổ gà trên đường đã mấy tháng chưa ai vá",giao-thong,0\n'
                      '"Đèn đường trong hẻm bị hỏng mấy tháng nay",ha-tang-do-thi,\n', encoding="utf-8")
    result = runner.invoke(args=["classifier", "evaluate", str(sample)])
    assert result.exit_code == 0, result.output
    assert "3 texts, 2 of them labelled urgent or not" in result.output
    assert _table_row(result.output, "accented")[3:5] == ["1.000", "1.000"], result.output


@pytest.mark.parametrize("text, category", [
    ("duong bi ngap sau mua", "ha-tang-do-thi"),
    ("ko co nuoc sach 3 ngay", "ha-tang-do-thi"),
])
def test_reads_text_typed_without_diacritics_and_in_short_forms(text, category):
    assert classify(text)["category"] == category


def test_a_tree_on_a_live_wire_is_urgent():
    result = classify("cây đổ đè dây điện trước nhà")
    assert result["urgent"] is True and result["urgency_confidence"] >= 0.5, result


def test_an_old_pothole_is_not_urgent():
    result = classify("ổ gà trên đường đã mấy tháng")
    assert result["urgent"] is False and result["urgency_confidence"] < URGENCY_THRESHOLD, result


def test_the_api_says_whether_a_text_is_urgent(client):
    from tests.api.test_petitions_api import validate

    danger = validate(client.post("/api/v1/classify", json={"text": "cay do de day dien truoc nha, dien xet toe lua"}),
                      "/classify", "post", 200)
    calm = validate(client.post("/api/v1/classify", json={"text": "Đèn đường trong hẻm bị hỏng mấy tháng nay"}),
                    "/classify", "post", 200)
    assert danger["urgent"] is True and calm["urgent"] is False
    assert danger["urgency_confidence"] > calm["urgency_confidence"]


def _labelled_csv(path):
    """Two categories, three problems each, every problem said twice; the flood and the fire are urgent (and
    land in different folds, so every fold's training rows have an urgent problem)."""
    problems = [("Đường ngập sâu mỗi khi mưa, cống thoát nước bị tắc", "ha-tang-do-thi", 0),
                ("Nước lũ đang dâng nhanh, nhà dân bị ngập, người già mắc kẹt", "ha-tang-do-thi", 1),
                ("Đang có cháy lớn ở dãy nhà trọ, người mắc kẹt bên trong", "an-ninh-trat-tu", 1),
                ("Đèn chiếu sáng trong hẻm bị hỏng nhiều tuần", "ha-tang-do-thi", 0),
                ("Trộm xe máy xảy ra liên tục trong khu phố", "an-ninh-trat-tu", 0),
                ("Nhóm thanh niên tụ tập đua xe, rú ga ban đêm", "an-ninh-trat-tu", 0)]
    lines = ["text,category,group,urgent"]
    for number, (text, category, urgent) in enumerate(problems):
        lines += [f'"{text}",{category},p{number},{urgent}',
                  f'"Người dân phản ánh: {text.lower()}",{category},p{number},{urgent}']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_crossvalidate_prints_scores_for_each_way_of_typing_and_for_urgency(runner, tmp_path):
    small = _labelled_csv(tmp_path / "small.csv")
    result = runner.invoke(args=["classifier", "crossvalidate", "--folds", "3", "--csv", str(small)])
    assert result.exit_code == 0, result.output
    assert "12 texts, 6 problems, 3 folds grouped by problem" in result.output and "F1 per category" in result.output
    for variant in ("accented", "unaccented", "abbreviated"):
        rows = [line.split() for line in result.output.splitlines()]
        assert any(row[:1] == [variant] and len(row) == 6 for row in rows), variant
    assert "urgent when its probability >= 0.25" in result.output and ">= 0.50: precision" in result.output


def test_crossvalidate_holds_out_every_phrasing_of_a_problem_together():
    from portal.text.training import crossvalidate

    # Six problems in words no other problem uses, each said twice, the second sayings far from the first:
    # a held-out text is only guessed right if its twin was left in training, i.e. if a problem was split.
    words = ["alpha bravo", "charlie delta", "echo foxtrot", "golf hotel", "india juliet", "kilo lima"]
    first = [(text, ("ha-tang-do-thi", "an-ninh-trat-tu")[n % 2], f"p{n}", n in (1, 2)) for n, text in enumerate(words)]
    rows = first + [(f"{text} {text}", category, group, urgent) for text, category, group, urgent in first]
    assert crossvalidate(rows, folds=3).variants["accented"].accuracy <= 0.5


def test_crossvalidate_always_trains_on_the_taxonomy_and_vocabulary_rows_and_never_scores_them():
    from portal.text.training import crossvalidate

    # Each problem's only clue is a word that only a vocabulary row teaches: held out with its problem, the
    # vocabulary row would teach nothing, so a perfect score shows it stayed in training.
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"]
    categories = ("ha-tang-do-thi", "an-ninh-trat-tu")
    problems = [(f"{word} {word}", categories[n % 2], f"p{n}", n in (1, 2)) for n, word in enumerate(words)]
    vocabulary = [(word, categories[n % 2], f"vocabulary/{categories[n % 2]}/{n}", False)
                  for n, word in enumerate(words)]
    result = crossvalidate(problems + vocabulary, folds=3)
    assert (result.rows, result.reference_rows, result.groups) == (6, 6, 6)
    assert result.variants["accented"].accuracy == 1.0


def test_crossvalidate_refuses_fewer_problems_than_folds(runner, tmp_path):
    tiny = tmp_path / "tiny.csv"
    tiny.write_text("text,category,group,urgent\nĐường ngập,ha-tang-do-thi,a,0\nCháy nhà,an-ninh-trat-tu,b,1\n",
                    encoding="utf-8")
    result = runner.invoke(args=["classifier", "crossvalidate", "--csv", str(tiny)])
    assert result.exit_code != 0 and "Cần ít nhất 5 nhóm" in result.output


def test_corpus_is_rebuilt_the_same_every_time_and_labels_urgency():
    from portal.text.corpus import build_corpus

    first, second = build_corpus(), build_corpus()
    assert first == second
    urgent = {group for _, _, group, is_urgent in first if is_urgent}
    assert len(urgent) >= 80 and all("/urgent/" in group for group in urgent)


def test_the_written_petitions_are_in_the_corpus_each_a_problem_of_its_own(tmp_path):
    from collections import Counter

    from portal.text.corpus import WRITTEN_PATHS, build_corpus, written_rows

    sample = tmp_path / "written_petitions.csv"
    sample.write_text("text,category,urgent\n"
                      '"Cây đổ đè lên dây điện trước nhà",ha-tang-do-thi,1\n'
                      '"Ổ gà trên đường đã mấy tháng chưa ai vá",giao-thong,0\n', encoding="utf-8")
    assert written_rows(sample) == [("Cây đổ đè lên dây điện trước nhà", "ha-tang-do-thi", "written/urgent/0", True),
                                    ("Ổ gà trên đường đã mấy tháng chưa ai vá", "giao-thong", "written/1", False)]
    assert [group for _, _, group, _ in written_rows(sample.rename(tmp_path / "written_petitions_C.csv"))] == \
        ["written_C/urgent/0", "written_C/1"]  # another writer's rows are other problems
    assert [path.name for path in WRITTEN_PATHS] == ["written_petitions.csv", "written_petitions_A.csv",
                                                     "written_petitions_B.csv"]
    written, corpus = [row for path in WRITTEN_PATHS for row in written_rows(path)], build_corpus()
    assert len(written) >= 2300 and set(written) <= set(corpus)
    texts_per_group = Counter(group for _, _, group, _ in corpus)
    assert all(texts_per_group[group] == 1 for _, _, group, _ in written)


def test_training_csv_is_what_the_corpus_command_writes():
    from portal.text.corpus import CORPUS_PATH, build_corpus, read_labelled

    assert read_labelled(CORPUS_PATH) == build_corpus()
