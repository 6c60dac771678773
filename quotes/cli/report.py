"""``quotes report``: one self-contained HTML page about a corpus database.

The page holds its styles, its one script (sortable tables) and its charts
(matplotlib SVG, drawn here, inline): it fetches nothing and opens in any
browser with no network. Sections:

1. the corpus at a glance: articles, quotes, speakers, the share of quotes
   with a named speaker, by outlet and over time;
2. the top speakers by quotes and by articles, with their regret and shock
   (mean, and the share of their quotes above 0.5);
3. regret and shock over time (per week or month), and per speaker for the top ones;
4. the most regretful and the most shocked quotes in their sentence, each
   linked to its article;
5. a section per speaker: aliases, quotes over time, tone distribution and
   every quote in its sentence;
6. the linked articles with their quotes marked (:mod:`quotes.cli.html`).

Everything is read through :class:`quotes.corpus.store.Store` opened read-only,
or a Parquet dataset (:class:`quotes.corpus.dataset.Dataset`, the same reading
methods, the same page); every string from the data is escaped (see :mod:`quotes.cli.html`).
"""
from __future__ import annotations

import io
import os
import re
import time
import urllib.parse
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from quotes.cli.html import anchor, article_section, context_html, esc, page
from quotes.corpus.dataset import CorpusReader, Dataset
from quotes.corpus.store import Store, StoreError
from quotes.errors import QuotesError
from quotes.files import replaced_atomically

HIGH = 0.5  # a quote "is" regretful / shocked above this probability
REGRET_COLOUR = "#c2255c"
SHOCK_COLOUR = "#1c7ed6"
BAR_COLOUR = "#495057"
# Article text embedded in the page for the speaker sections' links (the top
# quotes' articles are always embedded): keeps a large corpus's page small.
EMBED_BUDGET = 1_000_000


@dataclass
class ReportOptions:
    """What ``quotes report`` draws.

    Attributes:
        speaker: only this speaker (id, name or alias; several may match).
        since, until: only articles dated in this range (ISO dates, inclusive).
        top: speakers in the top-speaker charts and tone-over-time panels.
        speakers: speakers given a section of their own (with ``speaker``: all that match).
        period: "week", "month" or "auto" (weeks for a span under six months).
        quotes: how many of the most regretful and most shocked quotes to list.
        articles: also write every article of the report as a page of its own in
            this folder (``a-HASH.html``), and link every quote to its article.
        embed_budget: characters of article text embedded for the speaker sections.
    """

    speaker: str | None = None
    since: str | None = None
    until: str | None = None
    top: int = 15
    speakers: int = 10
    period: str = "auto"
    quotes: int = 10
    embed_budget: int = EMBED_BUDGET
    articles: Path | None = None


@dataclass
class SpeakerStats:
    speaker_id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def quotes(self) -> int:
        return len(self.rows)

    @property
    def articles(self) -> int:
        return len({r["doc_id"] for r in self.rows})

    def mean(self, key: str) -> float | None:
        values = [r[key] for r in self.rows if r[key] is not None]
        return sum(values) / len(values) if values else None

    def share(self, key: str) -> float | None:
        values = [r[key] for r in self.rows if r[key] is not None]
        return sum(v > HIGH for v in values) / len(values) if values else None


def parse_day(value: str | None) -> date | None:
    """The calendar day of an ISO date or date-time string (None when it is not one)."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def check_date(value: str | None, option: str) -> str | None:
    """``value`` when it is an ISO date (YYYY-MM-DD); else a StoreError naming the option."""
    if value is None:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) or parse_day(value) is None:
        raise StoreError(f"{option} {value!r}: give a date as YYYY-MM-DD")
    return value


def period_start(day: date, period: str) -> date:
    """The first day of the week (Monday) or month holding ``day``."""
    if period == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


# --- charts ---------------------------------------------------------------------

def _pyplot():
    try:
        import matplotlib
    except ImportError:
        raise QuotesError('quotes report draws its charts with matplotlib: pip install "quotes[report]"') from None

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({
        "svg.fonttype": "none",  # text stays text: small files, the browser's font
        "svg.hashsalt": "quotes-report",  # ids the same from run to run
        "font.family": "sans-serif",
        "font.size": 10,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.titlesize": 11,
        "axes.titleweight": "bold",
        "legend.frameon": False,
        "axes.axisbelow": True,  # grid lines behind the bars
    })
    return plt


def label(text: str | None, width: int = 26) -> str:
    """A chart label from data: cut to ``width``, and ``$`` kept literal
    (matplotlib would read ``$...$`` as mathematics)."""
    text = " ".join(str(text or "?").split())
    if len(text) > width:
        text = text[: width - 1] + "…"
    return text.replace("\\", "\\\\").replace("$", r"\$")


# charts numbered from 0 in each page (build() starts again), so that the same
# corpus gives the same page however many reports the process wrote before
_CHARTS = iter(range(1 << 62))


def _number_charts_from_zero() -> None:
    global _CHARTS
    _CHARTS = iter(range(1 << 62))


def svg(fig: Any, description: str) -> str:
    """The figure as an inline ``<svg>`` that scales to its container; its ids
    (clip paths, markers) get a prefix of their own, unique in the page."""
    plt = _pyplot()
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})  # laid out by tight_layout
    plt.close(fig)
    text = buf.getvalue()
    text = text[text.index("<svg"):]
    prefix = f"c{next(_CHARTS)}-"
    ids = set(re.findall(r'\bid="([^"]+)"', text))
    text = re.sub(r'(\bid="|url\(#|href="#)([^")]+)',
                  lambda m: m.group(1) + prefix + m.group(2) if m.group(2) in ids else m.group(0), text)
    # drop the fixed size (keep the viewBox) so CSS sizes it; say what it shows
    text = re.sub(r'^<svg([^>]*?) width="[^"]*" height="[^"]*"',
                  lambda m: f'<svg{m.group(1)} role="img" aria-label="{esc(description)}"', text, count=1)
    return f'<div class="figure">{text}</div>\n'


def _date_axis(ax: Any, period: str) -> None:
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.grid(axis="y", color="#e9ecef")


def chart_over_time(periods: list[date], articles: list[int], quotes: list[int], period: str) -> str:
    plt = _pyplot()
    fig, axes = plt.subplots(2, 1, figsize=(7.5, 4.2), sharex=True)
    width = 5 if period == "week" else 25
    for ax, values, title in ((axes[0], articles, f"Articles per {period}"),
                              (axes[1], quotes, f"Quotes per {period}")):
        ax.bar(periods, values, width=width, color=BAR_COLOUR)
        ax.set_title(title, loc="left")
        _date_axis(ax, period)
    fig.subplots_adjust(left=0.075, right=0.985, bottom=0.08, top=0.93, hspace=0.3)
    return svg(fig, f"Articles and quotes per {period}")


def chart_outlets(outlets: list[tuple[str, int, int]]) -> str:
    plt = _pyplot()
    outlets = outlets[:20]
    fig, axes = plt.subplots(1, 2, figsize=(7.5, 0.6 + 0.28 * max(3, len(outlets))), sharey=True)
    names = [label(o, 18) for o, _, _ in outlets][::-1]
    for ax, values, title in ((axes[0], [a for _, a, _ in outlets][::-1], "Articles"),
                              (axes[1], [q for _, _, q in outlets][::-1], "Quotes")):
        ax.barh(names, values, color=BAR_COLOUR)
        ax.set_title(title, loc="left")
        ax.grid(axis="x", color="#e9ecef")
    fig.tight_layout()
    return svg(fig, "Articles and quotes by outlet")


def chart_top_speakers(by_quotes: list[SpeakerStats], by_articles: list[SpeakerStats]) -> str:
    plt = _pyplot()
    n = max(len(by_quotes), len(by_articles), 3)
    fig, axes = plt.subplots(1, 2, figsize=(7.5, 0.7 + 0.27 * n))
    for ax, group, key, title in ((axes[0], by_quotes, "quotes", "Top speakers by quotes"),
                                  (axes[1], by_articles, "articles", "Top speakers by articles")):
        ax.barh([label(s.name, 20) for s in group][::-1], [getattr(s, key) for s in group][::-1], color=BAR_COLOUR)
        ax.set_title(title, loc="left")
        ax.grid(axis="x", color="#e9ecef")
        ax.tick_params(axis="y", labelsize=8.5)
    fig.tight_layout()
    return svg(fig, "Top speakers by quotes and by articles")


def chart_speaker_tone(group: list[SpeakerStats]) -> str:
    plt = _pyplot()
    import numpy as np

    n = max(len(group), 3)
    fig, axes = plt.subplots(1, 2, figsize=(7.5, 0.9 + 0.3 * n), sharey=True)
    y = np.arange(len(group))[::-1]
    h = 0.38
    for ax, measure, title in ((axes[0], "mean", "Mean probability"),
                               (axes[1], "share", f"Share of quotes above {HIGH}")):
        for offset, key, colour in ((h / 2, "regret", REGRET_COLOUR), (-h / 2, "shock", SHOCK_COLOUR)):
            values = [getattr(s, measure)(key) or 0.0 for s in group]
            ax.barh(y + offset, values, height=h, color=colour, label=key)
        ax.set_title(title, loc="left")
        ax.grid(axis="x", color="#e9ecef")
        ax.tick_params(axis="y", labelsize=8.5)
    from matplotlib.ticker import PercentFormatter

    axes[1].xaxis.set_major_formatter(PercentFormatter(1.0))
    axes[0].set_yticks(y, [label(s.name, 20) for s in group])
    axes[0].legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    return svg(fig, "Regret and shock of the top speakers")


# A period's mean tone is drawn when it has at least this many quotes (means of a
# handful of quotes jump about and say nothing).
MIN_PERIOD_QUOTES = 5


def _tone_series(rows: Iterable[dict[str, Any]], period: str,
                 least: int = MIN_PERIOD_QUOTES) -> tuple[list[date], list[float], list[float], list[int]]:
    buckets: dict[date, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        day = parse_day(r["date"])
        if day is not None and r["regret"] is not None:
            buckets[period_start(day, period)].append(r)
    xs = sorted(x for x in buckets if len(buckets[x]) >= least)
    regret = [sum(r["regret"] for r in buckets[x]) / len(buckets[x]) for x in xs]
    shock = [sum(r["shock"] or 0.0 for r in buckets[x]) / len(buckets[x]) for x in xs]
    return xs, regret, shock, [len(buckets[x]) for x in xs]


def chart_tone_over_time(rows: list[dict[str, Any]], group: list[SpeakerStats], period: str) -> str:
    plt = _pyplot()
    panels = [("All quotes", rows)] + [(s.name, s.rows) for s in group]
    cols = 2
    extra = (len(panels) - 1 + cols - 1) // cols
    fig = plt.figure(figsize=(7.5, 2.6 + 1.9 * extra))
    grid = fig.add_gridspec(1 + extra, cols)
    for i, (name, panel_rows) in enumerate(panels):
        ax = fig.add_subplot(grid[0, :]) if i == 0 else fig.add_subplot(grid[1 + (i - 1) // cols, (i - 1) % cols])
        xs, regret, shock, _ = _tone_series(panel_rows, period)
        style = {"marker": "o", "markersize": 2.5 if i == 0 else 2, "linewidth": 1.4 if i == 0 else 1}
        ax.plot(xs, regret, color=REGRET_COLOUR, label="regret", **style)
        ax.plot(xs, shock, color=SHOCK_COLOUR, label="shock", **style)
        ax.set_title(f"Mean regret and shock per {period}" if i == 0 else label(name, 30), loc="left",
                     fontsize=11 if i == 0 else 9)
        ax.set_ylim(bottom=0)
        _date_axis(ax, period)
        if i == 0:
            ax.legend(loc="upper right", fontsize=8, ncols=2)
        else:
            ax.tick_params(labelsize=7)
    fig.tight_layout()
    return svg(fig, f"Regret and shock per {period}, overall and for the top speakers")


def chart_speaker(s: SpeakerStats, period: str) -> str:
    plt = _pyplot()
    fig, axes = plt.subplots(1, 2, figsize=(7.5, 2.4))
    counts: Counter[date] = Counter()
    for r in s.rows:
        day = parse_day(r["date"])
        if day is not None:
            counts[period_start(day, period)] += 1
    xs = sorted(counts)
    axes[0].bar(xs, [counts[x] for x in xs], width=5 if period == "week" else 25, color=BAR_COLOUR)
    axes[0].set_title(f"Quotes per {period}", loc="left", fontsize=10)
    _date_axis(axes[0], period)
    axes[0].tick_params(labelsize=7.5)
    bins = [i / 10 for i in range(11)]
    for key, colour in (("regret", REGRET_COLOUR), ("shock", SHOCK_COLOUR)):
        values = [r[key] for r in s.rows if r[key] is not None]
        axes[1].hist(values, bins=bins, histtype="step", linewidth=1.6, color=colour, label=key)
    # most quotes score near 0: counts on a log scale, plain labels (no mathtext: quick)
    from matplotlib.ticker import FuncFormatter, NullLocator

    if any(r["regret"] is not None or r["shock"] is not None for r in s.rows):
        axes[1].set_yscale("log")
        axes[1].yaxis.set_minor_locator(NullLocator())
        axes[1].yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
    axes[1].set_title("Tone distribution (quotes)", loc="left", fontsize=10)
    axes[1].set_xlabel("probability", fontsize=8)
    axes[1].legend(fontsize=8)
    axes[1].tick_params(labelsize=7.5)
    # fixed margins (numbers and dates only): tight_layout would draw it twice, and
    # these charts are most of the report's time
    fig.subplots_adjust(left=0.075, right=0.985, bottom=0.2, top=0.88, wspace=0.22)
    return svg(fig, f"Quotes over time and tone distribution of {s.name}")


# --- the page ---------------------------------------------------------------------

def _pct(value: float | None) -> str:
    return "" if value is None else f"{100 * value:.0f}%"


def _num(value: float | None, digits: int = 3) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def _td(value: Any, text: str | None = None, numeric: bool = False) -> str:
    sort = "" if value is None or not numeric else f' data-v="{esc(value)}"'
    cls = ' class="n"' if numeric else ""
    return f"<td{cls}{sort}>{text if text is not None else esc(value)}</td>"


def _table(headers: Sequence[tuple[str, bool]], rows: Iterable[str], caption: str = "") -> str:
    head = "".join(f'<th scope="col"{" class=n" if numeric else ""}>{esc(h)}</th>' for h, numeric in headers)
    cap = f"<caption class=\"muted\">{esc(caption)}</caption>" if caption else ""
    return (f'<div class="scroll"><table class="sortable">{cap}<thead><tr>{head}</tr></thead>\n<tbody>\n'
            + "\n".join(rows) + "\n</tbody></table></div>\n")


class ReportBuilder:
    """Reads the store once and writes the page's sections."""

    def __init__(self, store: CorpusReader, options: ReportOptions) -> None:
        self.options = options
        since = check_date(options.since, "--since")
        until = check_date(options.until, "--until")
        docs = {d["doc_id"]: d for d in store.documents()}
        if since or until:
            def inside(d: dict[str, Any]) -> bool:
                day = (d["date"] or "")[:10]
                return bool(day) and (since is None or day >= since) and (until is None or day <= until)
            docs = {k: d for k, d in docs.items() if inside(d)}
        rows = [r for r in store.export_rows() if r["doc_id"] in docs]
        known = store.aliases()
        self.selected: list[str] = []
        if options.speaker is not None:
            self.selected = store.speaker_ids(options.speaker)
            if not self.selected:
                raise StoreError(f"--speaker {options.speaker!r}: no speaker has this id, name or alias; "
                                 "`quotes speakers --top 0` lists them")
            chosen = set(self.selected)
            rows = [r for r in rows if r["speaker_id"] in chosen]
            docs = {k: d for k, d in docs.items() if k in {r["doc_id"] for r in rows}}
        self.docs = docs
        self.rows = rows
        speakers: dict[str, SpeakerStats] = {}
        for r in rows:
            sid = r["speaker_id"]
            if sid is None:
                continue
            if sid not in speakers:
                speakers[sid] = SpeakerStats(sid, r["speaker"], known.get(sid) or [r["speaker"]])
            speakers[sid].rows.append(r)
        self.speakers = sorted(speakers.values(), key=lambda s: (-s.quotes, -s.articles, s.name, s.speaker_id))
        days = sorted(filter(None, (parse_day(d["date"]) for d in docs.values())))
        if options.period in ("week", "month"):
            self.period = options.period
        else:
            self.period = "week" if days and (days[-1] - days[0]).days < 183 else "month"
        self.days = days
        self.store = store
        if self.selected:
            self.sectioned = [s for s in self.speakers if s.speaker_id in set(self.selected)]
        else:
            self.sectioned = self.speakers[:max(0, options.speakers)]
        self.sectioned_ids = {s.speaker_id for s in self.sectioned}
        self.linked: dict[str, None] = {}  # doc_ids the page links to, in order
        # the --articles folder as a URL relative to the report ("articles/"), set by write_report
        self.articles_href: str | None = None

    # links -----------------------------------------------------------------------

    def speaker_link(self, speaker_id: str | None, name: str | None) -> str:
        if speaker_id is None:
            return '<span class="muted">unknown speaker</span>'
        if speaker_id in self.sectioned_ids:
            return f'<a href="#{anchor("s", speaker_id)}">{esc(name)}</a>'
        return esc(name)

    def article_link(self, doc_id: str, always: bool = False) -> str:
        """A link to the article's marked view: embedded in the page (``always``: embed
        it), else its page in the --articles folder, else none."""
        doc = self.docs.get(doc_id, {})
        text = esc(doc.get("title") or doc_id)
        if always and doc_id not in self.linked and self.articles_href is None:
            self.linked[doc_id] = None
        if doc_id in self.linked:
            return f'<a href="#{anchor("a", doc_id)}">{text}</a>'
        if self.articles_href is not None:
            return f'<a href="{esc(self.articles_href + anchor("a", doc_id))}.html">{text}</a>'
        return text

    # sections ----------------------------------------------------------------------

    def build(self) -> str:
        o = self.options
        _number_charts_from_zero()
        title = "Quotes report" + (f": {self.sectioned[0].name}" if self.selected and self.sectioned else "")
        span = f"{self.days[0]} to {self.days[-1]}" if self.days else "undated articles"
        filters = [f"speaker {o.speaker!r}" if o.speaker else "", f"since {o.since}" if o.since else "",
                   f"until {o.until}" if o.until else ""]
        filters_text = ", ".join(f for f in filters if f)
        parts = [f"<header><h1>{esc(title)}</h1>\n<p class=\"muted\">{esc(Path(self.store.path).name)} · "
                 f"{esc(span)}{' · ' + esc(filters_text) if filters_text else ''}</p></header>\n"]
        # the top quotes decide which articles are embedded first
        top_quotes = self.section_top_quotes()
        speaker_sections = self.section_speakers()
        parts.append(self.nav())
        parts.append("<main>\n")
        parts.append(self.section_glance())
        parts.append(self.section_top_speakers())
        parts.append(self.section_tone_over_time())
        parts.append(top_quotes)
        parts.append(speaker_sections)
        parts.append(self.section_articles())
        parts.append("</main>\n<footer class=\"muted\"><p>Made by <code>quotes report</code>. Regret and shock "
                     "are the tone model's calibrated probabilities; a quote counts as regretful or shocked "
                     f"above {HIGH}.</p></footer>")
        return page(title, "".join(parts))

    def nav(self) -> str:
        items = [("glance", "The corpus at a glance"), ("speakers", "Top speakers"),
                 ("tone", "Regret and shock over time"), ("quotes", "The most regretful and shocked quotes"),
                 ("people", "Speakers, one by one"), ("articles", "Articles with their quotes marked")]
        links = "".join(f'<li><a href="#{k}">{esc(t)}</a></li>' for k, t in items)
        return f"<nav aria-label=\"contents\"><ul>{links}</ul></nav>\n"

    def section_glance(self) -> str:
        rows, docs = self.rows, self.docs
        named = sum(r["speaker_id"] is not None for r in rows)
        stats = [("articles", f"{len(docs):,}"), ("quotes", f"{len(rows):,}"),
                 ("speakers", f"{len(self.speakers):,}"),
                 ("with a named speaker", _pct(named / len(rows)) if rows else "n/a")]
        out = ["<section id=\"glance\"><h2>The corpus at a glance</h2>\n<ul class=\"stats\">",
               "".join(f"<li><b>{esc(v)}</b>{esc(k)}</li>" for k, v in stats), "</ul>\n"]
        by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in rows:
            by_doc[r["doc_id"]].append(r)
        outlets: dict[str, list[str]] = defaultdict(list)
        for doc_id, d in docs.items():
            outlets[d["outlet"] or "(no outlet)"].append(doc_id)
        table = []
        summary = []
        for outlet, ids in sorted(outlets.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            quotes = [r for i in ids for r in by_doc.get(i, [])]
            n_named = sum(r["speaker_id"] is not None for r in quotes)
            regret = [r["regret"] for r in quotes if r["regret"] is not None]
            shock = [r["shock"] for r in quotes if r["shock"] is not None]
            share = n_named / len(quotes) if quotes else None
            r_mean = sum(regret) / len(regret) if regret else None
            s_mean = sum(shock) / len(shock) if shock else None
            summary.append((outlet, len(ids), len(quotes)))
            table.append("<tr>" + _td(outlet) + _td(len(ids), numeric=True) + _td(len(quotes), numeric=True)
                         + _td(share, _pct(share), True) + _td(r_mean, _num(r_mean), True)
                         + _td(s_mean, _num(s_mean), True) + "</tr>")
        if len(outlets) > 1 or (outlets and "(no outlet)" not in outlets):
            out.append("<h3>By outlet</h3>\n")
            out.append(chart_outlets(summary))
            out.append(_table((("outlet", False), ("articles", True), ("quotes", True), ("named", True),
                               ("regret", True), ("shock", True)), table))
        periods: dict[date, list[int]] = defaultdict(lambda: [0, 0])
        for doc_id, d in docs.items():
            day = parse_day(d["date"])
            if day is not None:
                p = periods[period_start(day, self.period)]
                p[0] += 1
                p[1] += len(by_doc.get(doc_id, []))
        if periods:
            xs = sorted(periods)
            out.append(f"<h3>Over time</h3>\n")
            out.append(chart_over_time(xs, [periods[x][0] for x in xs], [periods[x][1] for x in xs], self.period))
        undated = sum(parse_day(d["date"]) is None for d in docs.values())
        if undated:
            out.append(f"<p class=\"muted\">{undated:,} article{'s' if undated != 1 else ''} without a date "
                       "left out of the charts over time.</p>\n")
        out.append("</section>\n")
        return "".join(out)

    def section_top_speakers(self) -> str:
        n = max(1, self.options.top)
        by_quotes = self.speakers[:n]
        by_articles = sorted(self.speakers, key=lambda s: (-s.articles, -s.quotes, s.name))[:n]
        out = ["<section id=\"speakers\"><h2>Top speakers</h2>\n"]
        if not self.speakers:
            out.append("<p>No quote has a named speaker.</p></section>\n")
            return "".join(out)
        out.append(chart_top_speakers(by_quotes, by_articles))
        out.append(chart_speaker_tone(by_quotes))
        rows = []
        for s in self.speakers[:max(50, n)]:
            rm, rs, sm, ss = s.mean("regret"), s.share("regret"), s.mean("shock"), s.share("shock")
            days = sorted(filter(None, (parse_day(r["date"]) for r in s.rows)))
            rows.append("<tr>" + _td(s.name, self.speaker_link(s.speaker_id, s.name))
                        + _td(s.quotes, numeric=True) + _td(s.articles, numeric=True)
                        + _td(rm, _num(rm), True) + _td(rs, _pct(rs), True)
                        + _td(sm, _num(sm), True) + _td(ss, _pct(ss), True)
                        + _td(None, f'<span class="nowrap">{days[0] if days else ""}</span>')
                        + _td(None, f'<span class="nowrap">{days[-1] if days else ""}</span>') + "</tr>")
        out.append(_table((("speaker", False), ("quotes", True), ("articles", True), ("regret", True),
                           (f"regret>{HIGH}", True), ("shock", True), (f"shock>{HIGH}", True),
                           ("first", False), ("last", False)), rows,
                          f"The first {len(rows)} of {len(self.speakers):,} speakers by quotes; "
                          "click a heading to sort."))
        out.append("</section>\n")
        return "".join(out)

    def section_tone_over_time(self) -> str:
        out = [f"<section id=\"tone\"><h2>Regret and shock over time</h2>\n"]
        if not self.days:
            out.append("<p>No article has a date.</p></section>\n")
            return "".join(out)
        group = self.speakers[:min(6, max(0, self.options.top))] if not self.selected else []
        out.append(chart_tone_over_time(self.rows, group, self.period))
        out.append(f"<p class=\"muted\">Mean probabilities per {self.period}; a {self.period} with fewer than "
                   f"{MIN_PERIOD_QUOTES} quotes (of everyone, or of that speaker) is left out.</p>\n")
        out.append("</section>\n")
        return "".join(out)

    def _quote_block(self, r: dict[str, Any], key: str, text: str | None) -> str:
        doc = self.docs.get(r["doc_id"], {})
        when = esc(doc.get("date") or "")
        return (f"<li><blockquote>{context_html(text, r)}</blockquote>\n<p class=\"muted\">"
                f"{self.speaker_link(r['speaker_id'], r['speaker'])} · {self.article_link(r['doc_id'], True)}"
                f"{' · ' + when if when else ''} · {esc(key)} <b>{_num(r[key], 2)}</b></p></li>\n")

    def section_top_quotes(self) -> str:
        n = max(0, self.options.quotes)
        out = ["<section id=\"quotes\"><h2>The most regretful and shocked quotes</h2>\n"]
        picks = {}
        for key in ("regret", "shock"):
            scored = [r for r in self.rows if r[key] is not None]
            picks[key] = sorted(scored, key=lambda r: (-r[key], r["doc_id"], r["start"]))[:n]
        texts = self.store.document_texts({r["doc_id"] for rs in picks.values() for r in rs})
        for key, title in (("regret", "Most regretful"), ("shock", "Most shocked")):
            out.append(f"<h3>{title}</h3>\n<ol>\n")
            out.extend(self._quote_block(r, key, texts.get(r["doc_id"])) for r in picks[key])
            out.append("</ol>\n")
        out.append("</section>\n")
        return "".join(out)

    def section_speakers(self) -> str:
        out = ["<section id=\"people\"><h2>Speakers, one by one</h2>\n"]
        if not self.sectioned:
            out.append("<p>No speaker sections (<code>--speakers 0</code>).</p></section>\n")
            return "".join(out)
        if not self.selected:
            out.append(f"<p class=\"muted\">The {len(self.sectioned)} speakers with the most quotes; "
                       "<code>quotes report --speaker NAME</code> makes a page for anyone.</p>\n")
        # articles to embed: those of the top quotes first, then these speakers' while the budget lasts
        wanted = {r["doc_id"] for s in self.sectioned for r in s.rows}
        texts = self.store.document_texts(wanted)
        budget = self.options.embed_budget - sum(len(texts.get(d, "")) for d in self.linked)
        if self.articles_href is not None:
            budget = 0  # every article has a page of its own
        for s in self.sectioned:
            for r in s.rows:
                if r["doc_id"] not in self.linked and r["doc_id"] in texts:
                    size = len(texts[r["doc_id"]])
                    if size <= budget:
                        self.linked[r["doc_id"]] = None
                        budget -= size
        for s in self.sectioned:
            out.append(self._speaker_section(s, texts))
        out.append("</section>\n")
        return "".join(out)

    def _speaker_section(self, s: SpeakerStats, texts: dict[str, str]) -> str:
        rm, rs, sm, ss = s.mean("regret"), s.share("regret"), s.mean("shock"), s.share("shock")
        aliases = ", ".join(esc(a) for a in s.aliases)
        stats = [("quotes", f"{s.quotes:,}"), ("articles", f"{s.articles:,}"),
                 ("mean regret", _num(rm, 2)), (f"regret > {HIGH}", _pct(rs)),
                 ("mean shock", _num(sm, 2)), (f"shock > {HIGH}", _pct(ss))]
        out = [f"<article id=\"{anchor('s', s.speaker_id)}\"><h3>{esc(s.name)}</h3>\n",
               f"<p><span class=\"muted\">Also called:</span> {aliases or '—'}</p>\n<ul class=\"stats\">",
               "".join(f"<li><b>{esc(v)}</b>{esc(k)}</li>" for k, v in stats), "</ul>\n",
               chart_speaker(s, self.period)]
        rows = []
        for r in sorted(s.rows, key=lambda r: ((self.docs[r["doc_id"]]["date"] or ""), r["doc_id"], r["start"])):
            d = self.docs[r["doc_id"]]
            rows.append("<tr>" + _td(None, f'<span class="nowrap">{esc(d["date"] or "")}</span>') + _td(r["regret"], _num(r["regret"], 2), True)
                        + _td(r["shock"], _num(r["shock"], 2), True)
                        + _td(r["confidence"], _num(r["confidence"], 2), True)
                        + _td(None, f"{context_html(texts.get(r['doc_id']), r, 90)}<br><small>"
                                    f"{self.article_link(r['doc_id'])}</small>") + "</tr>")
        out.append(_table((("date", False), ("regret", True), ("shock", True), ("conf.", True),
                           ("quote in its sentence · article", False)), rows,
                          f"Every quote of {s.name} ({s.quotes:,}), by date."))
        out.append("</article>\n")
        return "".join(out)

    def section_articles(self) -> str:
        out = ["<section id=\"articles\"><h2>Articles with their quotes marked</h2>\n"]
        if not self.linked:
            out.append("<p>No article is linked.</p></section>\n")
            return "".join(out)
        out.append(f"<p class=\"muted\">The {len(self.linked):,} articles the quotes above link to: each quote in "
                   "its speaker's colour, the speaker named after it, the words the attribution rests on "
                   "underlined; hover (or tap) a quote for its tone and confidence.</p>\n")
        texts = self.store.document_texts(self.linked)
        by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
        chosen = set(self.linked)
        for r in self.store_rows_for(chosen):
            by_doc[r["doc_id"]].append(r)
        for doc_id in self.linked:
            d = self.docs.get(doc_id, {})
            text = texts.get(doc_id)
            meta = " · ".join(esc(v) for v in (d.get("outlet"), d.get("date")) if v)
            if text is None:
                out.append(f"<section class=\"article\" id=\"{anchor('a', doc_id)}\"><h3>{esc(d.get('title') or doc_id)}"
                           "</h3><p class=\"muted\">The database holds no text for this article "
                           "(stored before texts were kept): run <code>quotes analyse</code> on it again.</p>"
                           "</section>\n")
                continue
            out.append(article_section(doc_id, text, by_doc.get(doc_id, []), d.get("title"), meta,
                                       anchor("a", doc_id), "h3"))
        out.append("</section>\n")
        return "".join(out)

    def store_rows_for(self, doc_ids: set[str]) -> list[dict[str, Any]]:
        """Every quote of these articles (also other speakers' with --speaker), by the corpus name."""
        return [r for r in self.all_rows() if r["doc_id"] in doc_ids]

    def all_rows(self) -> list[dict[str, Any]]:
        if not hasattr(self, "_all_rows"):
            self._all_rows = list(self.store.export_rows()) if self.selected else self.rows
        return self._all_rows


def write_articles(store: CorpusReader, builder: ReportBuilder, folder: Path) -> int:
    """Write each article of the report as a page of its own, ``folder/a-HASH.html``.

    Returns:
        The number of pages written (articles without stored text are left out).
    """
    from quotes.cli.html import article_page
    from quotes.records import Document

    try:
        folder.mkdir(parents=True, exist_ok=True)
        by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in builder.all_rows():
            by_doc[r["doc_id"]].append(r)
        ids = sorted(builder.docs)
        n = 0
        for i in range(0, len(ids), 200):
            texts = store.document_texts(ids[i:i + 200])
            for doc_id in ids[i:i + 200]:
                if doc_id not in texts:
                    continue
                d = builder.docs[doc_id]
                doc = Document(doc_id, texts[doc_id], title=d["title"], date=d["date"], url=d["url"],
                               outlet=d["outlet"])
                (folder / f"{anchor('a', doc_id)}.html").write_text(
                    article_page([(doc, by_doc.get(doc_id, []))]), encoding="utf-8", errors="replace")
                n += 1
    except OSError as exc:
        raise StoreError(f"{folder}: cannot write the article pages ({exc.strerror or exc}); "
                         "choose an --articles folder you may write") from None
    return n


def build_report(store: CorpusReader, options: ReportOptions | None = None) -> str:
    """The report page of a store, as a string."""
    return ReportBuilder(store, options or ReportOptions()).build()


def open_corpus(db: str | Path, dataset: str | Path | None = None) -> Store | Dataset:
    """The corpus to report on: the Parquet dataset ``dataset`` (or ``db`` when it
    is a folder), else the database ``db`` opened read-only."""
    if dataset is not None or Path(db).is_dir():
        return Dataset(dataset if dataset is not None else db)
    return Store(db, readonly=True)


def write_report(db: str | Path, output: str | Path, options: ReportOptions | None = None,
                 dataset: str | Path | None = None) -> dict[str, Any]:
    """Write the report of database ``db`` (or of the Parquet dataset ``dataset``,
    or ``db`` when it is a folder) to ``output`` (atomically: written beside it and
    renamed into place). A dataset gives the same page as the database the local
    engine makes of the same input, but for the name in its header.

    Returns:
        ``{"bytes", "seconds", "articles", "quotes", "speakers"}``.

    Raises:
        StoreError: a database that cannot be read, a bad option, or an output
            that cannot be written.
    """
    started = time.perf_counter()
    path = Path(output)
    if path.is_dir():
        raise StoreError(f"{path}: is a folder; give --output a file name")
    if not path.parent.is_dir():
        raise StoreError(f"{path}: the folder {path.parent} does not exist; create it first")
    options = options or ReportOptions()
    folder = Path(options.articles) if options.articles is not None else None
    if folder is not None and folder.exists() and not folder.is_dir():
        raise StoreError(f"{folder}: is a file; give --articles a folder")
    with open_corpus(db, dataset) as store:
        builder = ReportBuilder(store, options)
        if folder is not None:
            rel = Path(os.path.relpath(folder.resolve(), path.parent.resolve())).as_posix()
            builder.articles_href = urllib.parse.quote(rel) + "/"
        html = builder.build()
        if folder is not None:
            write_articles(store, builder, folder)
    data = html.encode("utf-8", errors="replace")  # a lone surrogate becomes "?"
    try:
        with replaced_atomically(path) as tmp:
            tmp.write_bytes(data)
    except OSError as exc:
        raise StoreError(f"{path}: cannot write the report ({exc.strerror or exc}); "
                         "choose an --output in a folder you may write") from None
    return {"bytes": len(data), "seconds": time.perf_counter() - started, "articles": len(builder.docs),
            "quotes": len(builder.rows), "speakers": len(builder.speakers)}
