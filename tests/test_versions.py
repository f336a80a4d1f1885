"""Versions of a source, against the session's real Bolt server: an edited file ingested again
leaves none of its old facts (the graph equals the one built from the new version alone), a
replacement that fails leaves the old version whole, and an unchanged file is skipped by its hash."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import ingest

# My own sentences. OTHER shares a person (Trần Quốc Hùng) and a province with the first version of
# the edited file, so the old version's contributions to shared nodes and relationships must go too.
OTHER = ("Quảng Ninh đón Đại sứ Nhật Bản\n\nChiều 15/3, ông Trần Quốc Hùng, Phó Chủ tịch UBND tỉnh Quảng Ninh "
         "đã tiếp ông Tanaka Hiroshi, Đại sứ Nhật Bản tại Việt Nam.\n\nÔng Trần Quốc Hùng đề nghị Đại sứ tiếp tục "
         "hỗ trợ tỉnh thu hút đầu tư từ Nhật Bản.")
OLD = ("Quảng Ninh làm việc với tỉnh Quảng Tây\n\nSáng 9/4, ông Trần Quốc Hùng, Phó Chủ tịch UBND tỉnh Quảng Ninh "
       "đã hội đàm với ông Lưu Chí Minh, Phó Chủ tịch Chính phủ nhân dân Khu tự trị dân tộc Choang Quảng Tây "
       "(Trung Quốc).\n\nHai bên cam kết sẽ mở thêm cặp cửa khẩu song phương trong năm nay.")
NEW = ("Lạng Sơn tăng cường hợp tác với Chungcheongnam-do\n\nSáng 22/12, tại trụ sở UBND tỉnh, ông Nguyễn Văn Bình, "
       "Chủ tịch UBND tỉnh Lạng Sơn đã tiếp và làm việc với ông Kim Jae Won, Phó Tỉnh trưởng tỉnh "
       "Chungcheongnam-do (Hàn Quốc).\n\nHai bên thống nhất sẽ ký kết biên bản ghi nhớ hợp tác trong năm tới.")

_VOLATILE = {"ingested_at"}


def _norm(v):
    return sorted(map(str, v)) if isinstance(v, list) else v


def dump(store) -> tuple[set, set]:
    """The whole graph, comparable across runs: lists as sorted lists, the reading time left out."""
    nodes = {(tuple(sorted(r["labels"])), r["id"], tuple(sorted((k, str(_norm(v))) for k, v in r["p"].items()
                                                              if k not in _VOLATILE)))
             for r in store.read("MATCH (n) RETURN labels(n) AS labels, n.id AS id, properties(n) AS p")}
    rels = {(r["t"], r["a"], r["b"], tuple(sorted((k, str(_norm(v))) for k, v in r["p"].items())))
            for r in store.read("MATCH (a)-[r]->(b) RETURN type(r) AS t, a.id AS a, b.id AS b, properties(r) AS p")}
    return nodes, rels


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def test_an_edited_file_ingested_again_leaves_none_of_its_old_facts(empty_store, tmp_path):
    other = _write(tmp_path / "a", "quang-ninh.txt", OTHER)
    edited = _write(tmp_path / "b", "bai-viet.txt", OLD)
    assert ingest([str(other), str(edited)], empty_store).documents == 2
    old_people = {r["n"] for r in empty_store.read("MATCH (p:Person) RETURN p.name AS n")}
    assert {"Lưu Chí Minh", "Trần Quốc Hùng"} <= old_people

    edited.write_text(NEW, encoding="utf-8")
    again = ingest([str(other), str(edited)], empty_store)
    assert again.documents == 1 and [u.path for u in again.unchanged] == [str(other)]
    after = dump(empty_store)
    names = {r["n"] for r in empty_store.read("MATCH (p:Person) RETURN p.name AS n")}
    assert "Lưu Chí Minh" not in names and {"Trần Quốc Hùng", "Kim Jae Won"} <= names

    empty_store.write("MATCH (n) DETACH DELETE n")         # the same sources, the new version only
    assert ingest([str(other), str(edited)], empty_store).documents == 2
    fresh = dump(empty_store)
    assert after[0] == fresh[0], (after[0] - fresh[0], fresh[0] - after[0])
    assert after[1] == fresh[1], (after[1] - fresh[1], fresh[1] - after[1])


def test_a_replacement_that_fails_leaves_the_old_version_whole(empty_store, tmp_path):
    from graph.writer import GraphWriter
    from loaders.extract import extract
    from loaders.sources import iter_documents
    from ontology.projection import project

    edited = _write(tmp_path, "bai-viet.txt", OLD)
    assert ingest([str(edited)], empty_store).documents == 1
    before = dump(empty_store)
    edited.write_text(NEW, encoding="utf-8")
    [d] = list(iter_documents([str(edited)], lambda r: pytest.fail(str(r))))
    doc_id = empty_store.read("MATCH (d:Document) RETURN d.id AS id")[0]["id"]
    from dataclasses import replace
    d = replace(d, doc=doc_id)
    batch = project(extract(d.doc, d.text), d.source, None, d.provenance())
    from ontology.projection import NodeRow
    batch.nodes["Commitment"].append(NodeRow(id="commitment:bad", doc=d.doc,
                                             props={"name": "x", "nested": {"a": 1}}))   # maps are not property values
    result = GraphWriter(empty_store).write([(d.doc, batch)])
    assert list(result.failed) == [d.doc]
    assert dump(empty_store) == before


def test_an_unchanged_file_is_skipped_by_its_hash_and_a_touched_one_too(empty_store, tmp_path):
    f = _write(tmp_path, "bai-viet.txt", OLD)
    assert ingest([str(f)], empty_store).documents == 1
    before = dump(empty_store)
    f.write_text(OLD + "\n", encoding="utf-8")              # same article text once cleaned
    s = ingest([str(f)], empty_store)
    assert s.documents == 0 and len(s.unchanged) == 1 and "unchanged" in s.unchanged[0].reason
    assert dump(empty_store) == before
