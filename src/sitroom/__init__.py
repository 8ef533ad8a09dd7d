"""Sitroom: news articles about armed conflict in, evidence-linked events out."""

__version__ = "0.1.0"
