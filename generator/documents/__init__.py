"""Dated documents (reports, notices, 立项整改): one entry base with the place
rule, one loader loop, one published filter with indexes by post and village,
one block for the place pages, the page and printable pair and feed items.
Shared by the document kinds; not a kind of its own."""
