"""What a node or relationship is called on screen, and the legend: one place for the served explorer
and the static ``dipkg viz`` page, so both read the same.

Why: a meeting labelled "meeting" or a commitment labelled "request" says nothing in a graph of
hundreds; a meeting shows its sides, date and place ("A – B · 30/7/2022 · Huế"), a commitment its
kind and maker. MET is mutual, so it is drawn without an arrow (``UNDIRECTED``).
"""
from __future__ import annotations

from datetime import date as _date

# label -> (colour, vis shape, cytoscape shape, legend glyph)
STYLE = {
    "Person": ("#4e79a7", "dot", "ellipse", "●"),
    "Post": ("#bab0ac", "diamond", "diamond", "◆"),
    "Organization": ("#59a14f", "square", "rectangle", "■"),
    "Province": ("#f28e2b", "hexagon", "hexagon", "⬢"),
    "Country": ("#e15759", "star", "star", "★"),
    "ForeignLocality": ("#ff9da7", "triangle", "triangle", "▲"),
    "ForeignBody": ("#d37295", "square", "rectangle", "■"),
    "InternationalOrganization": ("#b07aa1", "triangleDown", "vee", "▼"),
    "DiplomaticMission": ("#9c755f", "diamond", "diamond", "◆"),
    "NGO": ("#76b7b2", "triangleDown", "vee", "▼"),
    "Company": ("#edc948", "square", "rectangle", "■"),
    "Meeting": ("#17becf", "dot", "round-rectangle", "●"),
    "Commitment": ("#8c564b", "triangle", "round-triangle", "▲"),
    "Document": ("#7f7f7f", "box", "rectangle", "▭"),
}
EDGE_COLOURS = {"MET": "#4e79a7", "ATTENDED": "#17becf", "HOLDS": "#bab0ac", "DEALS_WITH": "#f28e2b",
                "MADE_BY": "#8c564b", "MADE_TO": "#8c564b", "INVOLVES": "#9edae5", "HELD_IN": "#c7c7c7"}
UNDIRECTED = frozenset({"MET"})


def style(label: str | None) -> tuple[str, str, str, str]:
    return STYLE.get(label or "", STYLE["Document"])


def short(s: object, n: int) -> str:
    s = " ".join(str(s or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def day(iso: str | None) -> str:
    """ISO date as the Vietnamese press writes it (30/7/2022); anything else as given."""
    if not iso:
        return ""
    try:
        d = _date.fromisoformat(str(iso)[:10])
    except ValueError:
        return str(iso)
    return f"{d.day}/{d.month}/{d.year}"


def meeting_label(sides: str | None, people: list[str] | None, date: str | None, place: str | None) -> str:
    """"A – B · 30/7/2022 · Huế": the sides (the meeting's own name, else who attended), date, place."""
    who = sides or " – ".join((people or [])[:2]) or "meeting"
    return " · ".join(x for x in (short(who, 60), day(date), short(place, 30)) if x)


def commitment_label(kind: str | None, makers: list[str] | None, by_text: str | None = None,
                     date: str | None = None) -> str:
    """"request · Thừa Thiên Huế · 1/2/2024": kind, maker, date."""
    maker = ", ".join((makers or [])[:2]) or by_text or ""
    return " · ".join(x for x in (kind or "commitment", short(maker, 40), day(date)) if x)


def node_label(label: str | None, name: str | None, *, date: str | None = None, place: str | None = None,
               kind: str | None = None, people: list[str] | None = None, makers: list[str] | None = None,
               by_text: str | None = None, fallback: str = "") -> str:
    if label == "Meeting":
        return meeting_label(name, people, date, place)
    if label == "Commitment":
        return commitment_label(kind, makers, by_text, date)
    return short(name or fallback, 40)


def edge_label(rel_type: str, date: str | None = None, until: str | None = None) -> str:
    when = day(date) if not until or until == date else f"{day(date)}–{day(until)}"
    return f"{rel_type} {when}".strip()
