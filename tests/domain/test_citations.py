"""Sources in plain words: a kind of source a patient can read, never an author list or guideline code."""

import re

from app.content.loader import library
from app.domain.citations import based_on, full_reference, plain_source, plain_sources

CITATION = re.compile(r"et al\b|\b(?:NG|QS|CG)\d+\b|\bCKS\b|doi\.org|\b(?:19|20)\d\d\b")


def _source(source_id):
    return library().source(source_id)


def test_nice_and_cochrane_are_named_in_words():
    assert plain_source(_source("nice-ng59")) == "UK guideline (NICE)"
    assert plain_source(_source("nice-cks-back-pain")) == "UK guideline (NICE)"
    assert plain_source(_source("cochrane-heat-cold")) == "Research review (Cochrane)"
    assert plain_source(_source("seed-000")) == "Source articles"
    assert plain_source(_source("nhs")) == "NHS advice"


def test_no_source_is_named_by_a_citation():
    for source in library().sources:
        assert not CITATION.search(plain_source(source)), source.id


def test_each_kind_is_said_once_in_a_sentence():
    ids = ("nice-ng59", "nice-qs155", "seed-000", "seed-001", "cochrane-heat-cold")
    assert plain_sources(_source(i) for i in ids) == ["UK guideline (NICE)", "Source articles",
                                                      "Research review (Cochrane)"]
    assert based_on(_source(i) for i in ids) == \
        "Based on: UK guideline (NICE), source articles and research review (Cochrane)"
    assert based_on([_source("nhs")]) == "Based on: NHS advice"


def test_the_full_reference_keeps_authors_and_where_it_is_published():
    ref = full_reference(_source("cochrane-heat-cold"))
    assert "French et al. 2006" in ref and "doi.org/10.1002/14651858.CD004750.pub2" in ref
