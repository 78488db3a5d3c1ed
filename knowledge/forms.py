"""Admin form of a practice sheet: taxonomy terms, principles and sheets to pick from are
those of the sheet's language, shown as checkboxes. A member editor's sheets are attributed
to their own authority, whatever the request posts."""

from django import forms
from django.db.models import Q

from wagtail.admin.forms import WagtailAdminPageForm

from members.permissions import editing_as_member, own_profiles, visible_to

CHECKBOX_FIELDS = ["phases", "themes", "audiences", "principles"]


class PracticeSheetForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        as_member = self.parent_page is not None and editing_as_member(
            self.for_user, self.parent_page
        )
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
                if as_member:
                    queryset = visible_to(self.for_user, queryset) | queryset.filter(pk__in=chosen)
            field.queryset = queryset
            if name in CHECKBOX_FIELDS:
                field.widget = forms.CheckboxSelectMultiple()
                field.widget.choices = field.choices
        if as_member and "member" in self.fields:
            self.attribute_to_own_member(locale_id)

    def attribute_to_own_member(self, locale_id):
        """Only the editor's own members are on offer; with one, the field is fixed to it
        and a posted value is ignored."""
        field = self.fields["member"]
        field.queryset = own_profiles(self.for_user, locale_id)
        profiles = list(field.queryset[:2])
        if len(profiles) == 1:
            field.disabled = True
            if not self.instance.member_id:
                self.initial["member"] = profiles[0].pk
