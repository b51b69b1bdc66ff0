"""Matching people from contact books and bylines to social accounts."""

from audience.matching.matcher import ACCEPT, REVIEW, MatchSummary, match_people

__all__ = ["ACCEPT", "REVIEW", "MatchSummary", "match_people"]
