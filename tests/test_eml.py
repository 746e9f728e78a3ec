"""``.eml`` messages -> draft text, and offsets back into the raw message.

Messages are written byte for byte into ``tmp_path`` so the raw offsets the
tests pin are the offsets a user sees in the file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.draft import parse_draft
from linter.html_text import html_to_text
from linter.models import Span
from linter.offsets import OffsetMap, OffsetMapBuilder, Segment
from linter.positions import line_col
from linter.sources import InputError, Source, read_source

EXAMPLE = Path(__file__).resolve().parent.parent / "examples/drafts/good/thank-you-after-panel.eml"


def _read(tmp_path: Path, data: bytes, name: str = "note.eml") -> Source:
    path = tmp_path / name
    path.write_bytes(data)
    source = read_source(str(path))
    assert isinstance(source, Source), source
    return source


def _raw_of(source: Source, word: str, nth: int = 0) -> str:
    """The raw text the ``nth`` occurrence of ``word`` in ``source.text`` maps to."""
    start = -1
    for _ in range(nth + 1):
        start = source.text.index(word, start + 1)
    span = source.raw_span(Span(start, start + len(word)))
    return source.raw[span.start : span.end]


PLAIN = (
    b"From: Sam Rivera <sam@example.com>\n"
    b"To: Dana Ortiz <dana@example.com>\n"
    b"Subject: Thanks for Tuesday\n"
    b"Date: Wed, 11 Mar 2026 09:15:00 -0500\n"
    b"Message-ID: <1@example.com>\n"
    b"MIME-Version: 1.0\n"
    b"Content-Type: text/plain; charset=utf-8\n"
    b"Content-Transfer-Encoding: 8bit\n"
    b"\n"
    b"Hi Dana,\n"
    b"\n"
    b"Thank you for the tour of the caf\xc3\xa9 and the roadmap talk.\n"
    b"\n"
    b"Best,\n"
    b"Sam\n"
)


def test_plain_message_text(tmp_path: Path) -> None:
    source = _read(tmp_path, PLAIN)
    assert source.text == (
        "Subject: Thanks for Tuesday\n"
        "To: Dana Ortiz <dana@example.com>\n"
        "Date: Wed, 11 Mar 2026 09:15:00 -0500\n"
        "\n"
        "Hi Dana,\n\nThank you for the tour of the café and the roadmap talk.\n\nBest,\nSam\n"
    )
    assert source.raw == PLAIN.decode("utf-8")
    assert source.encoding == "utf-8"


def test_plain_message_offsets_are_exact(tmp_path: Path) -> None:
    source = _read(tmp_path, PLAIN)
    assert source.origin is not None
    roadmap = source.text.index("roadmap")
    assert source.raw_offset(roadmap) == source.raw.index("roadmap") == 307
    assert source.origin.is_exact(roadmap)
    for word in ("Hi Dana,", "café", "roadmap talk.", "Sam\n", "Thanks for Tuesday", "dana@example.com"):
        assert _raw_of(source, word) == word
    # The "Subject: " label maps onto the raw header line, and so does "To: ".
    assert source.raw_span(Span(0, 27)) == Span(69, 96)
    assert _raw_of(source, "To: Dana") == "To: Dana"
    assert line_col(source.raw, source.raw_offset(roadmap)) == (12, 44)
    # the very end of the text is the end of the file
    assert source.raw_offset(len(source.text)) == len(source.raw)


def test_parser_sees_headers_and_greeting(tmp_path: Path) -> None:
    source = _read(tmp_path, PLAIN)
    draft = parse_draft(source.text, source.path)
    assert draft.subject is not None and draft.subject.value == "Thanks for Tuesday"
    assert [h.name for h in draft.headers] == ["subject", "to", "date"]
    assert draft.slice(draft.greeting) == "Hi Dana,"
    assert draft.slice(draft.signature) == "Sam"


ALTERNATIVE = (
    b"Subject: Thank you\r\n"
    b"MIME-Version: 1.0\r\n"
    b'Content-Type: multipart/alternative; boundary="b1"\r\n'
    b"\r\n"
    b"preamble\r\n"
    b"--b1\r\n"
    b"Content-Type: text/plain; charset=us-ascii\r\n"
    b"\r\n"
    b"Hi Dana,\r\n\r\nThanks for the time today.\r\n\r\nSam\r\n"
    b"--b1\r\n"
    b"Content-Type: text/html; charset=us-ascii\r\n"
    b"\r\n"
    b"<p>Hi Dana,</p><p>HTML version.</p>\r\n"
    b"--b1--\r\n"
)


def test_multipart_alternative_uses_text_plain(tmp_path: Path) -> None:
    source = _read(tmp_path, ALTERNATIVE)
    assert source.text == "Subject: Thank you\n\nHi Dana,\r\n\r\nThanks for the time today.\r\n\r\nSam"
    assert _raw_of(source, "Thanks for the time today.") == "Thanks for the time today."
    assert source.raw_offset(source.text.index("Sam")) == 197
    # the line break before the boundary belongs to the boundary, as in the stdlib
    assert source.raw[197:205] == "Sam\r\n--b"


def test_blank_text_part_falls_back_to_html(tmp_path: Path) -> None:
    data = ALTERNATIVE.replace(b"Hi Dana,\r\n\r\nThanks for the time today.\r\n\r\nSam\r\n", b"  \r\n")
    source = _read(tmp_path, data)
    assert source.text == "Subject: Thank you\n\nHi Dana,\n\nHTML version.\n"


HTML_ONLY = (
    b"Subject: Thanks\n"
    b"Content-Type: text/html; charset=utf-8\n"
    b"Content-Transfer-Encoding: 8bit\n"
    b"\n"
    b"<html><head><style>p { color: red }</style></head><body>\n"
    b"<div>Hi Dana,</div><div><br></div>\n"
    b"<div>Thank you &amp; the team for the panel&nbsp;today.</div><div><br></div>\n"
    b"<script>track()</script><div>Best,<br>Sam</div>\n"
    b"</body></html>\n"
)


def test_html_only_message(tmp_path: Path) -> None:
    source = _read(tmp_path, HTML_ONLY)
    assert source.text == (
        "Subject: Thanks\n\nHi Dana,\n\nThank you & the team for the panel today.\n\nBest,\nSam\n"
    )
    draft = parse_draft(source.text, source.path)
    assert draft.slice(draft.closing) == "Best,"


def test_html_text_maps_to_its_source(tmp_path: Path) -> None:
    source = _read(tmp_path, HTML_ONLY)
    assert source.origin is not None
    panel = source.text.index("panel")
    assert source.raw_offset(panel) == source.raw.index("panel") == 218
    assert source.origin.is_exact(panel)
    assert _raw_of(source, "Thank you & the") == "Thank you &amp; the"
    assert _raw_of(source, "panel today.") == "panel&nbsp;today."
    # A line break we add maps to the tag that made it, approximately.
    newline = source.text.index("\nSam")
    assert _raw_of(source, "\nSam") == "<br>Sam"
    assert not source.origin.is_exact(newline)


def test_quoted_printable_html_maps_through_both_layers(tmp_path: Path) -> None:
    data = (
        b"Content-Type: text/html; charset=utf-8\n"
        b"Content-Transfer-Encoding: quoted-printable\n"
        b"\n"
        b"<p style=3D\"margin:0\">Hi Dana,</p><p>The panel=E2=80=99s questions were =\n"
        b"great &amp; fair.</p>\n"
    )
    source = _read(tmp_path, data)
    assert source.text == "Hi Dana,\n\nThe panel’s questions were great & fair.\n"
    assert _raw_of(source, "panel’s") == "panel=E2=80=99s"
    assert _raw_of(source, "were great") == "were =\ngreat"
    assert _raw_of(source, "& fair") == "&amp; fair"


QP = (
    b"Subject: After the panel\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"Content-Transfer-Encoding: quoted-printable\r\n"
    b"\r\n"
    b"Hi Dana,\r\n"
    b"\r\n"
    b"I enjoyed the panel=E2=80=99s questions about onboarding metrics and the =\r\n"
    b"caf=C3=A9 tour; it=E2=80=\r\n"
    b"=99s a team I=E2=80=99d like to join.\r\n"
    b"\r\n"
    b"Sam\r\n"
)


def test_quoted_printable_is_decoded(tmp_path: Path) -> None:
    source = _read(tmp_path, QP)
    assert source.text == (
        "Subject: After the panel\n\nHi Dana,\r\n\r\n"
        "I enjoyed the panel’s questions about onboarding metrics and the café tour; "
        "it’s a team I’d like to join.\r\n\r\nSam\r\n"
    )


def test_quoted_printable_maps_each_character(tmp_path: Path) -> None:
    source = _read(tmp_path, QP)
    assert _raw_of(source, "panel’s") == "panel=E2=80=99s"
    assert _raw_of(source, "’") == "=E2=80=99"
    assert _raw_of(source, "café") == "caf=C3=A9"
    assert _raw_of(source, "the café") == "the =\r\ncaf=C3=A9"  # across a soft line break
    assert _raw_of(source, "it’s") == "it=E2=80=\r\n=99s"  # one character split by a soft break
    assert _raw_of(source, "like to join.") == "like to join."
    tour = source.text.index("tour")
    assert source.raw_offset(tour) == 212 and source.raw[212:216] == "tour"
    assert line_col(source.raw, 212) == (8, 11)
    assert source.origin is not None and source.origin.is_exact(tour)
    assert source.origin.is_exact(source.text.index("’"))


BASE64 = (
    b"Subject: Thanks\n"
    b"Content-Type: text/plain; charset=utf-8\n"
    b"Content-Transfer-Encoding: base64\n"
    b"\n"
    b"SGkgRGFuYSwKClRoYW5rIHlvdSBmb3IgdGhlIGNhZsOpIHRvdXIuCgpTYW0K\n"
)


def test_base64_is_decoded_and_mapped_to_its_groups(tmp_path: Path) -> None:
    source = _read(tmp_path, BASE64)
    assert source.text == "Subject: Thanks\n\nHi Dana,\n\nThank you for the café tour.\n\nSam\n"
    cafe = source.text.index("café")
    assert source.origin is not None and not source.origin.is_exact(cafe)
    # "café" decodes from the 4-character groups that hold its bytes
    assert _raw_of(source, "café") == "IGNhZsOp"
    assert _raw_of(source, "Sam") == "CgpTYW0K"  # "\n\nS" + "am\n"


def test_charset_is_honoured(tmp_path: Path) -> None:
    data = (
        b"Subject: Merci\n"
        b"Content-Type: text/plain; charset=iso-8859-1\n"
        b"Content-Transfer-Encoding: 8bit\n"
        b"\n"
        b"Bonjour Dana,\n\nMerci pour le caf\xe9.\n"
    )
    source = _read(tmp_path, data)
    assert source.text == "Subject: Merci\n\nBonjour Dana,\n\nMerci pour le café.\n"
    assert source.encoding == "cp1252"
    assert _raw_of(source, "café.") == "café."


def test_quoted_printable_in_windows_1252(tmp_path: Path) -> None:
    data = (
        b"Content-Type: text/plain; charset=windows-1252\n"
        b"Content-Transfer-Encoding: quoted-printable\n"
        b"\n"
        b"Thanks =96 it was great.\n"
    )
    source = _read(tmp_path, data)
    assert source.text == "Thanks \u2013 it was great.\n"  # no headers kept: no blank line
    assert _raw_of(source, "\u2013") == "=96"


def test_encoded_subject_is_decoded_and_mapped_as_a_whole(tmp_path: Path) -> None:
    data = (
        b"Subject: =?utf-8?q?Merci_=E2=80=94_apr=C3=A8s?=\n"
        b"Content-Type: text/plain\n"
        b"\n"
        b"Hi Dana,\n"
    )
    source = _read(tmp_path, data)
    assert source.text == "Subject: Merci — après\n\nHi Dana,\n"
    assert _raw_of(source, "après") == "=?utf-8?q?Merci_=E2=80=94_apr=C3=A8s?="
    assert source.origin is not None and not source.origin.is_exact(9)


def test_folded_subject_maps_per_character(tmp_path: Path) -> None:
    data = b"Subject: Thank you for\r\n the panel today\r\n\r\nHi Dana,\r\n"
    source = _read(tmp_path, data)
    assert source.text == "Subject: Thank you for the panel today\n\nHi Dana,\r\n"
    assert _raw_of(source, "panel today") == "panel today"
    assert _raw_of(source, "for the") == "for\r\n the"


def test_attachment_only_message_is_an_input_error(tmp_path: Path) -> None:
    data = (
        b"Subject: CV\n"
        b'Content-Type: multipart/mixed; boundary="m"\n'
        b"\n"
        b"--m\n"
        b"Content-Type: application/pdf\n"
        b"Content-Disposition: attachment; filename=cv.pdf\n"
        b"Content-Transfer-Encoding: base64\n"
        b"\n"
        b"JVBERi0xLjQK\n"
        b"--m--\n"
    )
    path = tmp_path / "cv.eml"
    path.write_bytes(data)
    assert read_source(str(path)) == InputError(str(path), "email has no text/plain or text/html part")


def test_message_with_empty_body_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "blank.eml"
    path.write_bytes(b"Subject: Thanks\nTo: dana@example.com\n\n   \n")
    assert read_source(str(path)) == InputError(str(path), "empty draft: the email has no body text")


def test_multipart_mixed_with_attachment_uses_the_text(tmp_path: Path) -> None:
    data = (
        b'Content-Type: multipart/mixed; boundary="m"\n'
        b"\n"
        b"--m\n"
        b'Content-Type: multipart/alternative; boundary="a"\n'
        b"\n"
        b"--a\n"
        b"Content-Type: text/plain\n"
        b"\n"
        b"Hi Dana, the deck is attached.\n"
        b"--a\n"
        b"Content-Type: text/html\n"
        b"\n"
        b"<p>Hi Dana</p>\n"
        b"--a--\n"
        b"--m\n"
        b"Content-Type: application/pdf\n"
        b"Content-Disposition: attachment; filename=deck.pdf\n"
        b"\n"
        b"JVBERi0xLjQK\n"
        b"--m--\n"
    )
    source = _read(tmp_path, data)
    assert source.text == "Hi Dana, the deck is attached."
    assert source.raw_offset(0) == 130 and source.raw[130:138] == "Hi Dana,"


# -- the example in examples/ ----------------------------------------------------

def test_example_message() -> None:
    source = read_source(str(EXAMPLE))
    assert isinstance(source, Source) and source.origin is not None
    assert source.text.startswith(
        "Subject: Thank you for today's panel interview\n"
        "To: Marcus Lee <marcus.lee@northwind.example>\n"
        "Date: Tue, 10 Mar 2026 17:42:00 -0600\n"
        "\n"
        "Hi Marcus,\n"
    )
    assert "Jenna’s question" in source.text and "<p>" not in source.text
    assert _raw_of(source, "Tomás") == "T=\nom=C3=A1s"
    assert _raw_of(source, "I’d") == "I=E2=80=\n=99d"  # one character split by a soft break
    assert line_col(source.raw, source.raw_offset(source.text.index("Tomás"))) == (22, 77)
    draft = parse_draft(source.text, source.path)
    assert (draft.word_count, draft.kind) == (104, "thank-you")
    assert draft.slice(draft.closing) == "Best regards,"
    assert draft.slice(draft.signature) == (
        "Priya Raman\n(312) 555-0142\npriya.raman@example.com"
    )


# -- html_text and OffsetMap on their own ------------------------------------------

def test_html_to_text_blocks_and_entities() -> None:
    html = (
        "<h1>Title</h1><p>One&nbsp;two\n   three</p><ul><li>a</li><li> b</li></ul>"
        "<pre>  kept\n  as is</pre><p>x<br>y<br><br>z</p>"
    )
    assert html_to_text(html) == "Title\n\nOne two three\n\n- a\n- b\n\n  kept\n  as is\n\nx\ny\n\nz\n"
    assert html_to_text("<style>a{}</style>   ") == ""


def test_offset_map_builder_and_lookups() -> None:
    builder = OffsetMapBuilder()
    builder.linear(3, 10)  # "abc" from raw 10..13
    builder.linear(2, 13)  # merges with the run before
    builder.unit(1, 15, 24, exact=True)  # "’" from "=E2=80=99"
    builder.unit(2, 30, 40, exact=False)
    builder.unit(1, 30, 40, exact=False)  # merges: same approximate range
    mapping = builder.build(50)
    assert mapping.segments == (
        Segment(0, 5, 10, 15, True, True),
        Segment(5, 6, 15, 24, False, True),
        Segment(6, 9, 30, 40, False, False),
    )
    assert [mapping.to_raw(i) for i in range(10)] == [10, 11, 12, 13, 14, 15, 30, 30, 30, 40]
    assert mapping.to_raw_span(Span(4, 6)) == Span(14, 24)
    assert mapping.to_raw_span(Span(7, 8)) == Span(30, 40)
    assert mapping.to_raw_span(Span(3, 3)) == Span(13, 13)
    assert [mapping.is_exact(i) for i in (0, 5, 6, 9)] == [True, True, False, False]
    with pytest.raises(ValueError):
        mapping.to_raw(10)


def test_offset_map_rejects_gaps() -> None:
    with pytest.raises(ValueError, match="gap or overlap at text offset 2"):
        OffsetMap([Segment(0, 2, 0, 2, True, True), Segment(3, 4, 2, 3, True, True)], 4, 5)
    with pytest.raises(ValueError, match="cover 2 of 3 characters"):
        OffsetMap([Segment(0, 2, 0, 2, True, True)], 3, 5)


# -- any bytes: no crash, offsets in bounds ---------------------------------------

_PIECES = st.sampled_from([
    b"Subject: Thanks =?utf-8?q?caf=C3=A9?=\n", b"To: a@b.c\n", b"Date: x\n", b" folded\n",
    b'Content-Type: multipart/alternative; boundary="b"\n', b"Content-Type: text/html\n",
    b"Content-Type: text/plain; charset=utf-8\n", b"Content-Type: text/plain; charset=bogus\n",
    b"Content-Transfer-Encoding: quoted-printable\n", b"Content-Transfer-Encoding: base64\n",
    b"\n", b"\r\n", b"--b\n", b"--b--\n", b"=E2=80=99", b"=\n", b"=C3", b"==", b"<p>x</p>",
    b"&amp;", b"SGkgRGFuYQ==", b"Hi Dana,", b" ", b"\xe9", b"\xc3\xa9", b"\x00",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_PIECES | st.binary(max_size=8), max_size=40).map(b"".join))
def test_any_message_reads_without_crashing(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.eml"
    path.write_bytes(data)
    source = read_source(str(path))
    if isinstance(source, InputError):
        assert source.message and "\n" not in source.message
        return
    assert source.origin is not None and source.text.strip()
    for offset in range(len(source.text) + 1):
        assert 0 <= source.raw_offset(offset) <= len(source.raw)
        span = source.raw_span(Span(offset, min(offset + 3, len(source.text))))
        assert 0 <= span.start <= span.end <= len(source.raw)
    for seg in source.origin.segments:
        if seg.linear:
            assert source.text[seg.start : seg.end] == source.raw[seg.raw_start : seg.raw_end]
