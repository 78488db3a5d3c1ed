"""Admin form of a practice sheet: taxonomy terms, principles and sheets to pick from are
those of the sheet's language, shown as checkboxes."""

from django import forms
from django.db.models import Q

from wagtail.admin.forms import WagtailAdminPageForm

CHECKBOX_FIELDS = ["phases", "themes", "audiences", "principles"]


class PracticeSheetForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        for name in [*CHECKBOX_FIELDS, "adapted_from"]:
            field = self.fields.get(name)
            if field is None or locale_id is None:
                continue
            # Terms already chosen stay on offer, whatever their language.
            chosen = []
            if self.instance.pk:
                chosen = [obj.pk for obj in getattr(self.instance, name).all()]
            queryset = field.queryset.filter(Q(locale_id=locale_id) | Q(pk__in=chosen))
            if name == "adapted_from":
                queryset = queryset.exclude(pk=self.instance.pk).order_by("title")
            field.queryset = queryset
            if name in CHECKBOX_FIELDS:
                field.widget = forms.CheckboxSelectMultiple()
                field.widget.choices = field.choices
