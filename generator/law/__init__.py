"""法制宣传 (/law/): lectures, articles and broadcast lectures with their materials and recordings."""
