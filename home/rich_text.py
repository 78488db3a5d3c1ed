"""The rich text editor of the admin (WAGTAILADMIN_RICH_TEXT_EDITORS), hardened against what
the editor itself never sends. Draftail posts its content as JSON, which Wagtail turns into
HTML keeping only the enabled features and safe link schemes. Hand-made values broke pages
instead: a link to a page or document whose id is not a number (stored as is, every later
rendering of the page failed with a server error), a link without an address, and anything
that is not JSON, such as raw HTML (a server error at once). Such links lose their link and
keep their text; a value that is not JSON is kept as plain text, its markup dropped and its
lines made paragraphs."""

import json
from html import unescape

from django.utils.html import escape, strip_tags

from wagtail.admin.rich_text import DraftailRichTextArea


def plain_text_paragraphs(value):
    text = unescape(strip_tags(value))
    return "".join(f"<p>{escape(line.strip())}</p>" for line in text.splitlines() if line.strip())


def is_broken(entity):
    """A link, document or image whose id is not a number, or a link without id or address:
    Wagtail would store it and fail on every later rendering, or fail at once."""
    data = entity.get("data") or {}
    if "id" in data:
        return not str(data["id"]).isdigit()
    return entity.get("type") == "LINK" and not isinstance(data.get("url"), str)


def without_broken_entities(contentstate):
    """The content with its broken entities removed, the text they covered kept."""
    entities = contentstate["entityMap"]
    broken = {key for key, entity in entities.items() if is_broken(entity)}
    for key in broken:
        del entities[key]
    for block in contentstate["blocks"]:
        block["entityRanges"] = [
            span for span in block.get("entityRanges", []) if str(span["key"]) not in broken
        ]
    return contentstate


class DraftailRichTextAreaForAnyInput(DraftailRichTextArea):
    def value_from_datadict(self, data, files, name):
        value = data.get(name)
        if value is None:
            return None
        try:
            contentstate = without_broken_entities(json.loads(value))
            return self.converter.to_database_format(json.dumps(contentstate))
        except (ValueError, TypeError, KeyError, AttributeError):
            return plain_text_paragraphs(value)
