"""What the sandbox writes into an autograded notebook, and the review reads back
(and the one setting the build and the sandbox pass to every lesson kernel).

The sandbox (:mod:`torchcourse.sandboxed_execute`) puts these in place of
outputs it could not, or would not, produce; the review
(:mod:`torchcourse.integrity`) reports every one of them to the instructor.
"""

#: ``ename`` of the error output given to a cell that ran when the kernel died, and to every later one.
KERNEL_DIED = "KernelDied"

#: ``ename`` of the error output given to every code cell of a submission that was not run.
SUBMISSION_REFUSED = "SubmissionRefused"

#: What the review says about each of those errors.
SANDBOX_ERRORS = {
    KERNEL_DIED: "the kernel died",
    SUBMISSION_REFUSED: "the submission was not run",
}

#: Start of the notice that replaces output beyond the sandbox's output cap.
TRUNCATION_MARKER = "[torchcourse: output truncated"

#: The message of the ``raise NotImplementedError(...)`` that the student version puts in place
#: of each solution (``nbgrader_config.py``'s ``ClearSolutions.code_stub``); test cells that meet
#: it say "not written yet" instead of showing the exercise's hint (which may be the answer).
STUB_MESSAGE = "Exercise not answered yet: replace this line with your code."

#: The environment variable that pins a lesson's PyTorch to a number of CPU threads
#: (read by :func:`torchcourse.notebooks.setup_notebook`). The papermill build and the
#: sandbox set it to 1, so that published outputs and scores never depend on the
#: machine's core count; a learner's JupyterLab does not set it, so learners keep every core.
THREADS_VARIABLE = "TORCHCOURSE_NUM_THREADS"
