"""The foundation pages: home, posts, villages (with alias redirects), officers."""

from __future__ import annotations

from ..county import County
from .base import Asset, Page, SiteOutput, relurl
from .media import data_assets, package_assets, photo_url
from .render import Renderer


def core_pages(county: County, renderer: Renderer) -> SiteOutput:
    out = SiteOutput()
    out.pages.append(
        renderer.page("home.html", "index.md", county.site.title, townships=county.townships())
    )
    out.pages.append(renderer.page("posts_index.html", "posts/index.md", "警务室"))
    for post in county.posts:
        out.pages.append(
            renderer.page("post.html", f"posts/{post.id}.md", post.name, post=post)
        )
    for post, village in county.iter_villages():
        out.pages.append(
            renderer.page(
                "village.html", f"v/{village.id}.md", f"{village.name}的民警",
                village=village, post=post,
            )
        )
    for officer in county.officers:
        post = county.post_of_officer[officer.id]
        out.pages.append(
            renderer.page(
                "officer.html", f"officers/{officer.id}.md", f"{officer.name}（{post.name}）",
                officer=officer, post=post,
            )
        )
    out.assets.extend(alias_redirects(county, renderer))
    out.assets.extend(data_assets(county))
    out.assets.extend(package_assets())
    return out


def alias_redirects(county: County, renderer: Renderer) -> list[Asset]:
    """Old village ids keep working: /v/<alias>/ redirects to /v/<id>/ (no JS needed)."""
    out = []
    for alias, village in sorted(county.alias_of.items()):
        here = f"v/{alias}/"
        out.append(
            renderer.standalone(
                "redirect.html", here, village.name,
                target=relurl(here, f"v/{village.id}/"), village=village,
            )
        )
    return out


__all__ = ["Page", "core_pages", "photo_url"]
