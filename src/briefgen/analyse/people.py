"""Who's who: the people an article quotes or names as acting, with the role it gives them.

Per article (analyse stage, cached), `find_people` takes the people from the speakers package:

* `quoted`: the speaker of a quotation, named (not "the official"), with the role the
  attribution gives ("said Sergei Rogov, director of the ...");
* `titled`: a full name with a title written before it, as news copy introduces an official
  ("Russian Defense Minister Sergei Ivanov", "U.S. Defense Undersecretary James Miller"): the
  title is the run of capitalised words, role words and the small words of a title
  (lexicon title_connectors) that ends at the name, and stops at another person's name;
* `relational`: a title that gives the role by another person's (lexicon relational_roles:
  "his US counterpart Donald Rumsfeld") is printed with the person it relates to, the one the
  same sentence names before it: "US counterpart of Sergei Ivanov";
* `apposition`: the role set off by commas after the full name ("Jane Roe, a senior analyst
  at the institute, said"), for someone found by the rules above or below;
* `acting`: the subject of a speech cue or of a sentence, when its full name opens with a first
  name of known gender (lexicon female_first_names, male_first_names), so "North Korea launched"
  is never a person.

A name the article writes in full elsewhere is printed in full ("Ivanov" is "Sergei Ivanov");
one that is only ever a surname, or only mentioned in passing without any of the above, is
left out: an unsure name is worse than none. Merging across articles is publish.assemble's
(`whos_who`).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from .. import lexicon
from ..model import PersonMention, Quote, WhoEntry
from .sentences import quoted_regions, sentence_spans
from .speakers import NameIndex, Token, phrase_to_speaker, tokenize
from .speakers.names import _NAME_RUN, _is_headline_run

_FIRST_NAMES = lexicon.words("female_first_names") | lexicon.words("male_first_names")
_ROLE_WORDS = lexicon.words("role_words")
_RELATIONAL = lexicon.words("relational_roles")
_CONNECTORS = lexicon.words("title_connectors")
_TITLES = frozenset(lexicon.rows("titles"))
_HONORIFICS = frozenset(title for title, row in lexicon.rows("titles").items() if row.get("honorific"))
_MODIFIERS = lexicon.words("modifiers_before_role")
_INSTITUTIONS = lexicon.words("institution_words")
_GENERIC_ROLES = lexicon.words("generic_roles")
# An apposition opens with an article or a modifier ("a senior analyst", "former MIT physics department
# head") and holds no verb of its own (then it is a clause: "Roe, who said ...", "Roe, speaking ...").
_APPOSITION_OPENERS = lexicon.words("determiners") | _MODIFIERS
_NOT_A_ROLE_PHRASE = lexicon.words("cue_verbs") | lexicon.words("auxiliaries")
# Words that may open a sentence or clause before a title but are not part of it ("But Russian ...").
_NOT_IN_TITLE = (lexicon.words("conjunctions") | lexicon.words("prepositions") | lexicon.words("determiners")
                 | lexicon.words("subordinators") | lexicon.words("aside_words") | lexicon.words("time_words")
                 | _CONNECTORS)
_MONTHS_AND_DAYS = lexicon.words("weekday_names") | frozenset(
    name for language in ("en", "en_short") for name in lexicon.rows("month_names")[language]["names"])
_NATIONALITIES = {key: str(row["country"]) for key, row in lexicon.rows("nationalities").items()}
_LEADING_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)
_TITLE_REACH = 200  # characters before a name where its title is read


def find_people(text: str, quotes: Sequence[Quote]) -> tuple[PersonMention, ...]:
    """The people of an article body, one each, in the order the article first names them."""
    from .quotes import _Article, _person_mentions

    names = NameIndex(text)
    regions = quoted_regions(text)
    quoted_spans = [(region.start, region.end) for region in regions]
    sentences = sentence_spans(text, regions)
    mentions = [m for m in _person_mentions(_Article(text, regions), names)
                if not _inside(m.start, quoted_spans)]
    # Every full name the article uses, with where: the people a relational role may point at.
    named = sorted({(m.start, full) for m in mentions if _could_be_someone(full := names.fullest(m.name))})
    surnames = {name.split()[-1] for _start, name in named} | {n.split()[-1] for _s, n in names.people()}
    found: dict[str, PersonMention] = {}

    def add(name: str, role: str | None, start: int, quoted: bool = False, title: bool = False) -> None:
        """`title`: a title written before the name, printed before an apposition's role."""
        role = _given_role(_clean_role(role), text)
        known = found.get(name)
        if known is None:
            found[name] = PersonMention(name, role, quoted, start)
            return
        roles = [r for r in (known.role or "").split("; ") if r]
        if role and not any(role.casefold() in r.casefold() for r in roles):
            roles = [r for r in roles if r.casefold() not in role.casefold()]
            roles = [role, *roles] if title else [*roles, role]
        found[name] = PersonMention(name, "; ".join(roles) or None, known.quoted or quoted, min(known.start, start))

    for quote in quotes:
        if not (quote.speaker and quote.rule and _is_personal_name(quote.speaker)):
            continue
        name, role = _name_from_role(names.fullest(quote.speaker), quote.role)
        name, described = _descriptor_out(name, role, text)
        if len(name.split()) > 1 and (_could_be_someone(name) or _names_a_role(described) or described != role):
            add(name, described, quote.start, quoted=True)
    for start, name, role in _titled(text, names, quoted_spans, surnames):
        name, role = _name_from_role(name, role)
        if role and _names_a_role(role) and role.lower() not in _GENERIC_ROLES:
            add(name, _related(role, start, named, sentences, name), start, title=True)
    for mention in mentions:
        name = names.fullest(mention.name)
        if mention.subject and len(name.split()) > 1 and _is_personal_name(name) and (
                name in found or name.split()[0].lower() in _FIRST_NAMES):
            add(name, mention.role if _names_a_role(mention.role) else None, mention.start)
    appositions = {name: role for name in found if (role := _apposition(text, name, quoted_spans))}
    for name, role in appositions.items():
        add(name, role, found[name].start)
    return tuple(sorted(found.values(), key=lambda person: person.start))


def _apposition(text: str, name: str, quoted: list[tuple[int, int]]) -> str | None:
    """`apposition`: the role set off by commas right after the full name ("Jane Roe, a senior
    analyst at the institute, said"), at the first place the article writes one."""
    for match in re.finditer(rf"(?<![\w-]){re.escape(name)},\s+([^,;:.!?“”\"()]{{3,100}}?)(?=[,;.])", text):
        if _inside(match.start(), quoted):
            continue
        phrase = match.group(1)
        tokens = tokenize(phrase, 0, len(phrase))
        words = [t.lower for t in tokens]
        if not words or any(w in _NOT_A_ROLE_PHRASE for w in words):
            continue
        opens = words[0] in _APPOSITION_OPENERS or tokens[0].capitalised
        if opens and any(w.rstrip(".") in _ROLE_WORDS and w.rstrip(".") not in _GENERIC_ROLES for w in words):
            return phrase
    return None


def _inside(offset: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _titled(text: str, names: NameIndex, quoted: list[tuple[int, int]], surnames: set[str]
            ) -> list[tuple[int, str, str | None]]:
    """(offset, full name, title before it) of every full name the text writes outside quotations."""
    surnames = {surname for surname in surnames if not surname.isupper()}
    found = []
    for match in _NAME_RUN.finditer(text):
        if _is_headline_run(match.group()) or _inside(match.start(), quoted):
            continue
        tokens = tokenize(text, match.start(), match.end())
        speaker = phrase_to_speaker(tokens, text)
        if speaker is None or not speaker.proper:
            continue
        words = [t for t in tokenize(text, speaker.start, speaker.start + len(speaker.name)) if t.text != "."]
        while words and words[0].bare in _TITLES:
            words = words[1:]
        # A title glued to the name by capitals ("... International Security Rose Roe"): the name
        # opens with its first name.
        first = next((k for k, t in enumerate(words) if k and k < len(words) - 1 and t.lower in _FIRST_NAMES), None)
        if first is not None and not any(t.lower in _FIRST_NAMES for t in words[:first]):
            words = words[first:]
        if len(words) < 2 or any(t.lower in _ROLE_WORDS or t.lower in _MONTHS_AND_DAYS for t in words):
            continue
        if words[-1].text.endswith(("'s", "’s")):
            continue  # "President Roe's power": named in passing, as the owner of something
        name = names.fullest(" ".join(t.text for t in words))
        if not _is_personal_name(name):
            continue
        others = surnames - {name.split()[-1]}
        found.append((words[0].start, name, _title_before(text, words[0].start, others)))
    return found


def _title_before(text: str, start: int, others: set[str]) -> str | None:
    """The title written right before a name: "Russian Defense Minister", "Acting Under Secretary of
    State for Arms Control and International Security", "US counterpart"; None when there is none."""
    tokens = tokenize(text, max(0, start - _TITLE_REACH), start)
    run: list[Token] = []
    for k in range(len(tokens) - 1, -1, -1):
        token = tokens[k]
        word = token.lower.removesuffix("'s").removesuffix("’s")
        if token.text in others or word in _MONTHS_AND_DAYS:
            break  # another person's name ("Putin and US counterpart ...") or a date
        if token.lower in _FIRST_NAMES and run:
            # another person's name before a connector ("Secretary of State John Roe and Iranian
            # Foreign Minister ..."): the title starts after that connector
            cut = next((i for i, t in enumerate(run) if t.lower in _CONNECTORS), None)
            run = run[cut + 1 :] if cut is not None else []
            break
        capitalised = token.capitalised and token.text.replace(".", "").replace("-", "").isalnum()
        role_word = word in _ROLE_WORDS or word in _RELATIONAL or word in _MODIFIERS
        inside = word in _CONNECTORS and bool(run) and run[0].capitalised and k > 0 and tokens[k - 1].capitalised
        if not (capitalised or role_word or inside):
            break
        run.insert(0, token)
    while run and ((run[0].lower in _NOT_IN_TITLE and not run[0].text.isupper()) or run[0].bare in _HONORIFICS):
        run = run[1:]
    if not run or not any(t.lower.rstrip(".") in _ROLE_WORDS or t.bare in _TITLES or t.lower in _RELATIONAL
                          for t in run):
        return None
    return text[run[0].start : run[-1].end]


def _related(role: str | None, start: int, named: list[tuple[int, str]], sentences: Sequence[tuple[int, int]],
             name: str) -> str | None:
    """A relational role with the person it relates to: the one its sentence names before it."""
    if not role or role.split()[-1].lower() not in _RELATIONAL:
        return role
    sentence = next(((lo, hi) for lo, hi in sentences if lo <= start < hi), (start, start))
    before = [other for at, other in named if sentence[0] <= at < start and other != name]
    return f"{role} of {before[-1]}" if before else role


def _name_from_role(name: str, role: str | None) -> tuple[str, str | None]:
    """A first name read as the end of the role ("spokesman Farhan" + "Aziz Haq") back in the name:
    in news copy the title stands before the whole name."""
    if not role:
        return name, role
    tokens = tokenize(role, 0, len(role))
    tail = len(tokens)
    while tail > 1 and tokens[tail - 1].capitalised and tokens[tail - 1].lower not in _ROLE_WORDS:
        tail -= 1
    if tail == len(tokens) or tokens[tail - 1].lower not in _ROLE_WORDS or tokens[tail - 1].capitalised:
        return name, role
    return f"{role[tokens[tail].start :]} {name}", role[: tokens[tail].start].strip() or None


def _descriptor_out(name: str, role: str | None, text: str) -> tuple[str, str | None]:
    """A capitalised common noun opening a sentence before a name ("Surfer Jane Roe said") is a
    description, not part of the name: the article writes it in lower case elsewhere ("surfers")."""
    words = name.split()
    if len(words) > 2 and re.search(rf"(?<![\w-]){re.escape(words[0].lower())}", text):
        return " ".join(words[1:]), role or words[0].lower()
    return name, role


def _could_be_someone(name: str) -> bool:
    """A full name that opens with a first name ("Sergei Ivanov"), not "Meanwhile US"."""
    words = name.split()
    return len(words) > 1 and words[0].lower() in _FIRST_NAMES and _is_personal_name(name)


def _is_personal_name(name: str) -> bool:
    """A proper name that can be a person's: two or more capitalised words, none of an institution."""
    words = name.split()
    if not words or any(w.lower().strip(".,") in _INSTITUTIONS for w in words):
        return False
    return all(w[:1].isupper() or w.lower() in lexicon.words("name_particles") for w in words)


def _names_a_role(role: str | None) -> bool:
    if not role:
        return False
    tokens = tokenize(role, 0, len(role))
    return any(t.lower.rstrip(".") in _ROLE_WORDS or t.lower in _RELATIONAL or t.bare in _TITLES
               or t.capitalised for t in tokens)


def _given_role(role: str | None, text: str) -> str | None:
    """The role only when the article writes it (a relational one before its "of"): a rule that
    composed a role the text does not give, or a generic one ("member"), prints none."""
    if not role or role.lower() in _GENERIC_ROLES:
        return None
    head, _of, _other = role.partition(" of ")
    written = text.casefold()
    if role.casefold() in written or (head.split()[-1].lower() in _RELATIONAL and head.casefold() in written):
        return role
    return None


def _clean_role(role: str | None) -> str | None:
    """The role as the article gives it, without a leading article or trailing punctuation; a
    title shared by two names is each one's ("Presidents Jane Roe and John Doe": President)."""
    if not role:
        return None
    role = _LEADING_ARTICLE.sub("", role.strip(" ,;:-–—")).strip()
    if role.endswith("s") and role[:-1].split()[-1:] and role[:-1].split()[-1].lower() in _ROLE_WORDS:
        role = role[:-1]
    return role or None


def country_of(role: str | None) -> str | None:
    """The country a role names by its opening nationality ("Russian Defense Minister": Russia)."""
    if not role:
        return None
    for key in sorted(_NATIONALITIES, key=len, reverse=True):
        if role == key or role.startswith(key + " "):
            return _NATIONALITIES[key]
    return None


# --- across articles ------------------------------------------------------------------------------

OTHERS = "Other people"  # the heading of those whose roles name no country


def whos_who(people: Sequence[Sequence[PersonMention]]) -> tuple[WhoEntry, ...]:
    """One entry per person across the articles (`people[i]` are article i's), grouped by the
    country their roles name, then by surname. Two names are one person when they share the
    surname and their first names agree ("George W. Bush" and "George Bush"; never "Sergei
    Ivanov" and "Viktor Ivanov"); the entry takes the longest spelling. A person the articles
    neither describe nor quote is left out: the entry would say nothing the name does not."""
    merged: list[dict[str, Any]] = []
    for index, mentions in enumerate(people):
        for person in mentions:
            entry = next((e for e in merged if _same_person(e["names"], person.name)), None)
            if entry is None:
                entry = {"names": [], "roles": [], "articles": [], "quoted": []}
                merged.append(entry)
            entry["names"].append(person.name)
            if person.role:
                entry["roles"].extend(person.role.split("; "))
            if index not in entry["articles"]:
                entry["articles"].append(index)
            if person.quoted and index not in entry["quoted"]:
                entry["quoted"].append(index)
    entries = []
    for entry in merged:
        roles = _distinct_roles(entry["roles"])
        if not roles and not entry["quoted"]:
            continue
        group = next((country for role in roles if (country := country_of(role))), None)
        name = max(entry["names"], key=lambda n: (len(n.split()), len(n)))
        entries.append(WhoEntry(name, roles, group, tuple(entry["articles"]), tuple(entry["quoted"])))
    return tuple(sorted(entries, key=lambda e: (e.group is None, e.group or "", e.name.split()[-1], e.name)))


def _same_person(names: list[str], name: str) -> bool:
    words = name.split()
    for other in names:
        others = other.split()
        if others[-1] != words[-1]:
            continue
        first, other_first = words[0].rstrip("."), others[0].rstrip(".")
        if first == other_first or (len(first) == 1 and other_first.startswith(first)) or (
                len(other_first) == 1 and first.startswith(other_first)):
            return True
    return False


def _distinct_roles(roles: list[str]) -> tuple[str, ...]:
    """The roles in the order given, each once: one that another contains is left out
    ("Deputy Defense Minister" beside "Russian Deputy Defense Minister")."""
    kept: list[str] = []
    for role in sorted(dict.fromkeys(roles), key=len, reverse=True):
        if not any(role.casefold() in other.casefold() for other in kept):
            kept.append(role)
    return tuple(sorted(kept, key=roles.index))
