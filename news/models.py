"""News pages (added by the news-and-campaign issue)."""
