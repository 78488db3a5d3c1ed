from .authority import Authority
from .directory import MemberIndexPage
from .profile import Edition, MemberPage, Representative

__all__ = ["Authority", "Edition", "MemberIndexPage", "MemberPage", "Representative"]
