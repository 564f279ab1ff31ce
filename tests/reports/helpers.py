import subprocess
from io import BytesIO
from pathlib import Path

from openpyxl import load_workbook


def pdf_text(content: bytes, tmp_path: Path, *, layout: bool = False) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(content)
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(path), "-"]
    return subprocess.run(args, capture_output=True, check=True, text=True).stdout


def sheet_rows(content: bytes, name: str) -> list[tuple]:
    wb = load_workbook(BytesIO(content), read_only=True)
    return [tuple(row) for row in wb[name].iter_rows(values_only=True)]


def sheet_names(content: bytes) -> list[str]:
    return load_workbook(BytesIO(content), read_only=True).sheetnames
