"""Admin integration of the home app: the dashboard panel of contributions waiting for the
network's review."""

from wagtail import hooks

from home.review_panel import ContributionsWaitingPanel


@hooks.register("construct_homepage_panels")
def add_contributions_waiting_panel(request, panels):
    if ContributionsWaitingPanel.is_shown_to(request.user):
        panels.append(ContributionsWaitingPanel())
