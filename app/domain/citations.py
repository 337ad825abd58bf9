"""Sources in plain words for patient screens ('UK guideline (NICE)'); full references stay for Sources."""

from __future__ import annotations

from collections.abc import Iterable

from app.content.schema import Source

SOURCE_ARTICLES = "Source articles"
OTHER = "Published health advice"


def plain_source(source: Source) -> str:
    """What kind of source this is, in words a patient reads: no authors, years or guideline codes."""
    title = source.title
    if source.kind == "seed":
        return SOURCE_ARTICLES
    if title.startswith("NICE"):
        return "UK guideline (NICE)"
    if title.startswith("Cochrane"):
        return "Research review (Cochrane)"
    if "systematic review" in title or "meta-analysis" in title:
        return "Research review (JAMA Internal Medicine)" if "JAMA" in title else "Research review"
    if "warning card" in title.casefold():
        return "Warning card (physiotherapists)"
    if title.startswith(("GOV.UK", "The Highway Code")):
        return "UK government advice"
    if "NHS" in title.split(":")[0]:
        return "NHS advice"
    return OTHER


def plain_sources(sources: Iterable[Source]) -> list[str]:
    """Each kind once, in the order the card names them."""
    out: list[str] = []
    for source in sources:
        name = plain_source(source)
        if name not in out:
            out.append(name)
    return out


def based_on(sources: Iterable[Source]) -> str:
    """'Based on: UK guideline (NICE), NHS advice and source articles'."""
    names = plain_sources(sources)
    names = [names[0], *(n[0].lower() + n[1:] if n[1:2].islower() else n for n in names[1:])]
    said = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return f"Based on: {said}"


def full_reference(source: Source) -> str:
    """The reference as a clinician would look it up: the full title, then where it is published."""
    return f"{source.title}. {source.ref}"
