"""The web shells: the REST API (``api.create_app``), served by ``sitroom serve``."""

from sitroom.web.api import create_app

__all__ = ["create_app"]
