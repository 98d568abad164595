"""The errors the pipeline raises, each with a message that tells the user what to do.

    PipelineError
    ├── InputError                  the article itself cannot be read
    │   ├── EmptyArticleError       nothing but white space (or a 0-byte file)
    │   ├── BinaryInputError        not text at all (NUL bytes, control characters, known binary magic)
    │   ├── InputDecodingError      text, but in no encoding we can read with confidence
    │   ├── InputTooLargeError      over the size limit of one article
    │   └── UnsupportedFormatError  a file kind we do not read
    └── RuleDataError               a language table in pipeline/lang/vi is malformed (file:line)

Batch runs turn an InputError into an error record and carry on; a RuleDataError is a bug in the
package's data and stops the run.
"""

from __future__ import annotations


class PipelineError(Exception):
    """Base class of every error this package raises on purpose."""


class InputError(PipelineError):
    """The input article cannot be processed; the message names the file and says why."""


class EmptyArticleError(InputError):
    """The article has no text."""


class BinaryInputError(InputError):
    """The input is binary data, not text."""


class InputDecodingError(InputError):
    """The bytes decode in no supported encoding (UTF-8/16, Windows-1258, TCVN3, VNI)."""


class InputTooLargeError(InputError):
    """The article is larger than the limit for one article."""


class UnsupportedFormatError(InputError):
    """A file kind the pipeline does not read."""


class RuleDataError(PipelineError):
    """A rule table shipped with the package is malformed; the message gives file and line."""
