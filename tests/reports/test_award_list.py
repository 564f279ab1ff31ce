"""The year's award list: chunked (and parallel) rendering joined with continuous page numbers."""

import re
from io import BytesIO

import pytest
from pypdf import PdfReader

from reports.award_list import award_list_pdf, award_list_single
from tests.factories.awards_register import make_award
from tests.factories.org import PersonFactory
from tests.reports.helpers import flat_text, pdf_rows, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def long_register(province):
    for i in range(60):
        make_award(kind=["GK", "LDTT", "CSTD_CS"][i % 3], year=2026,
                   person=PersonFactory(full_name=f"Nguyễn Thị Hằng {i:03d}", unit=province["sub"]), amount=100_000 + i)


@pytest.mark.parametrize("workers", [1, 2])
def test_chunked_list_has_every_row_and_continuous_page_numbers(long_register, tmp_path, workers):
    content = award_list_pdf(2026, chunk_rows=25, workers=workers)
    pages = len(PdfReader(BytesIO(content)).pages)
    text = pdf_text(content, tmp_path)
    names = {row[1] for row in pdf_rows(content, tmp_path) if len(row) == 7}
    assert pages >= 3
    assert re.findall(r"Trang (\d+)/(\d+)", text) == [(str(i), str(pages)) for i in range(1, pages + 1)]
    for i in range(60):
        assert f"Nguyễn Thị Hằng {i:03d}" in names
    assert "Danh sách khen thưởng năm 2026".upper() in text.upper()


def test_single_process_list_matches_the_chunked_rows(long_register, tmp_path):
    single = flat_text(award_list_single(2026), tmp_path)
    assert "60 lượt khen thưởng còn hiệu lực" in single
    assert "Nguyễn Thị Hằng 059" in single and "Trang 1/" in single


def test_empty_list_renders(db, tmp_path):
    assert "Trang 1/1" in pdf_text(award_list_pdf(2001), tmp_path)
