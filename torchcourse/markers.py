"""What the sandbox writes into an autograded notebook, and the review reads back.

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
