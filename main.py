"""dipkg: a knowledge graph of local diplomacy. The typer CLI (also the `dipkg` command)."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from graph.config import BATCH_SIZE

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Read articles on provincial diplomacy into a Neo4j graph and query it.")
db_app = typer.Typer(no_args_is_help=True, help="Manage the embedded graph server.")
query_app = typer.Typer(no_args_is_help=True, help="Cypher templates, run by name.")
export_app = typer.Typer(no_args_is_help=True, help="Export the graph (RDF, GraphML, GEXF).")
app.add_typer(db_app, name="db")
app.add_typer(query_app, name="query")
app.add_typer(export_app, name="export")

SAMPLES = Path(__file__).resolve().parent / "samples"
FOLLOW_LINKS_HELP = "also read symbolic links that lead out of the folders given"


class TableFormat(str, Enum):
    table = "table"
    json = "json"


class RowFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def _err(msg: str) -> None:
    typer.echo(msg, err=True)


def _store():
    from graph.store import Neo4jStore, StoreError
    from graph.embedded import EmbeddedServerError

    try:
        return Neo4jStore.connect()
    except (StoreError, EmbeddedServerError) as e:
        _err(f"error: {e}")
        raise typer.Exit(1)


def _report_rejections(rejected, skipped, warnings=()) -> None:
    from queries.output import terminal_safe as safe     # a file name may hold escape sequences

    for w in warnings:
        _err(safe(f"warning {w.path}: {w.reason}"))
    for s in skipped:
        _err(safe(f"skipped {s.path}: {s.reason}"))
    for r in rejected:
        _err(safe(f"rejected {r.path}: {r.error}: {r.reason}"))


@app.command()
def extract(paths: List[Path] = typer.Argument(..., exists=True, help="files or folders"),
            out: Optional[Path] = typer.Option(None, "--out", help="JSONL file (default: standard output)"),
            follow_links: bool = typer.Option(False, "--follow-links", help=FOLLOW_LINKS_HELP),
            jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1,
                                               help="extraction worker processes (default: the number of cores)")):
    """Extract facts from articles; one JSON line per document."""
    from pipeline import ReadReport, default_jobs, iter_extractions

    report = ReadReport()
    lines = [json.dumps(ex.to_record(), ensure_ascii=False)
             for _, ex in iter_extractions(paths, report, jobs=jobs or default_jobs(), follow_links=follow_links)]
    text = "".join(line + "\n" for line in lines)
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        _err(f"wrote {len(lines)} records to {out}")
    else:
        sys.stdout.write(text)
    _report_rejections(report.rejected, report.skipped, report.warnings)
    raise typer.Exit(1 if report.rejected else 0)


@app.command()
def ingest(sources: List[str] = typer.Argument(..., help="files, folders, http(s) URLs of article pages, "
                                                          "RSS/Atom feeds or sitemaps"),
           manifest: Optional[Path] = typer.Option(None, "--manifest", exists=True, dir_okay=False,
                                                   help="CSV/TSV: file, and any of url, outlet, title, published"),
           batch_size: int = typer.Option(BATCH_SIZE, min=1, help="whole documents per transaction"),
           follow_links: bool = typer.Option(False, "--follow-links", help=FOLLOW_LINKS_HELP),
           jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1,
                                              help="extraction worker processes (default: the number of cores)")):
    """Read, extract and write documents into the graph; a summary at the end."""
    from graph.store import StoreError
    from ontology.errors import ManifestError
    from pipeline import ExtractionWorkers, count_sources, default_jobs, ingest as run_ingest, progress_bar

    total = count_sources(sources, follow_links)
    store = _store()
    try:
        with ExtractionWorkers(jobs or default_jobs()) as workers, progress_bar(disable=total < 50) as bar:
            task = bar.add_task("ingesting", total=total)
            summary = run_ingest(sources, store, batch_size=batch_size, workers=workers, manifest=manifest,
                                 follow_links=follow_links,
                                 progress=lambda n: bar.advance(task, n))
    except ManifestError as e:
        _err(f"error: {e}")
        raise typer.Exit(2)
    except StoreError as e:
        _err(f"error: {e}")
        raise typer.Exit(1)
    finally:
        store.close()
    _report_rejections(summary.rejected, summary.skipped, summary.warnings)
    typer.echo(f"documents ingested: {summary.documents + len(summary.unchanged)} "
               f"(written: {summary.documents}, unchanged or already present: {len(summary.unchanged)})")
    if summary.stopped:
        _err(f"error: ingest stopped: {summary.stopped}\n"
             f"{summary.documents} documents were written whole before the stop and none in part; "
             "run the same command again to complete it")
        raise typer.Exit(1)
    typer.echo(f"nodes: {summary.nodes_after} (+{summary.nodes_after - summary.nodes_before})  "
               f"relationships: {summary.rels_after} (+{summary.rels_after - summary.rels_before})")
    typer.echo(f"rejected: {len(summary.rejected)}  skipped: {len(summary.skipped)}")
    raise typer.Exit(1 if summary.rejected else 0)


@app.command("who-met")
def who_met(name: str = typer.Argument(..., help="a person's name, any case, diacritics optional"),
            fmt: TableFormat = typer.Option(TableFormat.table, "--format")):
    """People NAME met, with date, place and source. Exit 1 if no one (or several people) go by NAME."""
    from ontology.errors import AmbiguousName, PersonNotFound
    from queries.checks import resolve_person
    from queries.output import emit
    from queries.runner import run

    with _store() as store:
        try:
            key = resolve_person(store, name)
        except (PersonNotFound, AmbiguousName) as e:
            _err(f"error: {e}")
            raise typer.Exit(1)
        rows = run(store, "who_met", {"person": key})
    if not rows:
        _err(f"{name!r} is in the graph, but no meeting of theirs with another person is recorded")
    out = [{"person": r["person"], "name": r["name"], "date": r["date"], "date_basis": r["date_basis"],
            "place": r["place"], "doc": r["doc"],
            "offices": r["offices"], "quote": r["quote"]} for r in rows]
    if fmt == TableFormat.table:
        out = [{k: v for k, v in r.items() if k != "quote"} for r in out]
    emit(out, fmt.value, title=f"who met {name}")


@app.command()
def stats(fmt: TableFormat = typer.Option(TableFormat.table, "--format")):
    """Counts of nodes by label and relationships by type."""
    from graph.stats import stats as get_stats
    from queries.output import print_table

    with _store() as store:
        s = get_stats(store)
    if fmt == TableFormat.json:
        print(json.dumps(s, ensure_ascii=False))
    else:
        print_table([{"label": k, "nodes": v} for k, v in s["nodes"].items()], "nodes")
        print_table([{"type": k, "relationships": v} for k, v in s["relationships"].items()], "relationships")


@query_app.command("list")
def query_list():
    """The templates, with their parameters."""
    from queries.output import print_table
    from queries.runner import templates

    rows = []
    for t in templates().values():       # one row per template, then one per parameter (none cut off)
        rows.append({"template": t.name, "parameter": "", "type": "", "default": "", "about": t.description})
        rows += [{"template": "", "parameter": p.name, "type": p.type,
                  "default": "(required)" if p.required else p.default, "about": p.description} for p in t.params]
    print_table(rows)


@query_app.command("run")
def query_run(name: str, param: List[str] = typer.Option([], "-p", "--param", help="key=value"),
              fmt: RowFormat = typer.Option(RowFormat.table, "--format"),
              out: Optional[Path] = typer.Option(None, "--out", help="write the rows to this file (CSV for table)")):
    """Run a template by name with -p key=value parameters."""
    from queries.checks import check_fixed
    from queries.output import emit, return_columns
    from queries.runner import QueryError, get, run

    params = {}
    for p in param:
        if "=" not in p:
            _err(f"error: parameter {p!r} is not key=value")
            raise typer.Exit(2)
        k, v = p.split("=", 1)
        params[k.strip()] = v
    try:
        template = get(name)
        params = check_fixed(template, params)
        template.bind(params)
    except QueryError as e:
        _err(f"error: {e}")
        raise typer.Exit(2)
    with _store() as store:
        rows = run(store, name, params)
    emit(rows, fmt.value, title=name, columns=return_columns(template.cypher), out=out)
    if out:
        _err(f"wrote {len(rows)} rows to {out}")


@app.command()
def cypher(query: str = typer.Argument(..., help="one Cypher statement"),
           write: bool = typer.Option(False, "--write", help="allow (and keep) writes"),
           fmt: RowFormat = typer.Option(RowFormat.table, "--format"),
           out: Optional[Path] = typer.Option(None, "--out", help="write the rows to this file")):
    """Run your own Cypher against the graph: read-only unless --write (no password file needed)."""
    from queries.checks import check_read_only
    from queries.output import emit, return_columns
    from ontology.errors import StoreError, WriteRefused

    if not write:
        try:
            check_read_only(query)
        except WriteRefused as e:
            _err(f"error: {e}")
            raise typer.Exit(2)
    with _store() as store:
        try:
            keys, rows = store.analyst(query, write=write)
        except StoreError as e:
            _err(f"error: the graph refused the query: {e}")
            raise typer.Exit(1)
    emit(rows, fmt.value, title="cypher", columns=keys or return_columns(query), out=out)


@app.command()
def serve(port: int = typer.Option(8765, "--port", min=0, max=65535, help="0: any free port"),
          host: str = typer.Option("127.0.0.1", "--host", help="interface to listen on (loopback by default)")):
    """The analyst's explorer in the browser: search, ego networks, timeline, evidence, templates."""
    from graph.explorer.app import is_loopback, make_server

    if not is_loopback(host):
        _err(f"warning: listening on {host}: anyone who can reach this machine there can read the graph "
             "(the explorer has no login); use the default 127.0.0.1 unless you mean it")
    with _store() as store:
        try:
            server = make_server(store, host, port)
        except OSError as e:
            _err(f"error: cannot listen on {host}:{port}: {e.strerror or e}; try another --port")
            raise typer.Exit(1)
        h, p = server.server_address[:2]
        shown = f"[{h}]" if ":" in h else h
        typer.echo(f"dipkg explorer on http://{shown}:{p}/  (Ctrl-C to stop)", err=False)
        sys.stdout.flush()
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()


@app.command()
def viz(out: Path = typer.Option(..., "--out", help="HTML file to write"),
        focus: Optional[str] = typer.Option(None, help="a person, province or partner"),
        hops: int = typer.Option(2, min=1, max=6),
        since: Optional[str] = typer.Option(None, help="only elements dated on or after (YYYY-MM-DD)"),
        until: Optional[str] = typer.Option(None, help="only elements dated on or before (YYYY-MM-DD)"),
        province: Optional[str] = typer.Option(None, help="only what concerns this Vietnamese province"),
        kind: List[str] = typer.Option([], "--kind", help="relationship type to draw (repeatable), e.g. MET"),
        max_nodes: int = typer.Option(600, min=1, help="node cap; the closest and most connected are kept"),
        documents: bool = typer.Option(False, "--documents", help="also draw Documents and EVIDENCED_BY")):
    """Write the graph (or a neighbourhood of FOCUS) as an interactive HTML page."""
    from datetime import date as _date
    from graph.viz import VizError, check_kinds, render_html

    try:
        check_kinds(kind)
    except VizError as e:
        _err(f"error: {e}")
        raise typer.Exit(2)

    for opt, value in (("--since", since), ("--until", until)):
        try:
            value and _date.fromisoformat(value)
        except ValueError:
            _err(f"error: {opt} {value!r} is not a date (YYYY-MM-DD)")
            raise typer.Exit(2)
    with _store() as store:
        try:
            result = render_html(store, out, focus=focus, hops=hops, since=since, until=until, province=province,
                                 kinds=kind or None, max_nodes=max_nodes, documents=documents)
        except VizError as e:
            _err(f"error: {e}")
            raise typer.Exit(1)
    typer.echo(result.message)
    typer.echo(str(out))


@app.command()
def analytics(top: int = typer.Option(10, "--top", min=1, help="rows per measure"),
              label: List[str] = typer.Option([], "--label", help="rank only nodes of this label (repeatable)"),
              fmt: TableFormat = typer.Option(TableFormat.table, "--format")):
    """Degree and betweenness centrality and communities (seeded Louvain) of the graph."""
    from graph.analytics import analyse, load_graph
    from ontology.errors import NotInFixedSet
    from queries.checks import check_value
    from queries.output import print_table

    try:
        label = [check_value("--label", x, "label") for x in label]
    except NotInFixedSet as e:
        _err(f"error: {e}")
        raise typer.Exit(2)
    with _store() as store:
        a = analyse(load_graph(store, drop=frozenset({"text"})), top=top, labels=set(label) or None)
    if fmt == TableFormat.json:
        print(json.dumps({"nodes": a.nodes, "edges": a.edges, "degree": a.degree, "betweenness": a.betweenness,
                          "communities": a.communities}, ensure_ascii=False))
        return
    typer.echo(f"{a.nodes} nodes, {a.edges} links (documents and evidence links left out)")
    print_table(a.degree, "degree centrality")
    print_table(a.betweenness, "betweenness centrality")
    print_table([{**c, "members": ", ".join(c["members"])} for c in a.communities], "communities (Louvain)")


class RdfFormat(str, Enum):
    turtle = "turtle"
    json_ld = "json-ld"


@export_app.command("rdf")
def export_rdf(out: Path = typer.Option(..., "--out", help="RDF file to write"),
               fmt: RdfFormat = typer.Option(RdfFormat.turtle, "--format")):
    """The whole graph as RDF (dipkg vocabulary, evidence on every fact); same store, same bytes."""
    from ontology.rdf import export_rdf as write_rdf

    with _store() as store:
        n, t = write_rdf(store, out, fmt.value)
    typer.echo(f"{n} nodes, {t} triples -> {out}")


@app.command()
def review(action: Optional[str] = typer.Argument(None, help="accept or split (none: list the uncertain decisions)"),
           node: Optional[str] = typer.Argument(None, help="the person node id (column id of the list)"),
           doc: Optional[str] = typer.Argument(None, help="the document id (column doc of the list)"),
           fmt: RowFormat = typer.Option(RowFormat.table, "--format")):
    """Identity decisions marked uncertain, with their evidence; `review accept|split ID DOC` records an
    analyst's decision in the data folder (review.json), which every later ingest applies."""
    from graph.identities import ReviewError, record_review, uncertain_merges
    from queries.output import emit

    if action is None:
        with _store() as store:
            rows = uncertain_merges(store)
        if fmt == RowFormat.table:
            rows = [{k: v for k, v in r.items() if k != "quote"} for r in rows]
        emit(rows, fmt.value, title="uncertain identity decisions")
        return
    if action not in ("accept", "split") or not node or not doc:
        _err("usage: dipkg review [accept|split NODE_ID DOC_ID]; `dipkg review` lists the ids")
        raise typer.Exit(2)
    with _store() as store:
        try:
            d = record_review(store, action, node, doc)
        except ReviewError as e:
            _err(f"error: {e}")
            raise typer.Exit(1)
    typer.echo(f"{d.action}: the mention in {d.doc} of {node} (" +
               ("cleared from review" if d.action == "accept" else "its own person at the next ingest of " + d.doc) +
               ")")


@export_app.command("graphml")
def export_graphml(out: Path = typer.Option(..., "--out", help="GraphML file to write")):
    """The whole graph as GraphML (networkx, yEd, Gephi)."""
    from graph.export_graph import write_graphml

    with _store() as store:
        n, e = write_graphml(store, out)
    typer.echo(f"{n} nodes, {e} relationships -> {out}")


@export_app.command("gexf")
def export_gexf(out: Path = typer.Option(..., "--out", help="GEXF file to write")):
    """The whole graph as GEXF (Gephi)."""
    from graph.export_graph import write_gexf

    with _store() as store:
        n, e = write_gexf(store, out)
    typer.echo(f"{n} nodes, {e} relationships -> {out}")


@db_app.command("start")
def db_start():
    """Start the embedded server (no-op with NEO4J_URI set)."""
    from graph.embedded import EmbeddedServer

    info = EmbeddedServer().start()
    typer.echo(f"running: pid {info.pid}, bolt {info.uri}")


@db_app.command("stop")
def db_stop():
    """Stop the embedded server."""
    from graph.embedded import EmbeddedServer

    typer.echo("stopped" if EmbeddedServer().stop() else "not running")


@db_app.command("status")
def db_status():
    """Is the embedded server running, and where."""
    from graph.embedded import EmbeddedServer

    s = EmbeddedServer()
    info = s.info()
    if not info:                       # LSB: 3 = program is not running
        typer.echo(f"not running (data {s.home})")
        raise typer.Exit(3)
    typer.echo(f"running: pid {info.pid}, bolt {info.uri}, data {s.home}")


@db_app.command("reset")
def db_reset(yes: bool = typer.Option(False, "--yes", help="do not ask")):
    """Delete the embedded server's data."""
    from graph.embedded import EmbeddedServer

    if not yes and not typer.confirm("Delete all graph data?"):
        raise typer.Exit(1)
    EmbeddedServer().reset()
    typer.echo("reset: graph data deleted")


@app.command()
def demo(out: Path = typer.Option(None, "--out", help="HTML file (default: <data folder>/demo/graph.html)"),
         into_configured: bool = typer.Option(False, "--into-configured-store",
                                              help="load the samples into the store NEO4J_URI names")):
    """Ingest the bundled samples, print stats, who met whom for the most connected person, write HTML."""
    import os

    if os.environ.get("NEO4J_URI") and not into_configured:
        _err("error: NEO4J_URI names a store of your own; the demo will not mix its samples into it. "
             "Unset NEO4J_URI to use the embedded store, or add --into-configured-store if you mean it")
        raise typer.Exit(2)
    from graph.config import data_home
    from pipeline import ingest as run_ingest
    from graph.stats import stats as get_stats
    from graph.viz import render_html
    from queries.output import print_table
    from queries.runner import run

    out = out or data_home() / "demo" / "graph.html"
    store = _store()
    try:
        summary = run_ingest([SAMPLES], store)
        typer.echo(f"ingested {summary.documents} documents from {SAMPLES}")
        s = get_stats(store)
        print_table([{"label": k, "nodes": v} for k, v in s["nodes"].items()], "nodes")
        print_table([{"type": k, "relationships": v} for k, v in s["relationships"].items()], "relationships")
        top = run(store, "most_connected_people", {"limit": "1"})
        if top:
            name = top[0]["name"]
            rows = run(store, "who_met", {"person": name})
            print_table([{k: r[k] for k in ("name", "date", "place", "doc")} for r in rows],
                        f"who met {name}")
        result = render_html(store, out)
    finally:
        store.close()
    typer.echo(result.message)
    typer.echo(f"HTML graph: {out}")
    typer.echo("The graph server keeps running; stop it with: make stop  (or: .venv/bin/dipkg db stop)")


def run() -> None:
    """The `dipkg` command and `python main.py`: the CLI, with any DipkgError (ontology/errors.py) that no
    command handled shown as ``error: <message>`` on stderr and exit status 1, never a traceback."""
    from ontology.errors import DipkgError

    try:
        app()
    except DipkgError as e:
        typer.echo(f"error: {e}", err=True)
        sys.exit(1)


if __name__ == "__main__":
    run()
