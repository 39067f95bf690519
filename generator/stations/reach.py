"""到警务室: how a resident gets to the post. A geo: link opens the phone's
own map app (Android); 高德 and 百度 are plain links to their marker pages,
with the coordinates as WGS-84 (what the post files hold) and the post's name
as the label. Nothing is loaded from those hosts: the page only links to them."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from ..directory.schema import Post


@dataclass(frozen=True)
class MapLinks:
    geo: str
    amap: str
    baidu: str


def _coordinate(value: float) -> str:
    """At most 6 decimals (about 0.1 m), no trailing zeros: 24.5321."""
    return f"{value:.6f}".rstrip("0").rstrip(".")


def map_links(post: Post) -> MapLinks | None:
    """The post's map links, or None when its file has no location."""
    if post.location is None:
        return None
    lat, lon = _coordinate(post.location.lat), _coordinate(post.location.lon)
    geo = f"geo:{lat},{lon}?q={lat},{lon}({quote(post.name, safe='')})"
    amap = "https://uri.amap.com/marker?" + urlencode(
        {"position": f"{lon},{lat}", "name": post.name, "coordinate": "wgs84"}, quote_via=quote, safe=",",
    )
    baidu = "https://api.map.baidu.com/marker?" + urlencode(
        {
            "location": f"{lat},{lon}", "title": post.name, "content": post.address,
            "coord_type": "wgs84", "output": "html",
        },
        quote_via=quote, safe=",",
    )
    return MapLinks(geo, amap, baidu)
