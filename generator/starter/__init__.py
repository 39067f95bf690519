"""`cunjing init`: a new county from nothing (settings, one example post, empty folders)."""
