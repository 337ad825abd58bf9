"""The one error type the build reports to the person running it."""


class BuildError(RuntimeError):
    """The build cannot go on; the message says what is wrong and how to fix it."""
