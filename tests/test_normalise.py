"""One normaliser (ontology/normalise.py), re-exported by identity and the gazetteers' fold module."""
from ontology import identity, normalise
from ontology.gazetteer import fold as gz_fold


def test_re_exports_are_the_same_functions():
    assert identity.nfc_tones is normalise.nfc_tones
    assert identity.fold is normalise.fold
    assert gz_fold.tone is normalise.nfc_tones
    assert gz_fold.key is normalise.key
    assert gz_fold.strip_accents is normalise.strip_accents


def test_tone_placement_moves_to_the_new_style_and_keeps_length():
    for old, new in (("Thanh Hoá", "Thanh Hóa"), ("thuỷ sản", "thủy sản"), ("HOÀ BÌNH", "HÒA BÌNH"),
                     ("Khánh Hoà", "Khánh Hòa")):
        assert normalise.tone(old) == new
        assert len(normalise.tone(old)) == len(old)


def test_qu_keeps_its_tone_on_the_vowel():
    # "qu" is one consonant: "Quý" is already new style and must not become "Qúy"
    assert normalise.tone("Quý khách") == "Quý khách"
    assert normalise.tone("quỳ") == "quỳ"
    assert identity.nfc_tones("Trần Quý") == "Trần Quý"


def test_tone_leaves_closed_syllables_alone():
    assert normalise.tone("Hoàng Ngoại vụ đoàn") == "Hoàng Ngoại vụ đoàn"


def test_decomposed_input_is_composed():
    assert normalise.tone("Thanh Hoa\u0301") == "Thanh Hóa"


def test_keys_fold_d_bar_accents_case_and_punctuation():
    assert normalise.key("TP. Đà Nẵng") == "tpdanang"
    assert normalise.strip_accents("Đắk Lắk") == "Dak Lak"
    assert normalise.lower_key("Quảng  Trị-") == "quảng trị"
    assert normalise.fold("Bùi  Thanh Sơn") == normalise.fold("BUI THANH SON") == "bui thanh son"


def test_fold_keeps_vowel_signs_of_non_latin_scripts():
    lao = "ສະຫວັນນະເຂດ"
    assert normalise.fold(lao) == lao


def test_person_key_and_make_id_unchanged():
    # outputs stored in graphs must not move: these values were computed before the merge of normalisers
    assert identity.person_key("Ông Nguyễn Văn Hoà") == "nguyen van hoa"
    assert identity.make_id("person", "nguyen van hoa") == "person:" + __import__("hashlib").sha1(
        b"nguyen van hoa").hexdigest()[:16]
