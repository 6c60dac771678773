"""The pipeline holds the cyclic garbage collector off during a document (issue #14).

That is sound only while the pipeline builds no reference cycles: every object it
drops must be freed by its reference count, so that the collector, had it run,
would have found nothing. These tests check that on varied documents, and that
the collector's state is given back as it was, also when a stage fails.
"""
from __future__ import annotations

import gc

import pytest

import quotes
from quotes import pipeline
from quotes.records import Document

from tests.conftest import CORPORA

_TEXTS = [
    '"I was wrong," said Anthony Blunt. "It was a mistake," he added.',
    '"x" said Al Bo. ' * 300,  # one paragraph dense with quotes
    '"I love it," said Émile Zola.\n\n“Non,” Łukasz Nowak told reporters. Zoë Ångström agreed.',
    "No quotes at all here.\n\nJust two paragraphs.",
    "",
    '"unclosed quote said nobody\r\n\r\n\'single\' and “curly” and ‘other’ ones',
    "'\ud800p \"\ud83d is here,\" said John Smith.",
]


def _documents() -> list[Document]:
    docs = [Document(f"t{n}", text) for n, text in enumerate(_TEXTS)]
    docs += [Document(p.stem, p.read_text(encoding="utf-8")) for p in sorted(CORPORA.glob("*.txt"))]
    return docs


@pytest.fixture
def collector_off():
    was = gc.isenabled()
    quotes.extract('"Warm," said Al Bo.')  # models, word lists and caches load outside the check
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@pytest.mark.parametrize("rules_only", [False, True])
def test_the_pipeline_leaves_no_cyclic_garbage(collector_off, rules_only):
    for doc in _documents():
        pipeline.process(doc, rules_only=rules_only)
        assert gc.collect() == 0, f"document {doc.doc_id} left objects only the collector can free"


def test_the_collector_is_on_again_after_a_document():
    assert gc.isenabled()
    quotes.extract('"Yes," said Al Bo.')
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off(collector_off):
    quotes.extract('"Yes," said Al Bo.')
    assert not gc.isenabled()


def test_the_collector_is_on_again_after_a_failing_stage(monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("a stage failed")

    monkeypatch.setattr(pipeline, "attribute", fail)
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        quotes.extract('"Yes," said Al Bo.')
    assert gc.isenabled()


def test_the_collector_is_off_only_inside_a_document(monkeypatch):
    seen = []
    real = pipeline.attribute

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "attribute", spy)
    quotes.extract('"Yes," said Al Bo.')
    assert seen == [False]
    assert gc.isenabled()


def test_overlapping_documents_in_threads_keep_the_collector_off_until_the_last_ends(monkeypatch):
    # The collector is process-wide: a thread that set it back when its own document
    # ended would turn it on under another thread's document, and a thread that
    # began while another's document held it off would read it as off and could
    # leave it off for good.
    import threading

    real = pipeline.attribute
    inside = [threading.Event(), threading.Event()]
    leave = [threading.Event(), threading.Event()]
    order = []
    lock = threading.Lock()

    def held(*args, **kwargs):
        with lock:
            n = len(order)
            order.append(n)
        inside[n].set()
        assert leave[n].wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "attribute", held)
    assert gc.isenabled()
    first = threading.Thread(target=quotes.extract, args=('"Yes," said Al Bo.',))
    second = threading.Thread(target=quotes.extract, args=('"No," said Cy Do.',))
    first.start()
    assert inside[0].wait(10)
    second.start()
    assert inside[1].wait(10)
    leave[0].set()
    first.join(10)
    try:
        assert not gc.isenabled(), "the first document to end turned the collector on under the second"
    finally:
        leave[1].set()
        second.join(10)
    assert gc.isenabled()


def test_many_threads_leave_the_collector_as_they_found_it():
    from concurrent.futures import ThreadPoolExecutor

    texts = [f'"Line {n}," said Al Bo. "More," he added.' for n in range(200)]
    with ThreadPoolExecutor(8) as ex:
        assert all(len(r) == 2 for r in ex.map(quotes.extract, texts))
    assert gc.isenabled()


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="no fork on this platform")
def test_a_process_forked_while_a_thread_is_inside_a_document_gets_the_collector_back(monkeypatch):
    # The child has no copy of the thread that would have set the collector back.
    import os
    import threading

    real = pipeline.attribute
    inside, leave = threading.Event(), threading.Event()

    def held(*args, **kwargs):
        inside.set()
        assert leave.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "attribute", held)
    worker = threading.Thread(target=quotes.extract, args=('"Yes," said Al Bo.',))
    worker.start()
    try:
        assert inside.wait(10) and not gc.isenabled()
        pid = os.fork()
        if pid == 0:  # the child: report, then leave at once
            os._exit(0 if gc.isenabled() else 1)
        _, status = os.waitpid(pid, 0)
    finally:
        leave.set()
        worker.join(10)
    assert os.waitstatus_to_exitcode(status) == 0, "the forked child kept the collector off"
    assert gc.isenabled()
