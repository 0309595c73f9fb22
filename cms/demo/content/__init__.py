"""The demo's content as plain data: text per language, facts from the seed documents.

Pages refer to each other by stable keys (a country's ISO code, a case's slug); the
builder in ``cms.demo.build`` resolves them to pages of the right locale.
"""
