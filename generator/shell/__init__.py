"""The shell around every page: the theme override, 大字, 听一听, the service worker."""
