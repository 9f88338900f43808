"""Campaign pages (appeals, signatories, material, help network, fundraising).

Empty until the news-and-campaign issue lands; the app exists so the layout of
the project matches its design from the start.
"""
