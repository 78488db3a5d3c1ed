"""The admin chooser of authorities: editors pick a member's identity from the referential."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from members.models import Authority
from members.referential import normalize


class AuthoritySearchForm(BaseFilterForm):
    """Search by name (accents and case ignored, from the start of a word), INSEE code
    or SIREN."""

    q = forms.CharField(label=_("Nom, code INSEE ou SIREN"), required=False, max_length=200)

    def filter(self, objects):
        query = (self.cleaned_data.get("q") or "").strip()
        self.is_searching = bool(query)
        self.search_query = query
        words = normalize(query)
        if not words:
            return objects if not query else objects.none()
        by_name = Q(search_name__startswith=words) | Q(search_name__contains=f" {words}")
        return objects.filter(by_name | Q(code=query) | Q(siren=query))


class AuthoritySearchMixin:
    filter_form_class = AuthoritySearchForm
    ordering = ["-population", "search_name"]


class AuthorityChooseView(AuthoritySearchMixin, ChooseView):
    pass


class AuthorityChooseResultsView(AuthoritySearchMixin, ChooseResultsView):
    pass


class AuthorityChooserViewSet(ChooserViewSet):
    model = Authority
    icon = "site"
    choose_one_text = _("Choisir une collectivité")
    choose_another_text = _("Choisir une autre collectivité")
    per_page = 20
    choose_view_class = AuthorityChooseView
    choose_results_view_class = AuthorityChooseResultsView
