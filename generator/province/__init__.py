"""A province (or prefecture) portal: many counties in one site."""
