"""The core: what every content kind uses and that knows nothing of posts or villages."""
