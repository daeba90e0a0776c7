"""Argdown (``.argdown``): read what real Argdown files use; write Argdown that Argdown tools read.

Reading
-------
What the Argdown CLI reads, with these parts:

* **frontmatter** between two ``===`` lines (YAML, read safely with the shared bound on
  alias expansion). argmap reads ``title``, ``speakers`` (``{id: name}`` or a list of
  ``{id, name}``) and ``sources`` (a list of ``{id, file, sha256?, title?}``); every other
  key is Argdown configuration. ``model: {mode: strict}`` switches to Argdown's strict
  reading of statement–statement relations (below).
* ``@include(a.argdown, b.argdown)`` lines: the files are read in their place, relative
  to the including file and inside its folder (a cycle is an error).
* **headings** ``# …`` (sections), **statements** ``[Title]: text``, **arguments**
  ``<Title>: text``, **references** ``[Title]`` / ``<Title>`` (text after a reference is
  not kept, with a warning), untitled statements, texts spread over several lines,
  Markdown list items (``* …``, ``1. …``: each one statement), definitions with tags or
  data but no text.
* **relations** on indented lines below their parent, in every direction: ``+``/``<+``
  (the child supports the parent), ``+>`` (the parent supports the child), ``-``/``<-`` and
  ``->`` likewise for attack, ``_``/``<_``/``_>`` for undercut and ``><`` for
  contradiction, nested to any depth; a comment line between a relation and its parent
  does not separate them.
* **premise–conclusion structures**: numbered statements ``(1) …`` and inference bars
  (``----``, ``-- rule, rule {uses: [1, 2]} --``, or rules between two ``--`` lines)
  below an argument (or, without one, an untitled argument; a structure after a
  structure is another untitled argument), with intermediary conclusions and relations
  on the statements.
* ``#tags`` and ``#(tags with spaces)``, inline ``{yaml data}`` (flow, or block when a
  line break follows ``{``), comments ``//``, ``/* */`` and ``<!-- -->`` (also inside an
  element, over lines), backslash escapes.
* **texts** as the Argdown CLI exports them: emphasis markers removed where they pair up,
  ``[text](url)`` read as its text (the targets reported as not kept), shortcodes
  (``.^.``, ``:+1:``, custom ``model: {shortcodes: …}``) turned into symbols; mentions,
  escapes and a tag followed by more text kept as written; the tags ending a text are
  the claim's tags only.

How Argdown maps onto argmap:

* Each statement **equivalence class** is one claim whose id is its title; its text is
  the first text any member gives (a class defined with several different texts keeps
  the first, reported), or its title when no member gives one (a title referenced but
  never defined). Untitled statements and arguments are named as Argdown names them,
  ``Untitled 1``, ``Untitled 2``… in the order they appear.
* An **argument without premise–conclusion structure** is a claim too (id: its title,
  or ``Title (argument)`` when a statement has the same title; text: its description,
  else its title): Argdown's sketched argument, a reason as a whole.
* An **argument with a premise–conclusion structure** becomes argmap arguments, **one per
  inference step**: the step's premises are the statements its ``uses`` data names, else
  every statement after the previous conclusion and that conclusion; its conclusion is
  the statement below the bar. The last step has the argument's title as id, its
  description as note; an intermediary step is ``Title (n)``, n being the position of its
  conclusion. The inference rules become the ``scheme``; ``{speaker: ID}`` on the
  argument becomes its speaker.
* Relations, as Argdown resolves them: from a reconstructed argument they start at its
  main conclusion; to a reconstructed argument (or to one of its inferences) an attack
  ends at that argmap argument; a support of a reconstructed argument cannot be held
  and is skipped with a warning.
* Polarity: support is ``support``; attack is ``attack``; an **undercut** is an attack
  noted ``undercut`` (on the argmap argument when the target is reconstructed, else on the
  argument's claim); a **contradiction** (``><``) and, in strict mode, a **contrary**
  (``-`` between two statements) become an attack in each direction noted
  ``contradictory`` / ``contrary``; strict-mode ``+`` between statements (entailment) is a
  support noted ``entails``.
* Data keys read: ``speaker``, ``kind``, ``source``, ``quote``, ``occurrence``, ``act``,
  ``relations`` (``{TARGET: {note: …, speaker: …}}``) and ``silence`` (``{RULE: reason}``,
  the claim's lint silences, when it is such a mapping). Any other key is the user's
  data: argmap has no field for it, and says so (it is never an error).

Speakers (``speaker_from``):

* ``"data"`` (default): ``{speaker: ID}`` on the claim;
* ``"tag"``: the tag naming a speaker declared in the frontmatter or, when none is
  declared, the claim's first tag (that tag is then not kept among the claim's tags);
* ``"heading"``: the nearest enclosing heading that names a speaker, by
  ``{speaker: ID}`` data on the heading or by its text being a declared speaker's id
  or name; when the frontmatter declares no speakers, each level-1 heading names one.

Explicit ``{speaker: …}`` data always wins. When no claim has a speaker the map gets
one speaker, ``unattributed``; when only some have one, the others are ``unattributed``
too, each with a warning.

What cannot be read is skipped with a located warning (``warnings=``; ``strict=True``
raises it instead): a relation without parent, a self-relation, a pair of claims that
both supports and attacks, an argument as premise, an inference without premises. What
is read but not kept is reported once per kind, with its count. A broken YAML block, an
unclosed comment, ``{`` or inference, and argmap's own data keys with wrong values are
errors.

Writing
-------
:func:`dumps` writes the frontmatter (title, speakers, sources, and
``selection: {excludeDisconnected: false}`` so every claim is drawn), then one
section per speaker (``# Name {speaker: id}``) holding that speaker's claims as
titled statements ``[ID]: text #tags {speaker, kind, source, quote, occurrence, act,
relations, silence}``, each followed by its outgoing relations (``+> [TARGET]``, ``-> [TARGET]``,
``_> <ARGUMENT>`` for an undercut), then a section ``# Arguments`` with each argument as
``<ID>: note`` and its premise–conclusion structure (``(1) [P1]`` … ``-- scheme --`` …
``(n) [C]``). Reading the output back gives the same map; only line breaks inside texts
are lost (see :func:`losses`). The Argdown CLI reads the output with the same
statements, arguments and relations.

Examples
--------
>>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
>>> m = ArgumentMap(title="toy", speakers=[Speaker("a", "Ann"), Speaker("b", "Bob")],
...                 claims=[Claim("A1", "a", "It rains.", kind="thesis"),
...                         Claim("B1", "b", "The sky is clear.")],
...                 relations=[Relation("B1", "A1", "attack")])
>>> text = dumps(m)
>>> print(text.split("===")[-1].strip())
# Ann {speaker: a}
<BLANKLINE>
[A1]: It rains. {speaker: a, kind: thesis}
<BLANKLINE>
# Bob {speaker: b}
<BLANKLINE>
[B1]: The sky is clear. {speaker: b}
    -> [A1]
>>> loads(text) == m
True
>>> doc = '''<Fumes>: Traffic harms us.
...
... (1) Cars make fumes.
... (2) Fumes harm residents.
... -- modus ponens --
... (3) [Ban]: Ban cars downtown.
...   <- [Trucks]: Most fumes come from trucks.
... '''
>>> m = loads(doc)
>>> [(a.id, a.premises, a.conclusion, a.scheme) for a in m.arguments]
[('Fumes', ('Untitled 1', 'Untitled 2'), 'Ban', 'modus ponens')]
>>> [(r.from_id, r.type, r.to_id) for r in m.relations]
[('Trucks', 'attack', 'Ban')]
"""

from __future__ import annotations

from pathlib import Path

from ...errors import ArgmapError
from ...model import ArgumentMap
from ...vocabulary import SpeakerFrom, parse_choice
from ._build import Builder
from ._write import dumps, losses

__all__ = ["loads", "dumps", "losses"]


def loads(text: str, *, path: str | Path | None = None, speaker_from: str | SpeakerFrom = "data",
          strict: bool = False, warnings: list[ArgmapError] | None = None,
          advisories: list[ArgmapError] | None = None) -> ArgumentMap:
    """Read an Argdown document (see the module docstring).

    Parameters
    ----------
    text : str
        The document.
    path : str or Path, optional
        Where it comes from: named in errors, and the folder that source files
        (frontmatter ``sources``) and ``@include`` files are relative to.
    speaker_from : {"data", "tag", "heading"}
        Where a claim's speaker comes from when its data does not say.
    strict : bool
        Refuse the document at the first part that cannot be read or kept (default:
        skip it and report it in *warnings*).
    warnings : list, optional
        Where each skip (located) and each kind of loss (with its count, located at its
        first occurrence) is appended as a :class:`~argmap.errors.MapFormatError`.
    advisories : list, optional
        Where to append what loading tolerates but ``argmap check`` reports (an
        ambiguous quote, a changed source); see :func:`argmap.provenance.place_quotes`.

    Returns
    -------
    ArgumentMap

    Raises
    ------
    MapFormatError
        At ``file:line:col`` for what cannot be read at all (or, under *strict*, for the
        first part that would be skipped).

    Notes
    -----
    Time is linear in the size of the document: each line is scanned a bounded number
    of times, and inline data and the frontmatter are parsed with the YAML reader's
    work budget.

    Examples
    --------
    >>> doc = '''
    ... # Ann
    ... [Ban]: Ban cars downtown.
    ...   <+ <Fumes>: Fumes harm residents.
    ...
    ... # Ben
    ... <Trucks>: Most fumes come from trucks.
    ...   -> <Fumes>
    ... '''
    >>> m = loads(doc, speaker_from="heading")
    >>> [(c.id, c.speaker) for c in m.claims]
    [('Ban', 'ann'), ('Fumes', 'ann'), ('Trucks', 'ben')]
    >>> [(r.from_id, r.type, r.to_id) for r in m.relations]
    [('Fumes', 'support', 'Ban'), ('Trucks', 'attack', 'Fumes')]
    """
    speaker = parse_choice(speaker_from, SpeakerFrom, "speaker_from").value
    return Builder(text, path, speaker, strict, warnings, advisories).read()
