"""Stored XSS: markup that a member editor types into a profile or a practice sheet, through
the admin form as an attacker would post it, never runs, neither on the public pages nor in
the admin screens where staff review it (preview, revisions, comparison, history, workflow).
Pages are read with html5lib, which parses as browsers do: a test fails when the payload
became a <script> element, an event handler attribute or a javascript: URL."""

import json
import re
from pathlib import Path

from django.urls import reverse

from modelcluster.fields import ParentalKey
from wagtail.admin.rich_text import get_rich_text_editor_widget
from wagtail.blocks import ListBlock, RawHTMLBlock, RichTextBlock, StreamBlock, StructBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

import html5lib
import pytest

from home.blocks import RICH_TEXT_FEATURES
from home.factories import DocumentFactory
from home.rich_text import DraftailRichTextAreaForAnyInput
from knowledge.factories import PracticeLibraryPageFactory, PracticeSheetPageFactory
from knowledge.models import PracticeSheetPage
from members.factories import AMIENS, MemberIndexPageFactory, MemberPageFactory, authority
from members.models import MemberPage
from tests.home.contributors import member_editor

MEMBER_EDITABLE_MODELS = [MemberPage, PracticeSheetPage]
ROOT = Path(__file__).resolve().parents[2]
APPS = ["home", "knowledge", "members", "search"]
# Templates that print a value without escaping it.
UNESCAPED_OUTPUT = re.compile(r"\|\s*safe(seq)?\b|\{%\s*(autoescape\s+off|filter\s+safe)")
MARKED_SAFE = re.compile(r"\b(mark_safe|SafeString)\b")
# Reviewed: the highlighter escapes the whole text before adding its own <mark> tags; the
# searches' escaped_join escapes each value it writes (tests/search/test_escaped_join.py).
REVIEWED_MARK_SAFE = {"home/templatetags/page_links.py", "search/highlight.py", "search/views.py"}
MARK = "pwned"
# Breaks out of an attribute, a <textarea> or a <title>, then tries a script, an event
# handler on an image and on an SVG element.
PAYLOAD = (
    "Budget \"'></textarea></title><script>pwned()</script>"
    "<img src=x onerror=pwned()><svg onload=pwned()>"
)
DANGEROUS_URLS = [
    "javascript:pwned()",
    "JaVaScRiPt:pwned()",
    "java\tscript:pwned()",
    " javascript:pwned()",
    "vbscript:pwned()",
    "data:text/html,<script>pwned()</script>",
]
RAW_RICH_TEXT = (
    '<p>Texte <a href="javascript:pwned()">lien brut</a><script>pwned()</script>'
    '<img src="x" onerror="pwned()"><iframe srcdoc="<script>pwned()</script>"></iframe></p>'
)
# Script types that hold data, never run.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
EXECUTABLE_URL = re.compile(r"^(javascript|vbscript|data:text/html)", re.IGNORECASE)


def local_name(name):
    return name.rsplit("}", 1)[-1].lower()


def executable_payloads(html):
    """Where the payload became executable in a page, parsed as a browser would."""
    found = []
    for element in html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False).iter():
        if not isinstance(element.tag, str):
            continue
        tag = local_name(element.tag)
        if (
            tag == "script"
            and element.get("type", "").lower() not in DATA_SCRIPT_TYPES
            and MARK in (element.text or "") + element.get("src", "")
        ):
            found.append(f"<script>{element.text}</script>")
        for name, value in element.attrib.items():
            name = local_name(name)
            if MARK not in value:
                continue
            squeezed = re.sub(r"[\x00-\x20]+", "", value)
            if name.startswith("on") or name == "srcdoc" or EXECUTABLE_URL.match(squeezed):
                found.append(f"<{tag} {name}={value!r}>")
    return found


def test_the_check_finds_each_kind_of_executable_payload():
    page = (
        "<p>Texte</p><script>pwned()</script><img src=x onerror=pwned()>"
        '<a href=" jav&#x09;ascript:pwned()">lien</a>'
        '<svg><a xlink:href="javascript:pwned()"/></svg>'
        '<iframe srcdoc="pwned()"></iframe><script type="application/json">"pwned"</script>'
        "&lt;script&gt;pwned()&lt;/script&gt;"
    )

    assert executable_payloads(page) == [
        "<script>pwned()</script>",
        "<img onerror='pwned()'>",
        "<a href=' jav\\tascript:pwned()'>",
        "<a href='javascript:pwned()'>",
        "<iframe srcdoc='pwned()'>",
    ]


def member_editable_models():
    """The page types members edit and, through their ParentalKeys, their inline models."""
    models, pending = [], list(MEMBER_EDITABLE_MODELS)
    while pending:
        model = pending.pop(0)
        models.append(model)
        pending += [
            relation.related_model
            for relation in model._meta.related_objects
            if isinstance(relation.field, ParentalKey) and relation.related_model not in models
        ]
    return models


def raw_html_blocks(block, path=""):
    """The paths of the RawHTMLBlocks in a block tree, however deeply nested."""
    if isinstance(block, RawHTMLBlock):
        yield path or block.name
    children = dict(getattr(block, "child_blocks", {}))
    if isinstance(block, ListBlock):
        children["item"] = block.child_block
    for name, child in children.items():
        yield from raw_html_blocks(child, f"{path}.{name}" if path else name)


def test_the_walk_reaches_the_inline_models_of_profiles_and_sheets():
    names = {model.__name__ for model in member_editable_models()}

    assert {"Edition", "Representative", "PracticeDocument"} <= names


def test_the_walk_finds_a_raw_html_block_however_nested():
    class Card(StructBlock):
        embed = ListBlock(RawHTMLBlock())

    stream = StreamBlock([("text", RichTextBlock()), ("card", Card())])

    assert list(raw_html_blocks(stream)) == ["card.embed.item"]


def test_no_model_a_member_edits_offers_raw_html():
    found = []
    for model in member_editable_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                found += [
                    f"{model.__name__}.{field.name}.{path}"
                    for path in raw_html_blocks(field.stream_block)
                ]
            if isinstance(field, RichTextField) and (
                field.features is None or not set(field.features) <= set(RICH_TEXT_FEATURES)
            ):
                found.append(f"{model.__name__}.{field.name}: {field.features}")

    assert found == []


def test_no_template_prints_a_value_unescaped():
    templates = [
        *ROOT.glob("templates/**/*.html"),
        *[path for app in APPS for path in (ROOT / app).glob("templates/**/*.html")],
    ]
    assert templates

    assert [
        str(path.relative_to(ROOT))
        for path in templates
        if UNESCAPED_OUTPUT.search(path.read_text())
    ] == []


def test_python_code_marks_nothing_safe_without_review():
    sources = [
        path
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts
    ]

    assert {
        str(path.relative_to(ROOT)) for path in sources if MARKED_SAFE.search(path.read_text())
    } == REVIEWED_MARK_SAFE


def contentstate(text, links):
    """Draftail's JSON for one paragraph whose words `lien0`, `lien1`… carry the given link
    data, as a client posts it."""
    words = [f"lien{index}" for index in range(len(links))]
    text = " ".join([*words, text])
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "depth": 0,
                    "text": text,
                    "inlineStyleRanges": [],
                    "entityRanges": [
                        {"offset": text.index(word), "length": len(word), "key": index}
                        for index, word in enumerate(words)
                    ],
                    "data": {},
                }
            ],
            "entityMap": {
                str(index): {"type": entity_type, "mutability": "MUTABLE", "data": data}
                for index, (entity_type, data) in enumerate(links)
            },
        }
    )


ATTACKER_RICH_TEXT = contentstate(
    PAYLOAD,
    [("LINK", {"url": url}) for url in DANGEROUS_URLS]
    + [
        ("LINK", {"id": '1" onmouseover="pwned()', "url": "/"}),
        ("DOCUMENT", {"id": '1" onclick="pwned()'}),
    ],
)


def editor_form(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id="page-edit-form")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def member_pages(home, client, django_user_model):
    """A member's profile and practice sheet, published by the staff, and the member's
    editor logged in."""
    member_index = MemberIndexPageFactory(parent=home)
    member = MemberPageFactory(parent=member_index, authority=authority(*AMIENS))
    library = PracticeLibraryPageFactory(parent=home)
    sheet = PracticeSheetPageFactory(parent=library, member=member)
    editor = member_editor(django_user_model, "redaction-amiens", pages=[member, library])
    client.force_login(editor)
    return {"sheet": sheet, "member": member, "library": library, "editor": editor}


@pytest.fixture
def contribution(client, member_pages):
    """The member's profile and sheet changed by its editor with the payload everywhere
    and submitted for review."""
    sheet, member = member_pages["sheet"], member_pages["member"]
    document = DocumentFactory(title=f"Document {PAYLOAD}", uploaded_by_user=member_pages["editor"])

    data = editor_form(client, sheet)
    for field in ["title", "summary", "easy_read_summary", "staff_effort", "contact_name"]:
        data[field] = f"{field} {PAYLOAD}"
    data["intro"] = f"intro {PAYLOAD}"
    data["search_description"] = f"description {PAYLOAD}"
    data["context"] = ATTACKER_RICH_TEXT
    data["method"] = RAW_RICH_TEXT
    data.update(
        {
            "documents-TOTAL_FORMS": "1",
            "documents-0-document": str(document.pk),
            "documents-0-title": f"Annexe {PAYLOAD}",
            "documents-0-ORDER": "1",
            "documents-0-id": "",
            "documents-0-DELETE": "",
            "action-submit": "Soumettre",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[sheet.pk]), data)
    assert response.status_code == 302, response.context and response.context["form"].errors

    data = editor_form(client, member)
    for field in ["title", "presentation", "who_can_propose", "who_can_vote"]:
        data[field] = f"{field} {PAYLOAD}"
    data.update(
        {
            "representatives-TOTAL_FORMS": "1",
            "representatives-0-role": "elected",
            "representatives-0-name": f"Élue {PAYLOAD}",
            "representatives-0-position": f"Adjointe {PAYLOAD}",
            "representatives-0-email": "",
            "representatives-0-phone": f"03 {PAYLOAD}"[:30],
            "representatives-0-ORDER": "1",
            "representatives-0-id": "",
            "representatives-0-DELETE": "",
            "action-submit": "Soumettre",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[member.pk]), data)
    assert response.status_code == 302, response.context and response.context["form"].errors

    sheet.refresh_from_db()
    member.refresh_from_db()
    return member_pages


def test_the_contribution_is_submitted_for_review_not_published(contribution):
    sheet = contribution["sheet"]

    assert MARK not in sheet.title
    assert MARK in sheet.get_latest_revision().as_object().title
    assert sheet.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def assert_inert(response):
    assert response.status_code == 200
    html = response.content.decode()
    assert MARK in html, "the payload does not reach this screen: the test would prove nothing"
    assert executable_payloads(html) == []


def test_payload_is_inert_in_the_editors_own_edit_forms_and_previews(client, contribution):
    for page in [contribution["sheet"], contribution["member"]]:
        assert_inert(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        assert client.post(url, editor_form(client, page)).json()["is_valid"] is True
        assert_inert(client.get(url))


def moderator_screens(contribution):
    sheet = contribution["sheet"]
    revisions = list(sheet.revisions.order_by("pk").values_list("pk", flat=True))
    workflow_state = sheet.current_workflow_state
    task_state = workflow_state.current_task_state
    return {
        "edit": reverse("wagtailadmin_pages:edit", args=[sheet.pk]),
        "revision": reverse("wagtailadmin_pages:revisions_view", args=[sheet.pk, revisions[-1]]),
        "compare": reverse(
            "wagtailadmin_pages:revisions_compare", args=[sheet.pk, revisions[0], revisions[-1]]
        ),
        "compare-live": reverse(
            "wagtailadmin_pages:revisions_compare", args=[sheet.pk, "live", revisions[-1]]
        ),
        "history": reverse("wagtailadmin_pages:history", args=[sheet.pk]),
        "workflow-history": reverse("wagtailadmin_pages:workflow_history", args=[sheet.pk]),
        "workflow-history-detail": reverse(
            "wagtailadmin_pages:workflow_history_detail", args=[sheet.pk, workflow_state.pk]
        ),
        "workflow-preview": reverse(
            "wagtailadmin_pages:workflow_preview", args=[sheet.pk, task_state.task_id]
        ),
        "dashboard": reverse("wagtailadmin_home"),
        "explorer": reverse("wagtailadmin_explore", args=[contribution["library"].pk]),
        "workflow-report": reverse("wagtailadmin_reports:workflow"),
        "workflow-tasks-report": reverse("wagtailadmin_reports:workflow_tasks"),
    }


def test_payload_is_inert_in_every_screen_where_staff_review_it(client, superuser, contribution):
    client.force_login(superuser)
    findings, unreached = {}, []
    for screen, url in moderator_screens(contribution).items():
        response = client.get(url)
        assert response.status_code == 200, screen
        html = response.content.decode()
        if MARK not in html:
            unreached.append(screen)
        if found := executable_payloads(html):
            findings[screen] = found

    assert unreached == [], "the payload does not reach these screens: nothing proved there"
    assert findings == {}


def approve(client, page):
    task_state = page.current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": ""})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live and MARK in page.title


def shown_text(html):
    """The text a visitor reads: every text node outside scripts and styles."""
    document = html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)
    texts = []
    for element in document.iter():
        if isinstance(element.tag, str) and local_name(element.tag) not in ("script", "style"):
            texts.append(element.text or "")
        texts.append(element.tail or "")
    return "".join(texts)


def test_payload_is_shown_as_text_on_the_public_pages_once_approved(
    client, superuser, contribution
):
    client.force_login(superuser)
    approve(client, contribution["sheet"])
    approve(client, contribution["member"])
    client.logout()

    pages = {
        "sheet": contribution["sheet"].url,
        "member": contribution["member"].url,
        "library": contribution["library"].url,
        "search": reverse("search") + "?q=pwned",
    }
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        html = response.content.decode()
        assert "<script>pwned()</script>" in shown_text(html), name
        assert executable_payloads(html) == [], name


def test_the_admin_uses_the_hardened_rich_text_widget():
    assert isinstance(get_rich_text_editor_widget(), DraftailRichTextAreaForAnyInput)


def rich_text_value(posted):
    widget = get_rich_text_editor_widget(features=RICH_TEXT_FEATURES)
    return widget.value_from_datadict({"context": posted}, {}, "context")


def test_rich_text_posted_as_raw_html_keeps_only_its_text(db):
    assert rich_text_value(RAW_RICH_TEXT) == "<p>Texte lien brutpwned()</p>"


def test_rich_text_links_keep_their_text_without_a_dangerous_url(db):
    stored = rich_text_value(ATTACKER_RICH_TEXT)

    assert executable_payloads(stored) == []
    links = html5lib.parse(stored, treebuilder="etree", namespaceHTMLElements=False).iter("a")
    assert [link.get("href") for link in links] == [None] * len(DANGEROUS_URLS)
    assert "lien6 lien7" in shown_text(stored)


def test_links_with_an_id_that_is_not_a_number_or_without_address_keep_only_their_text(db):
    stored = rich_text_value(
        contentstate(
            "",
            [
                ("LINK", {"id": "2 or 1=1", "url": "/"}),
                ("LINK", {}),
                ("LINK", {"url": 5}),
                ("DOCUMENT", {"id": "x"}),
                ("LINK", {"id": 3}),
            ],
        )
    )

    assert stored == (
        '<p data-block-key="a1b2c">lien0 lien1 lien2 lien3 <a linktype="page" id="3">lien4</a> </p>'
    )


def test_a_member_cannot_give_a_javascript_url_as_budget_website(client, member_pages):
    member = member_pages["member"]
    data = editor_form(client, member)
    data["budget_website"] = "javascript:pwned()"

    response = client.post(reverse("wagtailadmin_pages:edit", args=[member.pk]), data)

    assert response.status_code == 200
    assert response.context["form"].errors["budget_website"]
    assert not member.revisions.exists()
