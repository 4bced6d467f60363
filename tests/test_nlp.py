"""The spaCy pipeline's tokenizer keeps the text exactly, so token offsets are evidence offsets."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.nlp import get_nlp

CODES = st.from_regex(r"[\w./,:&'’+ \n-]{0,40}", fullmatch=True)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80) | CODES)
def test_doc_text_is_the_input_text(text: str) -> None:
    assert get_nlp().make_doc(text).text == text


def test_numbers_dates_and_codes_stay_whole() -> None:
    doc = get_nlp().make_doc("Ngày 10/7/2025, Quyết định số 737/QĐ-LĐLĐ, 15.248 đoàn viên, đạt 88,2%.")
    tokens = [token.text for token in doc]
    assert {"10/7/2025", "15.248", "88,2", "%"} <= set(tokens)
    assert tokens.count(",") == 3


def test_every_component_runs_in_order() -> None:
    names = get_nlp().pipe_names
    assert names.index("union_documents") < names.index("union_dates") < names.index("union_figures")
    # The cluster's members tell a cluster of provincial federations (no federation) from a provincial one.
    assert names.index("union_cluster") < names.index("union_member_units") < names.index("union_federation")
    assert names.index("union_federation") < names.index("union_documents")
    assert names.index("union_member_units") < names.index("union_officials") < names.index("union_meeting")
