"""Join PDF parts (and stamp continuous "Trang X/Y" footers) with pypdf.

Parts rendered in parallel cannot know the page count of the parts before them, so their own
footers stay empty and the numbers are drawn after joining, in the base-14 Times-Roman font (the
footer is ASCII only, so no font needs embedding and stamping costs microseconds per page).
"""

from io import BytesIO

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject

# Advance widths of Times-Roman (AFM, 1/1000 em) for the characters of the footer.
_WIDTHS = {" ": 250, "/": 278, "T": 611, "r": 333, "a": 444, "n": 500, "g": 500, **{str(d): 500 for d in range(10)}}
FONT_NAME = "/FTrangSo"


def _text_width(text: str, size: float) -> float:
    return sum(_WIDTHS.get(ch, 500) for ch in text) * size / 1000


def join(parts: list[bytes]) -> bytes:
    """Concatenate ``parts`` as they are (documents without page numbers, e.g. certificates)."""
    writer = PdfWriter()
    for part in parts:
        writer.append(PdfReader(BytesIO(part)))
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def join_and_number(parts: list[bytes], *, font_size: float = 10, bottom_mm: float = 10) -> tuple[bytes, int]:
    """Concatenate ``parts`` and write ``Trang i/N`` centred at the bottom of every page."""
    writer = PdfWriter()
    for part in parts:
        writer.append(PdfReader(BytesIO(part)))
    total = len(writer.pages)
    font = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Times-Roman"), NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
    }))
    y = bottom_mm * 72 / 25.4
    for number, page in enumerate(writer.pages, start=1):
        resources = page[NameObject("/Resources")].get_object()
        if "/Font" not in resources:
            resources[NameObject("/Font")] = DictionaryObject()
        resources["/Font"].get_object()[NameObject(FONT_NAME)] = font
        text = f"Trang {number}/{total}"
        box = page.mediabox
        x = float(box.left) + (float(box.width) - _text_width(text, font_size)) / 2
        save, stamp = DecodedStreamObject(), DecodedStreamObject()
        save.set_data(b"q\n")
        stamp.set_data(f"Q\nq 0.2 g BT {FONT_NAME} {font_size} Tf {x:.2f} {float(box.bottom) + y:.2f} Td ({text}) Tj ET Q\n".encode())
        contents = page.get("/Contents")
        old = list(contents.get_object()) if isinstance(contents.get_object(), ArrayObject) else ([contents] if contents else [])
        page[NameObject("/Contents")] = ArrayObject([writer._add_object(save), *old, writer._add_object(stamp)])
    out = BytesIO()
    writer.write(out)
    return out.getvalue(), total
