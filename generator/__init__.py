"""cunjing (村警): turn a county's community-policing data into a static site.

The core pipeline is engine-independent:

    load (yamlio, load) -> validate (schema, validate) -> model (county)
    -> pages (pages/) -> output (plugin for MkDocs, build for the CLI)
"""

__version__ = "0.1.0"
