"""nbgrader configuration for the PyTorch fundamentals course.

Run every nbgrader command from this folder (the course root). Paths are
relative to this file, so a copy of the course (a grader's machine, a test's
temporary folder) works without edits.

Settings an instructor may want to change are read from the environment:
  NBGRADER_COURSE_ID   course id in the gradebook and exchange (default below)
  NBGRADER_DB_URL      SQLAlchemy URL of the gradebook (default: gradebook.db here)
  NBGRADER_EXCHANGE    exchange folder shared with learners on a JupyterHub
                       (default: ./exchange, private to this checkout)
"""

import os

HERE = os.path.dirname(os.path.abspath(__file__))

c = get_config()  # noqa: F821 - provided by nbgrader when it loads this file

c.CourseDirectory.course_id = os.environ.get("NBGRADER_COURSE_ID", "pytorch-fundamentals")
c.CourseDirectory.root = HERE
c.CourseDirectory.source_directory = "source"
c.CourseDirectory.release_directory = "release"
c.CourseDirectory.submitted_directory = "submitted"
c.CourseDirectory.autograded_directory = "autograded"
c.CourseDirectory.feedback_directory = "feedback"
c.CourseDirectory.db_url = os.environ.get(
    "NBGRADER_DB_URL", "sqlite:///" + os.path.join(HERE, "gradebook.db")
)
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

# What a learner sees in place of each removed solution.
c.ClearSolutions.code_stub = {
    "python": (
        "# YOUR CODE HERE: replace the next line with your answer, run this cell,\n"
        "# then run the test cell below it to check your work.\n"
        'raise NotImplementedError("Exercise not answered yet: replace this line with your code.")'
    )
}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE: replace this text with your answer."
