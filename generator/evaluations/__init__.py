"""三访三评: residents' evaluations of their posts, per period (satisfaction per post)."""
