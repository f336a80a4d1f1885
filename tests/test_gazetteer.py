"""Gazetteer entities: one entry per real partner, found by its Vietnamese, English and unaccented names."""
import pytest

from ontology.gazetteer.partners import entities, lookup

SAME = [
    ("country:LA", ["Lào", "Laos", "Lao", "CHDCND Lào", "Cộng hòa Dân chủ Nhân dân Lào", "Lao PDR"]),
    ("country:KH", ["Campuchia", "Cambodia", "Cam-pu-chia", "Vương quốc Campuchia", "Kingdom of Cambodia"]),
    ("country:JP", ["Nhật Bản", "Japan", "Nhat Ban", "nhật bản"]),
    ("country:KR", ["Hàn Quốc", "South Korea", "Han Quoc", "Republic of Korea"]),
    ("country:US", ["Hoa Kỳ", "Mỹ", "United States", "USA", "Hoa Ky"]),
    ("country:CN", ["Trung Quốc", "China", "Trung Quoc"]),
    ("country:TH", ["Thái Lan", "Thailand", "Thai Lan"]),
    ("country:RU", ["Nga", "Russia", "Liên bang Nga", "Russian Federation"]),
    ("foreign_locality:LA-HO", ["Hủa Phăn", "Houaphanh", "Hua Phan"]),
    ("foreign_locality:LA-SV", ["Savannakhet", "Xa-van-na-khệt", "Xa van na khet"]),
    ("foreign_locality:CN-YN", ["Vân Nam", "Yunnan", "Van Nam"]),
    ("foreign_locality:CN-GX", ["Quảng Tây", "Guangxi", "Quang Tay"]),
]


@pytest.mark.parametrize("entity_id,names", SAME)
def test_every_name_gives_the_same_entry(entity_id, names):
    found = [lookup(n) for n in names]
    assert all(e is not None for e in found), [n for n, e in zip(names, found) if e is None]
    assert {e.entity_id for e in found} == {entity_id}
    assert len(set(found)) == 1                         # the same entry, not equal-looking copies


def test_entries_expose_both_names_and_aliases():
    laos = lookup("Laos")
    assert (laos.name_vi, laos.name_en, laos.code, laos.kind) == ("Lào", "Laos", "LA", "country")
    assert {"Lào", "Laos", "CHDCND Lào"} <= set(laos.aliases)
    who = lookup("Tổ chức Y tế Thế giới")
    assert who is lookup("WHO") and who.kind == "international_org"
    assert who.name_en == "World Health Organization" and who.name_vi == "Tổ chức Y tế Thế giới"


def test_negatives():
    assert lookup("Việt Nam") is None                   # Vietnam is home, not a partner
    assert lookup("Lào Cai") is None                    # a Vietnamese province
    assert lookup("Pháp luật") is None
    assert lookup("") is None and lookup(None) is None


def test_one_entity_per_key():
    ents = entities()
    ids = [e.entity_id for e in ents.values()]
    assert len(ids) == len(set(ids))
    for e in ents.values():
        assert e.name_vi and e.name_en and e.canonical in e.aliases
