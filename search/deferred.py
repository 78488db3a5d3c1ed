"""Template context entries computed when the template first reads one of them: a page that
starts a search renders up to its first result while PostgreSQL runs the search's longest
statement (search/views.py)."""

import functools


class Deferred:
    """An entry of a template context that the template reads by calling it, as Django's
    templates call what is callable: the entries of one `deferred()` are computed together,
    once, at the first call of any of them."""

    def __init__(self, compute, name):
        self.compute = compute
        self.name = name

    def __call__(self):
        return self.compute()[self.name]


def deferred(compute, names):
    """{name: Deferred} for these names, each read from `compute()` (a dict), called once.
    The dict must hold these names and no other: an entry left out of them would be missing
    from the template's context without a word."""

    @functools.cache
    def computed():
        values = compute()
        if set(values) != set(names):
            raise ValueError(f"Deferred entries {sorted(names)}, computed {sorted(values)}")
        return values

    return {name: Deferred(computed, name) for name in names}


def resolved(context):
    """The context with its Deferred entries computed, for what reads it outside a template."""
    return {
        name: value() if isinstance(value, Deferred) else value for name, value in context.items()
    }
