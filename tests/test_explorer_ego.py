"""The explorer's ego network on a node with more links than it shows: the lasting links with the most
documents behind them are kept, the latest meetings take the events' share, and ``total`` says how many
there were. The people and meetings are made up for these tests, written through the real write path."""
from __future__ import annotations

import pytest

from graph.explorer import api
from ontology.facts import Extraction, MeetingFact, PersonFact, Span

pytestmark = pytest.mark.integration

HOST = "Đặng Minh Khôi"
OFTEN, ONCE_A, ONCE_B = "Yamada Taro", "Park Ji-ho", "Lopez Ana"


def _meeting(doc: str, guest: str, day: str) -> Extraction:
    text = f"Ngày {day}, ông {HOST} tiếp ông {guest}."
    span = Span(doc, 0, len(text), text)
    return Extraction(doc=doc, text=text, lang="vi", date=f"2024-{day}",
                      persons=(PersonFact(HOST, (), "vietnam", span), PersonFact(guest, (), "foreign", span)),
                      meetings=(MeetingFact(((HOST,), (guest,)), (HOST, guest), span, date=f"2024-{day}"),))


@pytest.fixture
def host(empty_store):
    from graph.writer import GraphWriter
    from ontology.projection import project

    docs = [_meeting("g1", OFTEN, "01-10"), _meeting("g2", ONCE_A, "02-10"), _meeting("g3", OFTEN, "03-10"),
            _meeting("g4", ONCE_B, "04-10"), _meeting("g5", OFTEN, "05-10"), _meeting("g6", OFTEN, "11-20")]
    assert not GraphWriter(empty_store).write([(ex.doc, project(ex)) for ex in docs]).failed
    return next(s.id for s in api.search(empty_store, HOST) if s.name == HOST)


def _names(ego, types) -> list[str]:
    names = {n.id: n.name for n in ego.nodes}
    return [names.get(e.target if e.source == ego.centre.id else e.source) for e in ego.edges if e.type in types]


def test_all_links_when_they_fit(empty_store, host):
    ego = api.ego(empty_store, host)
    assert ego.total == len(ego.edges) == 6 + 6          # met at six meetings (a MET per meeting), attended six
    assert sorted(_names(ego, {"MET"})) == sorted([OFTEN] * 4 + [ONCE_A, ONCE_B])


def test_the_best_documented_counterpart_and_the_latest_meeting_are_kept(empty_store, host):
    ego = api.ego(empty_store, host, limit=3)            # two lasting links, one event
    assert ego.total == 12 and len(ego.edges) == 3
    met = [e for e in ego.edges if e.type == "MET"]
    assert _names(ego, {"MET"}) == [OFTEN, OFTEN], ego.edges   # met in four documents, the others in one
    assert sorted(e.date for e in met) == ["2024-05-10", "2024-11-20"]   # the latest two of the four
    meetings = [n for n in ego.nodes if n.label == "Meeting"]
    assert [m.date for m in meetings] == ["2024-11-20"]  # the latest of the six
