"""The rich text editor of the admin (WAGTAILADMIN_RICH_TEXT_EDITORS), hardened against what
the editor itself never sends. Draftail posts its content as JSON, which Wagtail turns into
HTML keeping only the enabled features and safe link schemes. Two hand-made values broke
pages instead: a link to a page or document whose id is not a number (stored as is, every
later rendering of the page failed with a server error), and anything that is not JSON, such
as raw HTML (a server error at once). The first loses its link and keeps its text; the
second is kept as plain text, its markup dropped and its lines made paragraphs."""

import json

from django.utils.html import escape

from wagtail.admin.rich_text import DraftailRichTextArea

from bs4 import BeautifulSoup


def plain_text_paragraphs(value):
    text = BeautifulSoup(value, "html.parser").get_text(" ")
    return "".join(f"<p>{escape(line.strip())}</p>" for line in text.splitlines() if line.strip())


def without_bad_ids(contentstate):
    """The content with every entity (link, document, image) whose id is not a number
    removed, the text it covered kept."""
    entities = contentstate["entityMap"]
    bad = {
        key
        for key, entity in entities.items()
        if "id" in (entity.get("data") or {}) and not str(entity["data"]["id"]).isdigit()
    }
    for key in bad:
        del entities[key]
    for block in contentstate["blocks"]:
        block["entityRanges"] = [
            span for span in block.get("entityRanges", []) if str(span["key"]) not in bad
        ]
    return contentstate


class DraftailRichTextAreaForAnyInput(DraftailRichTextArea):
    def value_from_datadict(self, data, files, name):
        value = data.get(name)
        if value is None:
            return None
        try:
            contentstate = without_bad_ids(json.loads(value))
            return self.converter.to_database_format(json.dumps(contentstate))
        except (ValueError, TypeError, KeyError, AttributeError):
            return plain_text_paragraphs(value)
