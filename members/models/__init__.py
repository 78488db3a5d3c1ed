from .authority import Authority
from .directory import MemberIndexPage
from .editors import MemberEditors
from .governance import College, CollegeMembership, GovernancePage
from .profile import Edition, MemberPage, Representative

__all__ = [
    "Authority",
    "College",
    "CollegeMembership",
    "Edition",
    "GovernancePage",
    "MemberEditors",
    "MemberIndexPage",
    "MemberPage",
    "Representative",
]
