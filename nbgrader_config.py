"""nbgrader configuration for the PyTorch fundamentals course.

Run every nbgrader command from this folder (the course root). Paths are
relative to this file, so a copy of the course (a grader's machine, a test's
temporary folder) works without edits.

Settings an instructor may want to change are read from the environment:
  NBGRADER_COURSE_ID   course id in the gradebook and exchange (default below)
  NBGRADER_DB_URL      SQLAlchemy URL of the gradebook (default: SQLite,
                       gradebook.db here). For a class with several graders
                       use PostgreSQL, e.g.
                         postgresql+psycopg://grader@db.example.org:5432/gradebook
                       Keep the password out of the URL and out of files in
                       the course: put it in ~/.pgpass (mode 0600) or
                       PGPASSWORD. An unusable URL (typo, missing driver,
                       server down) stops nbgrader with a message saying what
                       to do.
  NBGRADER_EXCHANGE    exchange folder shared with learners on a JupyterHub
                       (default: ./exchange, private to this checkout)
  TORCHCOURSE_UNSANDBOXED=1
                       autograde WITHOUT the bubblewrap sandbox (student code
                       then runs with your privileges); only for machines
                       where bubblewrap cannot be installed. Prints a warning
                       for every notebook.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

c = get_config()  # noqa: F821 - provided by nbgrader when it loads this file

# The course package (for the sandbox below); ./course also puts it on PYTHONPATH.
if os.path.isdir(os.path.join(HERE, "torchcourse")) and HERE not in sys.path:
    sys.path.insert(0, HERE)
# nbgrader IGNORES a config file that raises, and would then grade unsandboxed
# with its defaults: so a failed import stops nbgrader instead.
try:
    from torchcourse.course import sqlite_url
    from torchcourse.export import ReviewedCsvExportPlugin
    from torchcourse.feedback import HideTestCode
    from torchcourse.gradebook import GradebookURLError, check_db_url
    from torchcourse.markers import STUB_MESSAGE
    from torchcourse.sandboxed_execute import SandboxedExecute
except ImportError as err:
    sys.exit(f"nbgrader_config.py: cannot import the course package ({err}). Run nbgrader "
             "through ./course, or from this folder with its environment activated.")
from nbgrader.preprocessors import (  # noqa: E402
    AssignLatePenalties, CheckCellMetadata, GetGrades, IgnorePattern, LimitOutput, SaveAutoGrades)
from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor  # noqa: E402
from nbconvert.preprocessors import ClearMetadataPreprocessor  # noqa: E402

c.CourseDirectory.course_id = os.environ.get("NBGRADER_COURSE_ID", "pytorch-fundamentals")
c.CourseDirectory.root = HERE
c.CourseDirectory.source_directory = "source"
c.CourseDirectory.release_directory = "release"
c.CourseDirectory.submitted_directory = "submitted"
c.CourseDirectory.autograded_directory = "autograded"
c.CourseDirectory.feedback_directory = "feedback"
c.CourseDirectory.db_url = os.environ.get("NBGRADER_DB_URL") or sqlite_url(HERE)
# Fail early and clearly on a gradebook that cannot work. An exception here
# would make nbgrader ignore this whole file (sandbox included) and carry on,
# so exit instead; but not inside a Jupyter server (formgrader), which exiting
# would stop: there nbgrader reports the database error itself.
if "jupyter_server.serverapp" not in sys.modules:
    try:
        check_db_url(c.CourseDirectory.db_url)
    except GradebookURLError as err:
        sys.exit(f"nbgrader_config.py: {err}")

# Lessons load no data files from the assignment folder, and nothing else
# belongs in a student's copy.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback"]

c.Exchange.root = os.environ.get("NBGRADER_EXCHANGE", os.path.join(HERE, "exchange"))

# Creating the release also records the assignment in the gradebook.
c.GenerateAssignment.create_assignment = True

# Execution limits used by autograde and validate. The default per-cell
# timeout (30 s) is too tight for a laptop's first `import torch`; a whole
# lesson runs in well under a minute, so 120 s per cell only stops real hangs.
c.Execute.timeout = 120
c.Execute.interrupt_on_timeout = True
c.Execute.startup_timeout = 120

# Autograde runs student code in a bubblewrap sandbox (torchcourse/sandbox.py):
# no access to source/, the gradebook or other students' folders, no network,
# and limits per notebook. nbgrader's default list, with Execute replaced. If
# the sandbox cannot start, autograde fails and says why; it never falls back.
c.Autograde.autograde_preprocessors = [
    SandboxedExecute, IgnorePattern, ClearMetadataPreprocessor, LimitOutput,
    SaveAutoGrades, AssignLatePenalties, CheckCellMetadata,
]
#
# Each limit has its course default in one place, the trait that sets it; change
# one here (the defaults are listed by `./course nbgrader autograde --help-all`):
#   c.SandboxedExecute.memory_limit           bytes of memory per notebook
#   c.SandboxedExecute.pids_limit             processes + threads per notebook
#   c.SandboxedExecute.file_size_limit        largest file a notebook may write
#   c.SandboxedExecute.tmp_size               size of the sandbox's /tmp
#   c.SandboxedExecute.notebook_timeout       wall and CPU seconds per notebook
#   c.SandboxedExecute.cell_output_limit      characters of output kept per cell
#   c.SandboxedExecute.notebook_output_limit  ... and per notebook
# e.g. c.SandboxedExecute.memory_limit = 6 * 2**30

# `./course autograde` (torchcourse/classroom.py), the class grader, reads its own
# section the same way:
#   c.ClassGrader.workers               notebooks graded at once (0: one per core)
#   c.ClassGrader.batch_size            students per nbgrader process (0: automatic)
#   c.ClassGrader.max_submission_bytes  a larger submission folder is rejected
#   c.ClassGrader.student_timeout       seconds per student before its batch is killed
#   c.ClassGrader.first_worker_uid      worker k's kernels run as this uid + k (as root)

# `nbgrader export` (and `./course export`) writes a properly quoted CSV with three
# more columns: grading_status (graded / crashed / rejected / no submission),
# needs_review (yes / no) and review_reasons (what looked like tampering, a
# kernel that died, a notebook that could not be graded...). See
# torchcourse/export.py and torchcourse/integrity.py.
c.ExportApp.plugin_class = ReviewedCsvExportPlugin

# Feedback (`./course feedback`, `nbgrader generate_feedback`, the formgrader's
# "generate feedback") shows each check's outcome and its message with the hint,
# but not the hidden tests' code, nor the tracebacks that quote it, so the
# tests can be reused and resubmission allowed (torchcourse/feedback.py).
# nbgrader's default list, with HideTestCode added. To show the hidden tests:
#   c.HideTestCode.show_hidden_tests = True   (or ./course feedback --show-hidden-tests)
c.GenerateFeedback.preprocessors = [GetGrades, HideTestCode, CSSHTMLHeaderPreprocessor]

# What a learner sees in place of each removed solution.
c.ClearSolutions.code_stub = {
    "python": (
        "# YOUR CODE HERE: replace the next line with your answer, run this cell,\n"
        "# then run the test cell below it to check your work.\n"
        f"raise NotImplementedError({STUB_MESSAGE!r})"
    )
}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE: replace this text with your answer."
