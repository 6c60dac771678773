"""The tone label scripts of annotation/tone (issue #16) on invented articles:
article groups, extending the split, adding a labelling round, agreement per round."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from quotes.training.article_groups import join_articles, labelled_article_groups, quote_fingerprint

TONE = Path(__file__).resolve().parent.parent / "annotation" / "tone"


def _script(name: str):
    spec = importlib.util.spec_from_file_location(f"tone_{name}", TONE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def split():
    return _script("split")


def _row(key: str, start: int, end: int, regret=0, shock=0, sample="random", bad=False, a=None, b=None,
         adjudicated=False) -> dict:
    source, doc_id = key.split(":")
    a = a or [regret, shock]
    return {"id": f"{key}:{start}-{end}", "source": source, "doc_id": doc_id, "start": start, "end": end,
            "regret": regret, "shock": shock, "a": a, "b": b or a, "adjudicated": adjudicated,
            "sample": sample, "bad_span": bad}


QUOTE = "We will fight them in every court of the land"  # 46 characters


def test_copies_and_articles_sharing_a_long_quote_are_one_group():
    texts = {
        "bbc:a": f'He said: "{QUOTE}." Then he left.',
        "bbc:b": f'He said:  "{QUOTE}."\nThen  he left.',  # a copy, other white space
        "bbc:c": f'Another story. "{QUOTE}." The union said so.',  # prints the same quote
        "bbc:d": 'A third story. "No," she said.',
        "bbc:e": 'A fourth story. "No," he said.',  # shares only a short quote
    }
    rows = [_row(k, t.index('"') + 1, t.index('"', t.index('"') + 1)) for k, t in texts.items()]
    groups = labelled_article_groups(rows, texts)
    assert groups["bbc:a"] == groups["bbc:b"] == groups["bbc:c"] == "bbc:a"
    assert groups["bbc:d"] == "bbc:d" and groups["bbc:e"] == "bbc:e"
    # a bad span joins nothing
    bad = [dict(r, bad_span=True) if r["doc_id"] == "c" else r for r in rows]
    assert labelled_article_groups(bad, texts)["bbc:c"] == "bbc:c"


def test_join_articles_is_transitive_and_names_groups_by_their_smallest_member():
    groups = join_articles(["z", "y", "x", "w"], [("f1", "z"), ("f2", "y"), ("f1", "y"), ("f2", "x"), (None, "w")])
    assert groups == {"z": "x", "y": "x", "x": "x", "w": "w"}
    assert quote_fingerprint("No comment.") is None
    assert quote_fingerprint(" We will  fight them\nin every court ") == quote_fingerprint(
        "We will fight them in every court")


def _counts(split, rows):
    return split.article_counts(rows)


def test_a_fresh_split_balances_positives_and_keeps_groups_whole(split):
    rows = []
    for i in range(40):
        key = f"bbc:a{i:02d}"
        rows += [_row(key, 0, 5, regret=int(i % 5 == 0)), _row(key, 10, 15, shock=int(i % 4 == 0))]
    groups = [[f"bbc:a{i:02d}"] for i in range(38)] + [["bbc:a38", "bbc:a39"]]
    parts, conflicts = split.assign(groups, _counts(split, rows))
    assert not conflicts
    assert sorted(parts["train"] + parts["dev"]) == sorted({r["doc_id"] and f"bbc:{r['doc_id']}" for r in rows})
    assert ("bbc:a38" in parts["dev"]) == ("bbc:a39" in parts["dev"])
    dev = set(parts["dev"])
    regret_dev = sum(r["regret"] for r in rows if f"bbc:{r['doc_id']}" in dev)
    shock_dev = sum(r["shock"] for r in rows if f"bbc:{r['doc_id']}" in dev)
    assert regret_dev == 4 and shock_dev == 5  # half of 8 and of 10
    assert split.assign(groups, _counts(split, rows)) == (parts, [])  # seeded: the same every time


def test_extending_the_split_moves_no_placed_article(split):
    placed = {f"bbc:p{i}": ("dev" if i % 2 else "train") for i in range(10)}
    rows = [_row(k, 0, 5, regret=int(k.endswith(("1", "2")))) for k in placed]
    new = [f"bbc:n{i}" for i in range(12)]
    rows += [_row(k, 0, 5, regret=int(k in ("bbc:n0", "bbc:n1")), shock=int(k == "bbc:n2")) for k in new]
    # n0 prints a quote of placed p3 (dev); n1 one of p4 (train); the others are alone
    groups = [sorted(["bbc:p3", "bbc:n0"]), sorted(["bbc:p4", "bbc:n1"])]
    groups += [[k] for k in placed if k not in ("bbc:p3", "bbc:p4")] + [[k] for k in new[2:]]
    parts, conflicts = split.assign(sorted(groups), _counts(split, rows), placed)
    assert not conflicts
    part_of = {k: p for p in parts for k in parts[p]}
    assert all(part_of[k] == p for k, p in placed.items())
    assert part_of["bbc:n0"] == "dev" and part_of["bbc:n1"] == "train"
    assert set(part_of) == set(placed) | set(new)
    # the other new articles are balanced as a fresh split would: 10 quotes, 5 to each side
    assert sum(part_of[k] == "dev" for k in new[2:]) == 5
    # extending again with nothing new changes nothing
    again, _ = split.assign(sorted(groups), _counts(split, rows), part_of)
    assert again == parts


def test_a_new_quote_joining_both_parts_is_reported_and_its_article_follows_the_majority(split):
    placed = {"bbc:t1": "train", "bbc:t2": "train", "bbc:d1": "dev"}
    rows = [_row(k, 0, 5) for k in [*placed, "bbc:n"]]
    parts, conflicts = split.assign([["bbc:d1", "bbc:n", "bbc:t1", "bbc:t2"]], _counts(split, rows), placed)
    assert conflicts == [["bbc:d1", "bbc:n", "bbc:t1", "bbc:t2"]]
    assert parts == {"train": ["bbc:n", "bbc:t1", "bbc:t2"], "dev": ["bbc:d1"]}


def test_split_script_extends_split_json_and_refuses_to_drop_an_article(tmp_path, monkeypatch, split):
    texts = {f"bbc:s{i}": f'Story {i}. "Words of story number {i} here," he said.' for i in range(6)}
    data = tmp_path / "shared" / "data" / "news"
    data.mkdir(parents=True)
    (data / "bbc-2004-2005.jsonl").write_text(
        "".join(json.dumps({"doc_id": k.split(":")[1], "text": t}) + "\n" for k, t in texts.items()))
    (tmp_path / "shared" / "data" / "quotes").mkdir()
    (tmp_path / "shared" / "data" / "quotes" / "polnear-train.jsonl").write_text("")
    here = tmp_path / "tone"
    here.mkdir()
    monkeypatch.setattr(split, "HERE", here)

    def label(keys):
        rows = [_row(k, texts[k].index('"') + 1, texts[k].index(",")) for k in keys]
        (here / "labels.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))

    label(list(texts)[:4])
    split.main([str(tmp_path / "shared")])
    first = json.loads((here / "split.json").read_text())
    label(list(texts))
    split.main([str(tmp_path / "shared")])
    second = json.loads((here / "split.json").read_text())
    for part in ("train", "dev"):
        assert set(first[part]) <= set(second[part])
    assert len(second["train"]) + len(second["dev"]) == 6
    label(list(texts)[1:])
    with pytest.raises(SystemExit, match="never drops"):
        split.main([str(tmp_path / "shared")])


def test_adding_a_round_checks_its_rows_and_keeps_labels_sorted():
    add = _script("add_labels")
    old = [_row("bbc:b", 0, 5, sample="keyword"), _row("bbc:d", 0, 5)]
    new = [_row("bbc:c", 3, 9, regret=1, sample="rest"),
           _row("bbc:a", 1, 4, shock=1, a=[0, 1], b=[0, 0], adjudicated=True, sample="rest")]
    assert [r["id"] for r in add.merged(old, new)] == ["bbc:a:1-4", "bbc:b:0-5", "bbc:c:3-9", "bbc:d:0-5"]
    assert add.check_row(_row("bbc:a", 1, 4, regret=1, a=[1, 0], b=[0, 0])) == (
        "not adjudicated, so its label must be the one both annotators gave")
    assert add.check_row(_row("bbc:a", 1, 4, adjudicated=True)) == "adjudicated, but its annotators agreed"
    assert add.check_row(_row("bbc:a", 1, 4, regret=1, bad=True)) == "a bad span is 0/0"
    assert add.check_row(dict(_row("bbc:a", 1, 4), id="bbc:a:1-5")).startswith("the id")
    with pytest.raises(SystemExit, match="already labelled"):
        add.merged(old, [_row("bbc:b", 0, 5, sample="rest")])


def test_agreement_is_reported_overall_and_per_round():
    agreement = _script("agreement")
    rows = [_row("bbc:a", 0, 5, sample="keyword", regret=1), _row("bbc:b", 0, 5, sample="random"),
            _row("bbc:c", 0, 5, sample="rest", shock=1, a=[0, 1], b=[0, 0], adjudicated=True),
            _row("bbc:d", 0, 5, sample="rest", shock=1)]
    result = agreement.report(rows)
    assert result["items"] == 4 and set(result["by_round"]) == {"first", "rest"}
    assert result["by_round"]["first"]["items"] == 2 and result["by_round"]["first"]["regret"]["kappa"] == 1.0
    rest = result["by_round"]["rest"]["shock"]
    assert (rest["positives_a"], rest["positives_b"], rest["positives_both"], rest["positives_final"]) == (2, 1, 1, 2)
    assert result["shock"]["positives_final"] == 2 and result["items_differing_on_either"] == 1
    with pytest.raises(SystemExit, match="unknown sample"):
        agreement.report([_row("bbc:e", 0, 5, sample="other")])
