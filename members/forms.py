"""Admin form of a member profile: rules that span several editions or several pages; a
member editor cannot change which authority the profile is about."""

from django.utils.translation import gettext as _

from wagtail.admin.forms import WagtailAdminPageForm


class MemberPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from members.permissions import editing_as_member

        if self.instance.pk and editing_as_member(self.for_user, self.instance):
            # Rights follow the authority: changing it would hand the profile to another.
            self.fields["authority"].disabled = True

    def clean(self):
        cleaned_data = super().clean()
        self.check_one_profile_per_authority(cleaned_data.get("authority"))
        return cleaned_data

    def is_valid(self):
        # The editions formset is cleaned after the page form, so its rules come last.
        valid = super().is_valid()
        return self.check_one_edition_per_year() and valid

    def check_one_profile_per_authority(self, authority):
        if authority is None:
            return
        from members.models import MemberPage

        others = MemberPage.objects.filter(authority=authority)
        if self.instance.pk:
            # Translations of this profile share its authority.
            others = others.exclude(translation_key=self.instance.translation_key)
        if others.exists():
            self.add_error(
                "authority",
                _("%(authority)s a déjà une fiche membre.") % {"authority": authority.name},
            )

    def check_one_edition_per_year(self):
        formset = self.formsets.get("editions")
        seen, valid = set(), True
        for form in formset.forms if formset else []:
            year = getattr(form, "cleaned_data", {}).get("year")
            if year is None or form.cleaned_data.get("DELETE"):
                continue
            if year in seen:
                form.add_error("year", _("L'année %(year)s est saisie deux fois.") % {"year": year})
                valid = False
            seen.add(year)
        return valid
