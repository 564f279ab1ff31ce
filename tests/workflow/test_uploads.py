import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from awards.models import Document
from awards.services import workflow as wf
from tests.workflow.helpers import PDF

pytestmark = pytest.mark.django_db


def _docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


@pytest.mark.parametrize(("name", "content"), [
    ("a.pdf", PDF), ("a.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20), ("a.jpg", b"\xff\xd8\xff\xe0" + b"0" * 20), ("a.docx", _docx()),
])
def test_allowed_types_are_accepted_by_content(make_dossier, officer, name, content):
    dossier = make_dossier(documents=False)
    doc = wf.document_upload(actor=officer, dossier=dossier, doc_type="to_trinh", upload=SimpleUploadedFile(name, content))
    assert doc.original_name == name
    assert re.fullmatch(r"hoso/\d{4}/\d{2}/[0-9a-f]{32}\.(pdf|png|jpg|docx)", doc.file.name)


@pytest.mark.parametrize(("name", "content"), [
    ("virus.pdf", b"MZ\x90\x00 not a pdf"), ("trick.docx", b"PK\x03\x04garbage"), ("page.html", b"<html></html>"),
])
def test_disguised_files_are_refused(make_dossier, officer, name, content):
    dossier = make_dossier(documents=False)
    with pytest.raises(wf.WorkflowError.__mro__[1], match="không phải PDF"):
        wf.document_upload(actor=officer, dossier=dossier, doc_type="to_trinh", upload=SimpleUploadedFile(name, content))
    assert not Document.objects.exists()


def test_oversized_file_is_refused(make_dossier, officer, settings):
    settings.UPLOAD_MAX_BYTES = 100
    dossier = make_dossier(documents=False)
    with pytest.raises(wf.WorkflowError.__mro__[1], match="quá lớn"):
        wf.document_upload(actor=officer, dossier=dossier, doc_type="to_trinh", upload=SimpleUploadedFile("big.pdf", PDF + b"0" * 200))


def test_upload_view_shows_message_and_saves_nothing(make_dossier, officer, client_for):
    dossier = make_dossier(documents=False)
    response = client_for(officer).post(reverse("awards:document-upload", args=[dossier.uuid]),
                                        {"doc_type": "to_trinh", "file": SimpleUploadedFile("x.pdf", b"not pdf")}, follow=True)
    assert "không phải PDF" in response.content.decode()
    assert not Document.objects.exists()


def test_download_serves_original_name(make_dossier, officer, client_for):
    dossier = make_dossier()
    doc = dossier.documents.first()
    response = client_for(officer).get(reverse("awards:document-download", args=[doc.uuid]))
    assert response.status_code == 200 and doc.original_name in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")
