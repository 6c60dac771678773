"""HTML for people: an article with its quotes marked, and the page shell the report shares.

Every string that comes from an article (its text, title, quotes and speaker
names) goes through :func:`esc` before it reaches the page, and data given to a
script goes through :func:`script_json`, so an article holding ``<script>`` or
``"><img onerror=...>`` shows as text and runs nothing. The pages also carry a
Content-Security-Policy that lets nothing be fetched and runs only the page's
own script (allowed by its sha256), a second wall behind the escaping.

The article view marks each quote in a colour of its speaker, names the speaker
after it, underlines the mention the attribution rests on, and shows tone and
confidence on hover (as displaCy does for entities).
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

# Light fills that dark text reads on, one per speaker in order of appearance
# (Okabe-Ito and Tableau hues, lightened); unnamed speakers are grey.
PALETTE = ("#ffd8a8", "#a5d8ff", "#b2f2bb", "#fcc2d7", "#d0bfff", "#ffec99", "#99e9f2",
           "#c0eb75", "#eebefa", "#ffc9c9", "#bac8ff", "#96f2d7")
UNKNOWN_COLOUR = "#dee2e6"

CSS = """
:root{--fg:#1d2125;--muted:#5c636a;--line:#dee2e6;--bg:#fff;--accent:#1c7ed6}
*{box-sizing:border-box}
body{margin:0 auto;padding:1rem;max-width:80ch;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,
"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg);overflow-wrap:anywhere}
h1{font-size:1.6rem;line-height:1.2}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid var(--line)}
h3{font-size:1.1rem}a{color:var(--accent)}small,.muted{color:var(--muted)}
nav ul{padding-left:1.2rem}nav li{margin:.1rem 0}
.figure svg{width:100%;height:auto;display:block}
.figure{margin:1rem 0}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(8.5rem,1fr));gap:.5rem;padding:0;list-style:none}
.stats li{border:1px solid var(--line);border-radius:6px;padding:.4rem .6rem}
.stats b{display:block;font-size:1.3rem}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.5rem 0}
table{border-collapse:collapse;font-size:.9rem;width:100%}
th,td{padding:.25rem .4rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
.nowrap{white-space:nowrap}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.sortable th{cursor:pointer;user-select:none;white-space:nowrap}
table.sortable th[aria-sort=ascending]::after{content:" \\25B2"}
table.sortable th[aria-sort=descending]::after{content:" \\25BC"}
blockquote{margin:.6rem 0;padding:.3rem .8rem;border-left:4px solid var(--line)}
.ctx{color:var(--muted)}.ctx mark{color:var(--fg);background:#fff3bf}
.article{margin:1rem 0;padding:.5rem 0;border-top:2px solid var(--line)}
.text{white-space:pre-wrap;line-height:1.9}
mark.q{background:var(--c);color:var(--fg);padding:.1em .15em;border-radius:4px;position:relative;
-webkit-box-decoration-break:clone;box-decoration-break:clone}
mark.q .who{font-size:.7em;font-weight:600;text-transform:uppercase;letter-spacing:.03em;margin-left:.35em;
padding:0 .3em;border-radius:3px;background:rgba(255,255,255,.7);white-space:nowrap}
mark.q:hover::after,mark.q:focus::after{content:attr(data-tip);position:absolute;left:0;top:100%;z-index:2;
background:#212529;color:#fff;font-size:.75rem;line-height:1.3;padding:.25rem .4rem;border-radius:4px;
white-space:nowrap}
u.m{text-decoration:underline 2px;text-decoration-color:var(--c);text-underline-offset:3px;
background:linear-gradient(transparent 60%,var(--c) 60%)}
.legend{display:flex;flex-wrap:wrap;gap:.3rem;padding:0;list-style:none}
.legend li{background:var(--c);padding:0 .4rem;border-radius:4px;font-size:.85rem}
@media (max-width:600px){body{font-size:15px;padding:.6rem}table{font-size:.8rem}h1{font-size:1.3rem}}
@media print{mark.q:hover::after{display:none}}
"""

# Sortable tables: click a header; numbers sort by their data-v value.
SORT_JS = """
document.querySelectorAll("table.sortable").forEach(function(table){
  table.querySelectorAll("th").forEach(function(th, col){
    th.tabIndex = 0;
    function sort(){
      var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
      var desc = th.getAttribute("aria-sort") !== "descending";
      table.querySelectorAll("th").forEach(function(h){ h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", desc ? "descending" : "ascending");
      function key(row){
        var cell = row.cells[col], v = cell ? cell.getAttribute("data-v") : null;
        if (v !== null && v !== "" && !isNaN(+v)) return +v;
        return cell ? cell.textContent.toLowerCase() : "";
      }
      rows.sort(function(a, b){
        var x = key(a), y = key(b), c = (typeof x === typeof y) ? (x < y ? -1 : x > y ? 1 : 0)
          : (typeof x === "number" ? -1 : 1);
        return desc ? -c : c;
      });
      rows.forEach(function(r){ body.appendChild(r); });
    }
    th.addEventListener("click", sort);
    th.addEventListener("keydown", function(e){ if (e.key === "Enter") sort(); });
  });
});
"""


def esc(value: Any) -> str:
    """``value`` as HTML text or attribute value: ``& < > " '`` escaped; None is ""."""
    return "" if value is None else html.escape(str(value), quote=True)


def script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: ``<``, ``>`` and ``&`` are
    written as ``\\u003c``... so no ``</script>`` or ``<!--`` can end or bend it, and
    the line separators U+2028/2029 as escapes."""
    text = json.dumps(value, ensure_ascii=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def anchor(prefix: str, key: str) -> str:
    """An element id for ``key`` (a doc_id or speaker id) safe in ids and URLs."""
    return f"{prefix}-{hashlib.sha1(key.encode('utf-8', 'surrogatepass')).hexdigest()[:12]}"


def page(title: str, body: str, script: str = SORT_JS) -> str:
    """A whole HTML document: the escaped ``title``, the trusted ``body`` markup,
    the shared styles and ``script``. Its Content-Security-Policy fetches
    nothing and runs only ``script`` (allowed by its hash)."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    csp = (f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
           f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'")
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<meta name=\"referrer\" content=\"no-referrer\">\n"
            f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n"
            f"<script>{script}</script>\n</body>\n</html>\n")


def speaker_colours(names: Iterable[str | None]) -> dict[str | None, str]:
    """A colour per speaker name in order of first appearance (None: grey)."""
    colours: dict[str | None, str] = {None: UNKNOWN_COLOUR}
    for name in names:
        if name not in colours:
            colours[name] = PALETTE[(len(colours) - 1) % len(PALETTE)]
    return colours


def _get(q: Any, key: str) -> Any:
    return q.get(key) if isinstance(q, dict) else getattr(q, key, None)


def _tone(q: Any) -> tuple[float | None, float | None]:
    """(regret, shock) of a QuoteRecord, its ``to_dict()`` or a store row."""
    tone = _get(q, "tone")
    if tone is None:
        return _get(q, "regret"), _get(q, "shock")
    if isinstance(tone, dict):
        return tone.get("regret"), tone.get("shock")
    return tone.regret, tone.shock


def _num(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def tip(q: Any) -> str:
    """The hover text of a quote: speaker, tone and confidence (plain text)."""
    regret, shock = _tone(q)
    speaker = _get(q, "speaker") or "unknown speaker"
    cue = _get(q, "cue")
    return (f"{speaker}{' (' + cue + ')' if cue else ''} · regret {_num(regret)} · shock {_num(shock)}"
            f" · confidence {_num(_get(q, 'confidence'))}")


def mark_text(text: str, quotes: Sequence[Any], colours: dict[str | None, str] | None = None) -> str:
    """The article ``text`` as escaped HTML with each quote in a ``<mark>`` and
    each speaker mention in a ``<u>``.

    ``quotes`` are QuoteRecords, their dicts or store rows (``start``, ``end``,
    ``speaker``, ``speaker_start``, ``speaker_end``, tone, ``confidence``).
    Overlaps are cut at every boundary, so the markup always nests; offsets
    outside the text are clipped.
    """
    n = len(text)
    colours = colours if colours is not None else speaker_colours(_get(q, "speaker") for q in quotes)
    spans: list[tuple[int, int, int]] = []  # (start, end, quote index)
    mentions: list[tuple[int, int, int]] = []
    for i, q in enumerate(quotes):
        s, e = max(0, min(n, int(_get(q, "start")))), max(0, min(n, int(_get(q, "end"))))
        if e > s:
            spans.append((s, e, i))
        ms, me = _get(q, "speaker_start"), _get(q, "speaker_end")
        if ms is not None and me is not None:
            ms, me = max(0, min(n, int(ms))), max(0, min(n, int(me)))
            if me > ms:
                mentions.append((ms, me, i))
    cuts = sorted({0, n, *(p for s, e, _ in spans + mentions for p in (s, e))})
    out: list[str] = []
    open_quote: int | None = None
    for a, b in zip(cuts, cuts[1:]):
        quote = next((i for s, e, i in spans if s <= a and b <= e), None)
        mention = next((i for s, e, i in mentions if s <= a and b <= e), None)
        if quote != open_quote:
            if open_quote is not None:
                out.append(_close_quote(quotes[open_quote]))
            if quote is not None:
                q = quotes[quote]
                out.append(f'<mark class="q" tabindex="0" style="--c:{colours.get(_get(q, "speaker"), UNKNOWN_COLOUR)}"'
                           f' data-tip="{esc(tip(q))}">')
            open_quote = quote
        piece = esc(text[a:b])
        if mention is not None:
            q = quotes[mention]
            who = _get(q, "speaker") or "unknown speaker"
            piece = (f'<u class="m" style="--c:{colours.get(_get(q, "speaker"), UNKNOWN_COLOUR)}"'
                     f' title="{esc("mention of " + who)}">{piece}</u>')
        out.append(piece)
    if open_quote is not None:
        out.append(_close_quote(quotes[open_quote]))
    return "".join(out)


def _close_quote(q: Any) -> str:
    return f'<span class="who" aria-hidden="true">{esc(_get(q, "speaker") or "?")}</span></mark>'


def article_section(doc_id: str, text: str, quotes: Sequence[Any], title: str | None = None,
                    meta: str = "", section_id: str | None = None, heading: str = "h2") -> str:
    """One article: heading, metadata line, speaker legend and the marked text."""
    colours = speaker_colours(_get(q, "speaker") for q in sorted(quotes, key=lambda q: _get(q, "start")))
    legend = "".join(f'<li style="--c:{c}">{esc(name)}</li>' for name, c in colours.items() if name is not None)
    if any(_get(q, "speaker") is None for q in quotes):
        legend += f'<li style="--c:{UNKNOWN_COLOUR}">unknown speaker</li>'
    count = f"{len(quotes)} quote{'s' if len(quotes) != 1 else ''}"
    ident = f' id="{esc(section_id)}"' if section_id else ""
    return (f'<section class="article"{ident}>\n<{heading}>{esc(title or doc_id)}</{heading}>\n'
            f'<p class="muted">{esc(doc_id)}{" · " + meta if meta else ""} · {count}</p>\n'
            f'<ul class="legend">{legend}</ul>\n'
            f'<div class="text">{mark_text(text, quotes, colours)}</div>\n</section>\n')


def context(text: str, start: int, end: int, width: int = 160) -> tuple[str, str, str]:
    """The sentence around a quote: (before, the quote's own span, after).

    The sentence runs from the last sentence end (``. ! ?`` and closing marks,
    then space) or line break before ``start`` to the first after ``end``, each
    side cut to ``width`` characters at a space with an ellipsis.
    """
    n = len(text)
    start, end = max(0, min(n, start)), max(0, min(n, end))
    left = max(text.rfind("\n", 0, start), -1) + 1
    for m in _SENTENCE_END.finditer(text, left, start):
        if m.end() <= start:
            left = m.end()
    stop = text.find("\n", end)
    stop = n if stop < 0 else stop
    closing = _CLOSING.match(text, end, stop)
    if end > start and text[end - 1] in ".!?" and closing and (closing.end() == stop or text[closing.end()].isspace()):
        right = closing.end()  # the quote ends its sentence: "Yes." Later.
    else:
        m = _SENTENCE_END.search(text, end, stop)
        right = m.start() + len(m.group().rstrip()) if m else stop
    before, after = text[left:start], text[end:right]
    if len(before) > width:
        cut = before.find(" ", len(before) - width)
        before = "…" + before[cut + 1 if cut >= 0 else len(before) - width:]
    if len(after) > width:
        cut = after.rfind(" ", 0, width)
        after = after[:cut if cut > 0 else width] + "…"
    return before, text[start:end], after


_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")
_CLOSING = re.compile(r"[\"'”’)\]]*")


def context_html(text: str | None, q: Any, width: int = 160) -> str:
    """The quote in its sentence, escaped, the quote marked; the bare quote when
    the text is not stored."""
    if not text:
        return f'<span class="ctx"><mark>{esc(_get(q, "text"))}</mark></span>'
    before, inner, after = context(text, int(_get(q, "start")), int(_get(q, "end")), width)
    return f'<span class="ctx">{esc(before)}<mark>{esc(inner)}</mark>{esc(after)}</span>'


def article_page(docs: Iterable[tuple[Any, Sequence[Any]]]) -> str:
    """A page of articles with their quotes marked: ``(Document, quotes)`` pairs
    (what ``quotes extract --format html`` writes)."""
    docs = list(docs)
    sections = []
    for doc, quotes in docs:
        meta = " · ".join(esc(v) for v in (doc.outlet, doc.date) if v)
        sections.append(article_section(doc.doc_id, doc.text, quotes, doc.title, meta))
    title = f"Quotes: {docs[0][0].title or docs[0][0].doc_id}" if len(docs) == 1 else "Quotes"
    return page(title, "<main>\n" + "".join(sections) + "</main>")
