"""Typed records: the single description of each kind of data file.

Each model is the schema (JSON Schema via ``model_json_schema``), the
validation and the typed object the pages are made from.
"""

from .post import DUTIES, Location, Officer, Post, Staff, Village
from .site import Feedback, SiteConfig

__all__ = [
    "DUTIES",
    "Feedback",
    "Location",
    "Officer",
    "Post",
    "SiteConfig",
    "Staff",
    "Village",
]
