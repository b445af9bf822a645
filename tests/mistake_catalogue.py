"""The class report's catalogue of recorded mistakes (torchcourse/mistakes.json), from the grading proof.

The grading proof (tests/proof.py) grades, for every mistake fixture
``tests/submissions/<topic>/<exercise>/{headline,mistake}_<slug>.py``, a
submission holding that mistake alone (student ``mistake--<exercise>--<slug>``).
Each test cell that loses marks there fails in a way the class report can
recognise: the first line of the check's message and its hint
(:func:`torchcourse.report.failures_in`). The catalogue maps each such failure,
per topic and test cell, to the mistakes that produce it, so that the report
can say "12 students: never calls optimizer.zero_grad()".

Run ``python tests/mistake_catalogue.py [topics]`` after changing a topic's
tests or fixtures (it grades what the evidence cache lacks);
tests/test_report.py fails while the file is out of date.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import proof
from torchcourse import pipeline
from torchcourse.report import CATALOGUE, NO_MESSAGE, failures_in


def student_id(exercise: str, slug: str, headline: bool) -> str:
    """The grading proof's student id for a mistake fixture (see proof.fixture_plan)."""
    return f"mistake--{exercise}--{'headline_' if headline else ''}{slug}"


def student_of(fixture: proof.Fixture) -> str:
    return student_id(fixture.exercise, fixture.slug, fixture.headline)


def topic_entries(graded: proof.GradedCourse) -> dict[str, list[dict]]:
    """``{test cell: [{key, mistakes}]}`` for one graded proof course, sorted. The key is the
    check's first line, its numbers masked (they can be measured), and its hint."""
    cells: dict[str, dict[str, dict]] = {}
    for fixture in proof.fixtures(graded.topic):
        if fixture.kind != "mistake":
            continue
        student = student_of(fixture)
        found = failures_in(graded.autograded_notebook(student))
        for cell, (score, max_score) in graded.scores[student].items():
            if score >= max_score:
                continue
            failure = found.get(cell, NO_MESSAGE)
            entry = cells.setdefault(cell, {}).setdefault(
                failure.key, {"key": failure.key, "mistakes": []})
            entry["mistakes"].append({"exercise": fixture.exercise, "slug": fixture.slug,
                                      "headline": fixture.headline, "description": fixture.description})
    return {cell: sorted(by_key.values(), key=lambda e: e["key"]) for cell, by_key in sorted(cells.items())}


def load() -> dict:
    return json.loads(CATALOGUE.read_text()) if CATALOGUE.is_file() else {"topics": {}}


def write(entries_by_topic: dict[str, dict]) -> None:
    """Replace the given topics' entries in the catalogue file (others are kept)."""
    data = load()
    data["about"] = ("Recorded mistakes by topic, test cell and failure (message and hint), written by "
                     "tests/mistake_catalogue.py from the grading proof; read by torchcourse/report.py.")
    data.setdefault("topics", {}).update(entries_by_topic)
    data["topics"] = {t: data["topics"][t] for t in pipeline.topics() if t in data["topics"]}
    CATALOGUE.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")


def main(argv=None) -> int:
    topics = pipeline.check_topics((argv if argv is not None else sys.argv[1:]) or None)
    with tempfile.TemporaryDirectory(prefix="catalogue-") as tmp:
        graded = proof.grade_topics(topics, Path(tmp))
        write({topic: topic_entries(graded[topic]) for topic in topics})
    print(f"wrote {CATALOGUE.relative_to(pipeline.ROOT)} for {len(topics)} topic(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
