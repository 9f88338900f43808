"""Demo countries, profiles and guides (filled in by the knowledge-base issue)."""


def load(context):
    return None
