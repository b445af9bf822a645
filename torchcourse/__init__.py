"""torchcourse: the small Python package behind the PyTorch fundamentals course.

Modules, one job each (the README's "Layout" lists them too)
-------------------------------------------------------------
notebooks          helpers every lesson uses (device choice, seeding, showing errors)
grading            checks for exercise test cells, with messages for learners
authoring          builders and rules for source notebooks, ``check --fix``, ``new-topic``
course             the course folder as nbgrader sees it: config, folders, gradebook, a copy
pipeline           the build: topics, student versions, the published edition (papermill)
runner             the one place that starts nbgrader, and the parser of its autograde log
classroom          ``grade_class``, the one grading path: workers, merge, resume, shards
records            per-student grading records, submission checks and hashes
export             ``nbgrader export`` with the review columns
sandbox            the operating-system half of the autograde sandbox, and ``validate``
sandboxed_execute  the nbgrader preprocessor that runs a kernel in the sandbox
markers            what the sandbox writes into a notebook and the review reads back
kernel_check       the runtime check: probes of the kernel from the grader's side
integrity          the review of autograded notebooks: structure, static effects, runtime findings
gradebook          gradebook URL check, fast schema creation
feedback           the feedback preprocessor that hides the hidden tests and keeps the hints
report             ``./course report``: the class report (item analysis, mistakes, review)
selfgrade          ``./course grade``: a learner autogrades their own notebook in the sandbox
browser            ``./course screenshots``: Chromium driven by Playwright, for tests and README
cli                the ``./course`` command
"""

__version__ = "0.1.0"
