"""Regenerate the gazetteer tables from the packages' data (run by hand, not at import).

    .venv/bin/python -m ontology.gazetteer.build

- provinces.tsv: the 63 pre-July-2025 provinces from the JSON shipped inside the
  vietnamadminunits wheel (read directly; its parser is not imported), the 34 after the
  2025 mergers and the merger mapping (converter_2025.json), plus province_aliases.tsv.
- vn_districts.tsv: pre-2025 district-level names (to tell "Quy Nhon city" from a foreign city).
- countries.tsv: babel CLDR territory names, Vietnamese and English, ISO alpha-2 keys.
- subdivisions.tsv: pycountry subdivisions of the main partner countries, romanised and folded.
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


def build_subdivisions() -> None:
    import pycountry

    rows = []
    for cc in SUBDIVISION_COUNTRIES:
        for s in sorted(pycountry.subdivisions.get(country_code=cc), key=lambda s: s.code):
            if s.code in SKIP_SUBDIVISIONS:
                continue
            name = strip_accents(_SUFFIX.sub("", s.name)).replace("ĭ", "i").strip()
            rows.append([s.code, cc, s.name, name, s.type])
    _write("subdivisions.tsv", ["code", "country", "iso_name", "name", "type"], rows)


if __name__ == "__main__":
    build_provinces()
    build_countries()
    build_subdivisions()
    print("written:", ", ".join(p.name for p in sorted(HERE.glob("*.tsv"))))
