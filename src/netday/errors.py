"""Errors a user can act on: the command line prints them as one line, never a traceback."""


class NetdayError(Exception):
    """A problem with the user's input or data, explained in one sentence."""


class NotFound(NetdayError):
    pass


class Ambiguous(NetdayError):
    pass


class SchemaTooNew(NetdayError):
    pass


class DatabaseBusy(NetdayError):
    """Another writer held the database longer than netday waits; nothing was changed."""
