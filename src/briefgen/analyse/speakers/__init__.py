"""Who is speaking: speech cues, speaker phrases, names and roles, by rules over the words.

News copy attributes quotations in a few fixed shapes: `"...," X said`, `"...," said X, role`,
`X said: "..."`, `X said the plan was "..."`, `according to X`. Given the words on either side of
a quotation (its own sentence, with quoted text blanked out), `speaker_right_after`,
`speaker_before` and `speaker_closing_sentence` find the speaker phrase and turn it into a
`Speaker`: the name or description, the role from a title before the name or an apposition
after it, and whether it is a pronoun still to be resolved. `NameIndex` knows the people the
article names, so "Ivanov" becomes "Sergei Ivanov" and "she" can skip a "Mr." before it.

The rules are layered, each module using only the ones before it:
tokens (cue verbs, word classes, the tokenizer) -> phrases (a run of tokens as a Speaker) ->
subjects (who a cue belongs to) -> attribution (around a quotation) -> names (across the article).
Each attribution rule is named (lexicon table `attribution_rules`, `Speaker.rule`); the examples
in these docstrings run as tests in tests/test_speakers.py, one table row each.
"""
from __future__ import annotations

from .attribution import (
    colon_speaker,
    cue_speaker,
    cue_subjects,
    fronted_clause_speaker,
    introducing_speaker,
    speaker_before,
    speaker_closing_sentence,
    speaker_right_after,
)
from .names import NameIndex, first_name_gender, gender_of_role, pronoun_gender
from .phrases import names_a_role, phrase_to_speaker
from .subjects import clause_subject, is_document, trailing_phrase
from .tokens import ATTRIBUTION_RULES, Speaker, Token, credit, is_time_word, tokenize

__all__ = [
    "ATTRIBUTION_RULES",
    "NameIndex",
    "Speaker",
    "Token",
    "clause_subject",
    "colon_speaker",
    "credit",
    "cue_speaker",
    "cue_subjects",
    "first_name_gender",
    "fronted_clause_speaker",
    "gender_of_role",
    "introducing_speaker",
    "is_document",
    "is_time_word",
    "names_a_role",
    "phrase_to_speaker",
    "pronoun_gender",
    "speaker_before",
    "speaker_closing_sentence",
    "speaker_right_after",
    "tokenize",
    "trailing_phrase",
]
