"""五个及时: the request log (internal) read, checked and aggregated per post and month; only masked counts are published."""
