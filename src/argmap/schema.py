"""The JSON Schema of the native map format, for editors and their YAML plugins.

The schema describes what the loader accepts (formats 1 and 2), key by key, with a
description for each, so an editor can complete keys, list the allowed kinds and
underline a misspelt key while you type. It cannot say everything the loader
checks: that ids are unique, that references resolve, that a quote occurs in its
source — ``argmap check`` does that.

Examples
--------
>>> s = json_schema()
>>> s["required"]
['argmap', 'speakers', 'claims']
>>> s["$defs"]["claim"]["properties"]["kind"]["enum"][:2]
['thesis', 'claim']
"""

from __future__ import annotations

from typing import Any

from .model import CLAIM_KINDS, RELATION_TYPES

__all__ = ["SCHEMA_ID", "json_schema", "KIND_MEANINGS", "FIELDS"]

SCHEMA_ID = "https://argmap.invalid/schema/map.json"

#: What each claim kind means (docs/format.md).
KIND_MEANINGS: dict[str, str] = {
    "thesis": "a speaker's main conclusion",
    "claim": "an intermediate conclusion, or a claim of no special kind (the default)",
    "premise": "a general principle used as a reason",
    "fact": "a reported event, figure or document",
    "concession": "a point granted to the other side",
    "rebuttal": "a claim whose point is to answer someone",
}

#: Section -> (required keys, optional keys), as the loader reads them.
FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "sources": (("id", "file"), ("sha256", "title", "whitespace")),
    "speakers": (("id",), ("name",)),
    "claims": (("id", "speaker", "text"),
               ("kind", "source", "quote", "occurrence", "tags", "act", "silence", "start", "end")),
    "arguments": (("id", "premises", "conclusion"), ("speaker", "scheme", "note")),
    "relations": (("from", "to", "type"), ("note", "speaker")),
}

# YAML reads `id: 1` or `title: yes` as a number or a boolean; argmap takes the text
# as written, so the schema allows those plain scalars where a string is meant.
_TEXT: dict[str, Any] = {"type": ["string", "number", "boolean"]}


def _text(description: str, **extra: Any) -> dict[str, Any]:
    return {**_TEXT, "description": description, **extra}


def _record(section: str, properties: dict[str, dict[str, Any]], description: str) -> dict[str, Any]:
    required, optional = FIELDS[section]
    assert set(properties) == set(required) | set(optional), section
    return {"type": "object", "description": description, "required": list(required),
            "properties": properties, "additionalProperties": False}


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a native map, YAML or JSON.

    Returns
    -------
    dict
        Ready for :func:`json.dumps`; ``argmap schema`` prints it.
    """
    kinds = "; ".join(f"{k}: {v}" for k, v in KIND_MEANINGS.items())
    defs = {
        "source": _record("sources", {
            "id": _text("The id claims use in `source:`."),
            "file": {"type": "string", "description": "Path of the text, relative to the map's folder and "
                     "inside it (no absolute path, no `..`). UTF-8."},
            "sha256": {"type": "string", "pattern": "^[0-9a-fA-F]{64}$",
                       "description": "SHA-256 of the file's bytes; `argmap check` reports a text that changed."},
            "title": _text("A human title for the text."),
            "whitespace": {"enum": ["exact", "loose"], "default": "exact",
                           "description": "exact (default): a quote's spaces and line breaks must be the "
                           "source's. loose: any run of whitespace in a quote matches any run in the "
                           "source, so a one-line quote matches hard-wrapped text."},
        }, "A source text that claims quote."),
        "speaker": _record("speakers", {
            "id": _text("The id claims use in `speaker:`."),
            "name": _text("The name shown in diagrams (default: the id)."),
        }, "Someone who makes claims."),
        "claim": _record("claims", {
            "id": _text("Unique among claims and arguments."),
            "speaker": _text("The id of the speaker who makes the claim."),
            "text": _text("A short paraphrase in your own words."),
            "kind": {"enum": list(CLAIM_KINDS), "default": "claim", "description": kinds},
            "source": _text("The id of the source the quote comes from; may be omitted when the map "
                            "has one source."),
            "quote": _text("The exact words of the source that carry the claim (`argmap quote` finds "
                           "them)."),
            "occurrence": {"type": "integer", "minimum": 1,
                           "description": "Which occurrence of the quote is meant, when it occurs more "
                           "than once (default: the first)."},
            "tags": {"type": "array", "items": _TEXT, "description": "Free labels."},
            "act": _text("Format 2: the speaker's illocution as AIF names it (asserting when absent; "
                         "questioning, challenging, conceding, …). A pure question or a challenge is "
                         "not asserted (it stands only on an accepted reason); assertive and "
                         "rhetorical questions are.",
                         examples=["asserting", "questioning", "challenging", "conceding", "restating"]),
            "silence": {"type": "object", "additionalProperties": {"type": "string", "minLength": 1},
                        "description": "Lint rules silenced for this claim, each with its reason: "
                        "{rule id: reason} (`argmap lint --rules` lists the ids)."},
            "start": {"type": "integer", "minimum": 0,
                      "description": "Derived offset of the quote (code points); if given, it must agree."},
            "end": {"type": "integer", "minimum": 0,
                    "description": "Derived end offset of the quote; if given, it must agree."},
        }, "One statement by one speaker, anchored by a verbatim quote."),
        "argument": _record("arguments", {
            "id": _text("Unique among claims and arguments."),
            "premises": {"type": "array", "items": _TEXT, "minItems": 1,
                         "description": "Claim ids, jointly needed (linked): they support the "
                         "conclusion only together."},
            "conclusion": _text("A claim id, not among the premises."),
            "speaker": _text("Who gives the argument (default: the conclusion's speaker)."),
            "scheme": _text("Free text: the argumentation scheme (Walton), e.g. argument from example."),
            "note": _text("A remark on the reading."),
        }, "Format 2: one reason, premises linked for one conclusion."),
        "relation": _record("relations", {
            "from": _text("The id of a claim."),
            "to": _text("The id of a claim, or (an attack in format 2) of an argument: an undercut."),
            "type": {"enum": list(RELATION_TYPES),
                     "description": "support: the first claim is a reason for the second (a "
                     "one-premise argument). attack: it is a reason against it."},
            "note": _text("Why the relation is read this way."),
            "speaker": _text("Who asserts the relation (default: the speaker of its `from` claim)."),
        }, "A support or attack from one claim to another (or to an argument)."),
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "argmap map",
        "description": "An argument map: sources, speakers, claims with their quotes, relations "
                       "(and in format 2 arguments). Reference: docs/format.md.",
        "type": "object",
        "required": ["argmap", "speakers", "claims"],
        "properties": {
            "argmap": {"enum": [1, 2], "description": "Format version: 1, or 2 for arguments, "
                       "undercuts and `act`."},
            "title": _text("The map's title."),
            "sources": {"type": ["array", "null"], "items": {"$ref": "#/$defs/source"}},
            "speakers": {"type": ["array", "null"], "items": {"$ref": "#/$defs/speaker"}},
            "claims": {"type": ["array", "null"], "items": {"$ref": "#/$defs/claim"}},
            "arguments": {"type": ["array", "null"], "items": {"$ref": "#/$defs/argument"},
                          "description": "Format 2 only."},
            "relations": {"type": ["array", "null"], "items": {"$ref": "#/$defs/relation"}},
        },
        "additionalProperties": False,
        "allOf": [{
            "if": {"properties": {"argmap": {"const": 1}}},
            "then": {"properties": {
                "arguments": {"maxItems": 0},
                "claims": {"items": {"not": {"required": ["act"]}}},
            }},
        }],
        "$defs": defs,
    }
