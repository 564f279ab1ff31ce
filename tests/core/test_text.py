import unicodedata

from core.text import clean_text, escape_formula, fold, starts_formula


def test_fold_strips_vietnamese_accents_and_case():
    assert fold("Nguyễn Văn An") == "nguyen van an"
    assert fold("ĐẶNG Thị Đào") == "dang thi dao"


def test_fold_handles_decomposed_input_like_composed():
    nfd = unicodedata.normalize("NFD", "Trần Thị Hương")
    assert fold(nfd) == fold("Trần Thị Hương") == "tran thi huong"


def test_clean_text_normalises_to_nfc_and_strips_controls():
    nfd = unicodedata.normalize("NFD", "  Lê\u200b  Thị\x07 Hồng ")
    cleaned = clean_text(nfd)
    assert cleaned == "Lê Thị Hồng"
    assert unicodedata.is_normalized("NFC", cleaned)


def test_formula_starts_are_detected_and_escaped():
    for value in ["=1+1", "+84", "-5", "@SUM(A1)"]:
        assert starts_formula(value)
        assert escape_formula(value) == "'" + value
    assert escape_formula("Nguyễn") == "Nguyễn"
