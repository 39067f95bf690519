"""Atom and RSS feeds of reports and notices (/feeds/), county-wide and per post."""
