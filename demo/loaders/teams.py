"""Translator teams per language and the translation leads (after all pages exist)."""

from translation.teams import setup_translator_teams


def load(context):
    setup_translator_teams()
