"""Readers of files people already have: contact books and social-network exports."""
