"""Atom and RSS feeds (/feeds/) of every kind's feed items, county-wide and per post."""
