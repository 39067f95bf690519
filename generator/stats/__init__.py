"""数据公开: the grid against the county's standards, visits, requests and 三访三评 as charts (inline SVG drawn at build time) with their data as tables."""
