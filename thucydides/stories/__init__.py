"""Stories: stored articles grouped by the story they report, across outlets.

- ``profile``: an article as a weighted bag of words (rare words weigh most; weights from general English and
  news word frequencies, never from the store, so two articles compare the same way in a store of ten or of a
  million).
- ``group``: one pass in date order; each article joins the open story whose centroid is most like it, or
  opens one. New articles join the stored stories the same way.
- ``news_words``: builds the news word frequencies (data/stories/news_words.tsv) from unlabelled corpora.
"""

from thucydides.stories.group import Grouping, Rule, group
from thucydides.stories.profile import Profile, profile

__all__ = ["Grouping", "Profile", "Rule", "group", "profile"]
