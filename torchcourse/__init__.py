"""torchcourse: the small Python package behind the PyTorch fundamentals course.

Modules
-------
notebooks  helpers every lesson uses (device choice, seeding, showing errors)
grading    checks for exercise test cells, with messages for learners
authoring  builders and rule checks for source notebooks
pipeline   release generation, papermill execution and autograding
sandbox    the bubblewrap sandbox that autograde runs student code in
cli        the ``./course`` command
"""

__version__ = "0.1.0"
