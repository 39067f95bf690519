"""走访 figures: the officers' visit log (internal) read, checked and aggregated; only totals are published."""
