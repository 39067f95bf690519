"""立项整改 ("群众提的事，我们这样办"): what residents raised and what was done about it."""
