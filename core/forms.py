"""Form helpers shared by every app."""

from django import forms

from .text import clean_text


class CleanTextMixin:
    """Text fields are cleaned with ``core.text.clean_text`` before they are validated.

    NFC, control and invisible characters removed, white space trimmed (kept line by line for
    text areas): the required check then refuses a value that was only invisible characters, the
    length limit applies to what will be stored, and a stray NUL no longer meets Django's
    untranslated "Null characters are not allowed.". Passwords are left exactly as typed.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if type(field) is forms.CharField and not isinstance(
                field.widget, (forms.PasswordInput, forms.HiddenInput)
            ):
                field.to_python = _cleaning(
                    field.to_python, multiline=isinstance(field.widget, forms.Textarea)
                )


def _cleaning(to_python, *, multiline: bool):
    def clean(value):
        value = to_python(value)
        return clean_text(value, multiline=multiline) if value else value

    return clean
