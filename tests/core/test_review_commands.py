"""A person reviews answers from the command line; results, advice and agreement follow."""

from __future__ import annotations

import json

from desktop_app.cli import main
from tests.core.test_engine_commands import _project


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_review_changes_the_scores_and_the_agreement(tmp_path, scripted_server, capsys):
    """Marking a right answer wrong lowers the pass rate; agreement counts it as a disagreement."""
    project = _project(tmp_path, scripted_server, rows=4)
    assert main(["run", str(project), "--yes"]) == 0
    capsys.readouterr()
    code, out, _ = _run(capsys, "agreement", project)
    assert code == 0 and out.strip() == "no answers reviewed yet"
    code, out, _ = _run(capsys, "agreement", project, "--sample", "2", "--json")
    sample = json.loads(out)["sample"]
    assert code == 0 and len(sample) == 2
    assert (
        _run(capsys, "review", project, "baseline", sample[0], "wrong")[1] == f"reviewed baseline {sample[0]} wrong\n"
    )
    assert _run(capsys, "review", project, "baseline", sample[1], "right")[0] == 0
    code, out, _ = _run(capsys, "results", project, "--json")
    assert json.loads(out)[0]["pass_rate"] == 0.75
    code, out, _ = _run(capsys, "agreement", project, "--json")
    found = json.loads(out)
    assert (found["count"], found["agreed"]) == (2, 1)
    code, out, _ = _run(capsys, "advise", project, "--json")
    assert json.loads(out)["agreement"]["count"] == 2
    assert _run(capsys, "review", project, "baseline", sample[0], "clear")[0] == 0
    assert json.loads(_run(capsys, "results", project, "--json")[1])[0]["pass_rate"] == 1.0


def test_reviewing_what_does_not_exist_says_what_to_do(tmp_path, scripted_server, capsys):
    """A wrong run name or row id is one line with a hint, exit 2."""
    project = _project(tmp_path, scripted_server, rows=2)
    assert main(["run", str(project), "--yes"]) == 0
    capsys.readouterr()
    code, _, err = _run(capsys, "review", project, "nope", "r1", "right")
    assert code == 2 and "No run named 'nope'" in err and "baseline" in err
    code, _, err = _run(capsys, "review", project, "baseline", "zzz", "right")
    assert code == 2 and "has no answer for row 'zzz'" in err


def test_the_report_says_how_far_the_verdicts_can_be_trusted(tmp_path, scripted_server, capsys):
    """The manager reading the report sees whether a person checked the verdicts, and how they agreed."""
    project = _project(tmp_path, scripted_server, rows=3)
    assert main(["run", str(project), "--yes"]) == 0
    out = tmp_path / "report.html"
    assert main(["report", str(project), str(out)]) == 0
    assert "no answer has been reviewed by a person yet" in out.read_text(encoding="utf-8")
    capsys.readouterr()
    sample = json.loads(_run(capsys, "agreement", project, "--sample", "1", "--json")[1])["sample"]
    assert _run(capsys, "review", project, "baseline", sample[0], "right")[0] == 0
    assert main(["report", str(project), str(out)]) == 0
    assert "A person reviewed 1 answer: the automatic verdicts agreed on 1 (100%" in out.read_text(encoding="utf-8")
