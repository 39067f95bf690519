"""Law education in a real browser (Chromium): the broadcast recording plays."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from conftest import open_page


def test_broadcast_recording_plays(browser: Any, served: str) -> None:
    context, page, requests = open_page(browser, served + "law/jindu-guangbo/", javascript=True)
    try:
        audio = page.locator("audio")
        assert audio.is_visible()
        assert audio.evaluate("a => a.paused && a.preload") == "none"  # nothing loads before a tap
        audio.scroll_into_view_if_needed()
        box = audio.bounding_box()
        assert box and box["width"] >= 250
        # Tap the play button at the left of the player, as a resident would.
        page.mouse.click(box["x"] + 20, box["y"] + box["height"] / 2)
        page.wait_for_function(
            "() => { const a = document.querySelector('audio'); return a.currentTime > 0 && !a.paused; }",
            timeout=15_000,
        )
        state = audio.evaluate("a => ({error: a.error, duration: a.duration, ready: a.readyState})")
        assert state["error"] is None and state["ready"] >= 2 and state["duration"] > 10
        assert page.get_by_role("heading", name="文字稿").is_visible()
    finally:
        context.close()
    assert any(u.endswith("/media/audio/jindu-guangbo.mp3") for u in requests)
    assert all(urlsplit(u).hostname == "127.0.0.1" for u in requests), requests
