# One module per page type or concept; Django discovers them all here.
from countries.models.country_index_page import CountryIndexPage
from countries.models.country_page import CountryPage, TrainingLanguage
from countries.models.indicators import IndicatorType, IndicatorValue
from countries.models.story_index_page import StoryIndexPage
from countries.models.story_page import StoryPage, StoryRelatedResource
from countries.models.team import CountryTeam

__all__ = [
    "CountryIndexPage",
    "CountryPage",
    "CountryTeam",
    "IndicatorType",
    "IndicatorValue",
    "StoryIndexPage",
    "StoryPage",
    "StoryRelatedResource",
    "TrainingLanguage",
]
