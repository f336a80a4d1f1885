"""Hostile input folders: special files, links out of the folder, HTML saved as text, legacy encodings,
texts longer than the extractor reads."""
from __future__ import annotations

import os
import socket
import stat
import warnings
from pathlib import Path

import pytest

from loaders.reading import (LinkOutside, SpecialFile, decode, iter_paths, looks_like_html, read_bytes,
                             read_documents)
from ontology.errors import TextTruncated, UncertainDecoding
from tests.hostile.conftest import dipkg

GOOD = ("Ngày 3/5/2024, Chủ tịch UBND tỉnh Hà Tĩnh Trần Văn Bình đã tiếp ông Lee Jun Ho, "
        "Đại sứ Hàn Quốc tại Việt Nam.")
EN = "The naïve envoy of the façade committee met the café owner in São Paulo; ações não são fáceis."


@pytest.fixture
def folder(tmp_path) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    return root


# ---------------------------------------------------------------- special files
def test_a_fifo_beside_a_good_file_does_not_hang_and_is_named(folder):
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(folder / "noext")
    proc = dipkg("extract", str(folder), timeout=120)      # before: blocked forever on open()
    assert proc.returncode == 1, proc.stderr
    assert f"rejected {folder / 'pipe.txt'}: SpecialFile: a named pipe (FIFO), not a regular file" in proc.stderr
    assert f"rejected {folder / 'noext'}: SpecialFile: a named pipe (FIFO)" in proc.stderr
    assert '"doc": "good"' in proc.stdout and "Traceback" not in proc.stderr


def test_a_socket_and_a_device_are_refused_unread(folder):
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "s.txt"))
    try:
        with pytest.raises(SpecialFile, match="a socket"):
            read_bytes(folder / "s.txt")
    finally:
        sock.close()
    try:
        os.mknod(folder / "zero.txt", stat.S_IFCHR | 0o600, os.makedev(1, 5))     # like /dev/zero: never ends
    except (PermissionError, OSError) as e:
        pytest.skip(f"cannot make a device node here: {e}")
    with pytest.raises(SpecialFile, match="a character device"):
        read_documents(folder / "zero.txt")


def test_a_file_swapped_for_a_fifo_after_the_check_still_does_not_block(folder, monkeypatch):
    """The check is repeated on the opened descriptor (opened without blocking), closing the race."""
    target = folder / "swap.txt"
    os.mkfifo(target)
    real_stat = Path.stat

    def looks_regular(self, *a, **k):
        st = real_stat(self, *a, **k)
        if self == target:
            return os.stat_result((stat.S_IFREG | 0o644,) + tuple(st)[1:])
        return st
    monkeypatch.setattr(Path, "stat", looks_regular)
    with pytest.raises(SpecialFile, match="named pipe"):
        read_bytes(target)


# ---------------------------------------------------------------- symbolic links
@pytest.fixture
def linked(folder, tmp_path) -> Path:
    secret = tmp_path / "outside" / "shadow"
    secret.parent.mkdir()
    secret.write_text("root:$6$notreally:19000:0:99999:7:::\n")
    (tmp_path / "outside" / "more.txt").write_text(GOOD)
    (folder / "shadow.txt").symlink_to(secret)
    (folder / "elsewhere").symlink_to(tmp_path / "outside")           # a folder link out
    (folder / "again.txt").symlink_to(folder / "good.txt")            # a link inside: fine
    (folder / "loop").symlink_to(folder)                             # a loop
    return folder


def test_links_out_of_the_folder_are_not_followed(linked):
    refused: list = []
    got = sorted(p.name for p in iter_paths([linked], refused=refused))
    assert got == ["again.txt", "good.txt"]
    assert sorted(p.name for p, _ in refused) == ["elsewhere", "shadow.txt"]
    assert all(isinstance(e, LinkOutside) and "outside the folders given" in str(e) for _, e in refused)


def test_links_out_are_named_by_extract_and_read_with_follow_links(linked):
    proc = dipkg("extract", str(linked), timeout=120)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert f"rejected {linked / 'shadow.txt'}: LinkOutside: a link to" in proc.stderr
    assert "notreally" not in proc.stdout
    follow = dipkg("extract", str(linked), "--follow-links", timeout=120)
    assert "LinkOutside" not in follow.stderr and '"doc": "more"' in follow.stdout
    assert '"doc": "shadow"' not in follow.stdout or "notreally" not in follow.stdout
    assert follow.stdout.count('"doc": "good"') == 1, "the loop made a file be read twice"


def test_a_link_named_on_the_command_line_is_read_as_named(linked):
    assert list(iter_paths([linked / "shadow.txt"])) == [linked / "shadow.txt"]


# ---------------------------------------------------------------- HTML by content
PAGE = ("<!DOCTYPE html>\n<html><head><title>Hà Tĩnh tiếp Đại sứ</title><script>var x='SCRIPT_LEAK'</script>"
        "</head><body><nav>NAV_LEAK</nav><article><p>{}</p><p>Hai bên trao đổi về hợp tác.</p></article></body></html>")


@pytest.mark.parametrize("name", ["page.txt", "page.md", "page"])
def test_an_html_page_saved_as_text_is_read_as_html(folder, name):
    (folder / name).write_text(PAGE.format(GOOD), encoding="utf-8")
    [doc] = read_documents(folder / name)
    assert GOOD in doc.text
    assert "<p>" not in doc.text and "SCRIPT_LEAK" not in doc.text and "<!DOCTYPE" not in doc.text


def test_a_fragment_without_a_doctype_is_recognised_by_its_tags(folder):
    body = "".join(f"<div class='c'><p>{GOOD}</p><br></div>" for _ in range(3))
    (folder / "frag.txt").write_text(body, encoding="utf-8")
    [doc] = read_documents(folder / "frag.txt")
    assert GOOD in doc.text and "<div" not in doc.text


def test_prose_that_mentions_a_tag_stays_prose():
    assert not looks_like_html("Use the <b> element for bold text, and <i> for italics, said the guide. " * 3)
    assert not looks_like_html(GOOD)
    assert looks_like_html("  <html lang='vi'><body>x</body></html>")


# ---------------------------------------------------------------- legacy encodings
@pytest.mark.parametrize("codec", ["latin-1", "cp1252", "iso8859-15"])
def test_western_european_text_is_not_read_as_central_european(codec):
    with warnings.catch_warnings():
        warnings.simplefilter("error")                # a certain decoding: no warning
        assert decode(EN.encode(codec)) == EN           # before: "naďve", "faďade"


def test_vietnamese_windows_1258_still_reads_as_vietnamese():
    from tests.test_bad_input import VI, cp1258

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert decode(cp1258(VI)) == VI


def test_other_encodings_are_read_with_a_warning_that_it_is_a_guess():
    polish = "Zażółć gęślą jaźń, powiedział ambasador w Krakowie; współpraca gospodarcza."
    with pytest.warns(UncertainDecoding, match="a guess"):
        text = decode(polish.encode("cp1250"))
    assert text == polish


def test_an_uncertain_decoding_is_in_the_runs_report(folder):
    (folder / "pl.txt").write_bytes("Zażółć gęślą jaźń, powiedział ambasador w Krakowie.".encode("cp1250"))
    proc = dipkg("extract", str(folder), timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert f"warning {folder / 'pl.txt'}: not UTF-8, nor Vietnamese or Western European text" in proc.stderr


# ---------------------------------------------------------------- texts longer than the extractor reads
def test_truncation_is_said_per_document(folder, monkeypatch):
    extract_mod = pytest.importorskip("loaders.extract")
    from pipeline import ReadReport, iter_extractions

    monkeypatch.setattr(extract_mod, "MAX_CHARS", 500)
    (folder / "long.txt").write_text((GOOD + "\n") * 20, encoding="utf-8")
    report = ReadReport()
    docs = [d.doc for d, _ in iter_extractions([folder], report)]
    assert sorted(docs) == ["good", "long"]
    [w] = report.warnings
    assert w.path.endswith("long.txt") and w.error == "TextTruncated"
    assert "the first 500 only" in w.reason
    with pytest.warns(TextTruncated):
        extract_mod.extract("x", "a" * 501)


def test_the_limit_was_lifted():
    extract_mod = pytest.importorskip("loaders.extract")
    assert extract_mod.MAX_CHARS >= 200_000


def test_a_file_name_with_escape_sequences_is_reported_escaped(folder):
    (folder / "\x1b[2J\x1b[31mforged\nrejected fake.txt").write_bytes(b"")
    proc = dipkg("extract", str(folder), timeout=120)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "\x1b" not in proc.stderr and "\\x1b[2J\\x1b[31mforged\\nrejected fake.txt: EmptyDocument" in proc.stderr
    assert not any(line.startswith("rejected fake.txt") for line in proc.stderr.splitlines())
