"""Feedback that teaches without giving the tests away: the preprocessor behind ``generate_feedback``.

nbgrader's feedback HTML is the autograded notebook, rendered. That notebook
holds the hidden tests' code (autograde puts it back into each test cell) and
each failed check's traceback, which quotes the lines of the test that failed.
A learner who reads it learns the hidden tests, so a course could never reuse
them or allow a resubmission.

:class:`HideTestCode` runs in ``generate_feedback`` (``nbgrader_config.py``
lists it) and, by default, removes both:

* every ``### BEGIN HIDDEN TESTS`` ... ``### END HIDDEN TESTS`` block becomes
  one comment line saying that hidden checks ran there;
* every error output keeps only its last line, ``CheckFailed: <message>``,
  whose message says what was expected, what came back and the hint; the
  frames above it, which quote test code, go.

What stays: the learner's own code, the visible tests, each cell's score, and
every message. ``c.HideTestCode.show_hidden_tests = True`` (or ``./course
feedback --show-hidden-tests``) keeps nbgrader's feedback as it was.
"""

from __future__ import annotations

import re

from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Bool

#: nbgrader's delimiters of a hidden-tests block (``ClearHiddenTests``' defaults, which the course keeps).
HIDDEN_TESTS_BEGIN = "### BEGIN HIDDEN TESTS"
HIDDEN_TESTS_END = "### END HIDDEN TESTS"

#: What a learner reads where a hidden block was.
HIDDEN_NOTE = "# (hidden checks ran here: their code is not shown; their message, if one failed, is below)"

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def hide_hidden_tests(source: str) -> str:
    """``source`` with each hidden-tests block (both marker lines included) replaced by one
    :data:`HIDDEN_NOTE` line, indented like the block's first marker. A block left
    unclosed hides everything after its marker."""
    kept, hiding = [], False
    for line in source.split("\n"):
        if not hiding and line.strip().startswith(HIDDEN_TESTS_BEGIN):
            kept.append(line[: len(line) - len(line.lstrip())] + HIDDEN_NOTE)
            hiding = True
        elif hiding:
            hiding = not line.strip().startswith(HIDDEN_TESTS_END)
        else:
            kept.append(line)
    return "\n".join(kept)


def error_message_only(output) -> None:
    """Keep an error output's last line (``Name: message``) and drop the frames above it."""
    message = f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"
    output["traceback"] = [_ANSI.sub("", message)]


class HideTestCode(NbGraderPreprocessor):
    """Remove the hidden tests' code and the tracebacks from feedback; keep outcomes and messages."""

    show_hidden_tests = Bool(False, help="Show the hidden tests' code and full tracebacks in the "
                             "feedback (nbgrader's own behaviour). The default hides them and keeps "
                             "every check's message, hint included.").tag(config=True)

    def preprocess(self, nb, resources):
        if self.show_hidden_tests:
            return nb, resources
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "code":
            cell.source = hide_hidden_tests(cell.source)
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    error_message_only(output)
        return cell, resources
