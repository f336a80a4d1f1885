"""The ingest plans each batch's statements in its main thread, while the previous batch is being
written, so the writer thread only sends them (graph/writer.py, WritePlan); against the session's
real Bolt server."""
from __future__ import annotations

import sys
import threading

import graph.writer as writer_module
from graph.writer import GraphWriter, plan_batch
from ontology.projection import project
from pipeline import SWITCH_INTERVAL, ingest
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate, make_doc  # noqa: E402

POOL = 12


def test_a_plan_needs_no_store_and_has_a_statement_per_label_and_relationship_group():
    batch = project(make_doc(5, POOL, 0).extraction)
    plan = GraphWriter(store=None).prepare([("d", batch)]).plan
    labels = [label for label, rows in batch.nodes.items() if rows]
    node_statements = [s for s in plan.statements if "rows" in s.params and "links" in s.params["rows"][0]]
    assert len(node_statements) == len(labels)
    groups = [k for k, rows in batch.rels.items() if rows and k[0] != "EVIDENCED_BY"]   # evidence rides with its node
    rel_statements = [s for s in plan.statements if "key" in s.params["rows"][0]]
    assert groups and len(rel_statements) == len(groups)
    assert [r["sha"] for r in plan.versions] == [r.props["sha"] for r in batch.nodes["Document"] if r.props.get("sha")]
    assert all(isinstance(s.query, str) and s.params["rows"] for s in plan.statements)
    assert plan_batch(batch) == plan


def test_ingest_plans_in_its_main_thread_and_restores_the_switch_interval(empty_store, tmp_path, monkeypatch):
    generate(tmp_path / "corpus", 9, seed=5, pool=POOL, per_dir=10**9)
    planned_in: list[str] = []
    real = writer_module.plan_batch

    def recording(batch):
        planned_in.append(threading.current_thread().name)
        return real(batch)

    monkeypatch.setattr(writer_module, "plan_batch", recording)
    before = sys.getswitchinterval()
    summary = ingest([tmp_path / "corpus"], empty_store, batch_size=4)
    assert summary.documents == 9 and not summary.rejected
    assert planned_in == ["MainThread"] * 3              # batches of 4, 4 and 1, none planned by the writer
    assert sys.getswitchinterval() == before != SWITCH_INTERVAL
    assert empty_store.read("MATCH (d:Document) RETURN count(d) AS n")[0]["n"] == 9
