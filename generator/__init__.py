"""cunjing (村警): turn a county's community-policing data into a static site.

The pipeline, one way, independent of MkDocs:

    data/ -> load (site.py: each kind's loader) -> the site object (site.Site)
    -> pages and files (build.py: each kind's pages) -> MkDocs (plugin.py) -> site/

``core/`` holds what knows nothing of villages (YAML with line numbers,
problems, Markdown, phones, pinyin, QR, rendering, atomic output); each other
package is one content kind with its schema, loader, pages, templates and CSS.
"""

__version__ = "0.1.0"
